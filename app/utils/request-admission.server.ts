/**
 * At most a few new requests start in one turn of the event loop; the others wait, in arrival order, for the next
 * turns. Why: libuv accepts one new connection per turn of the event loop (since libuv 1.45, libuv/libuv#3696). Under
 * load a turn runs every request that arrived during it (40 answers at 1–2 ms each is a 40–80 ms turn), so when 50
 * connections opened at once the last of them waited for some 50 such turns, seconds, before their first request
 * was read. Short turns keep accepting new connections within milliseconds; the work itself is the same.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

// server.ts and the app are bundled apart (build/server.js, build/server/index.js): each has its own copy of this
// module, so the count of waiting requests lives on globalThis, where both see it.
const WAITING = Symbol.for('sourcedeck.requestsWaiting')
const shared = globalThis as { [WAITING]?: number }

/** Requests this process has received and not yet started: the group commit waits for the answers among them. */
export function requestsWaiting(): number {
  return shared[WAITING] ?? 0
}

/** Requests started per turn unless REQUESTS_PER_TURN says otherwise (0: no limit). */
export const REQUESTS_PER_TURN = 4

export function requestsPerTurn(): number {
  const configured = process.env.REQUESTS_PER_TURN
  return configured === undefined || configured === '' ? REQUESTS_PER_TURN : Math.max(0, Math.floor(Number(configured)) || 0)
}

export function admitPerTurn(handler: Handler, perTurn = requestsPerTurn()): Handler {
  if (perTurn <= 0) return handler
  const waiting: Array<[IncomingMessage, ServerResponse]> = []
  let started = 0
  let turnEnd: NodeJS.Immediate | null = null
  // Runs after the turn's I/O (the check phase): a new turn's allowance, spent first on those waiting longest.
  const endTurn = () => {
    turnEnd = null
    started = 0
    while (started < perTurn && waiting.length > 0) {
      const [req, res] = waiting.shift()!
      shared[WAITING] = waiting.length
      started++
      handler(req, res)
    }
    if (started > 0) turnEnd = setImmediate(endTurn)
  }
  return (req, res) => {
    if (started < perTurn && waiting.length === 0) {
      started++
      handler(req, res)
    } else shared[WAITING] = waiting.push([req, res])
    turnEnd ??= setImmediate(endTurn)
  }
}
