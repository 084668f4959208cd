import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { admitPerTurn, requestsWaiting } from '~/utils/request-admission.server'

const CONNECTIONS = 60
const turn = () => new Promise<void>((resolve) => setImmediate(resolve))
const fake = (n: number) => ({ req: { n } as unknown as IncomingMessage, res: {} as ServerResponse })

describe('a few requests start per turn of the event loop', () => {
  it('starts at most the allowance per turn, in arrival order, and every request in the end', async () => {
    const started: number[][] = [[]]
    const handle = admitPerTurn((req) => started.at(-1)!.push((req as unknown as { n: number }).n), 3)
    for (let n = 0; n < 8; n++) handle(fake(n).req, fake(n).res)
    expect(started[0]).toEqual([0, 1, 2])
    expect(requestsWaiting()).toBe(5)
    for (let t = 0; t < 3; t++) {
      started.push([])
      await turn()
    }
    expect(started.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(Math.max(...started.map((s) => s.length))).toBeLessThanOrEqual(3)
    expect(requestsWaiting()).toBe(0)
  })

  it('0 means no limit', () => {
    const started: number[] = []
    const handle = admitPerTurn((req) => started.push((req as unknown as { n: number }).n), 0)
    for (let n = 0; n < 10; n++) handle(fake(n).req, fake(n).res)
    expect(started).toHaveLength(10)
  })

  // libuv accepts one new connection per turn: when every turn runs all the requests that came in, a connection
  // opened with many others waits for as many turns as came before it, each serving every open connection.
  it('the last of 60 connections opened at once is served before the others have been served many times over', async () => {
    const servedBeforeLast = async (perTurn: number) => {
      let served = 0
      let lastFirstServedAfter = -1
      const handler = (req: IncomingMessage, res: ServerResponse) => {
        req.resume()
        req.on('end', () => {
          if (req.headers['x-conn'] === String(CONNECTIONS - 1) && lastFirstServedAfter < 0) lastFirstServedAfter = served
          served++
          const until = performance.now() + 1 // the work of an answer, before its commit
          while (performance.now() < until);
          setTimeout(() => res.end('ok'), 1)
        })
      }
      const server: Server = createServer(admitPerTurn(handler, perTurn))
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as net.AddressInfo
      const sockets = Array.from({ length: CONNECTIONS }, (_, i) => {
        const socket = net.connect(port, '127.0.0.1')
        const send = () => socket.write(`POST / HTTP/1.1\r\nHost: x\r\nX-Conn: ${i}\r\nContent-Length: 0\r\n\r\n`)
        socket.on('connect', send)
        socket.on('data', () => (lastFirstServedAfter < 0 ? send() : socket.destroy()))
        return socket
      })
      while (lastFirstServedAfter < 0) await new Promise((r) => setTimeout(r, 5))
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
      return lastFirstServedAfter
    }
    // Unlimited turns serve up to 60 × 60 / 2 = 1,800 requests first; four per turn, about 4 × 60.
    const limited = await servedBeforeLast(4)
    const unlimited = await servedBeforeLast(0)
    expect(limited).toBeLessThan(400)
    expect(unlimited).toBeGreaterThan(2 * limited)
  })
})
