import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { headerOf, pathOf, pipeline, sendText, type Step } from '~/utils/http-pipeline.server'

let server: Server | null = null
afterEach(() => {
  server?.close()
  server = null
  vi.restoreAllMocks()
})

/** A real node:http server running `steps` then `final` (an error answer keeps X-Frame-Options); returns its base URL. */
async function serve(steps: Step[], final: Step): Promise<string> {
  server = createServer(pipeline(steps, final, { keepOnError: ['X-Frame-Options'] }))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('the server pipeline', () => {
  it('runs every step in order, sync and async, then the final handler', async () => {
    const seen: string[] = []
    const url = await serve(
      [
        (_req, _res, next) => (seen.push('a'), next()),
        async (_req, res, next) => {
          await new Promise((r) => setTimeout(r, 5))
          seen.push('b')
          res.setHeader('X-Step', 'b')
          next()
        },
      ],
      (req, res) => {
        seen.push('final')
        sendText(res, 200, `${pathOf(req)} ${headerOf(req, 'X-Thing')}`)
      },
    )
    const response = await fetch(`${url}/decks/x/study?card=1`, { headers: { 'x-thing': 'yes' } })
    expect(await response.text()).toBe('/decks/x/study yes')
    expect(response.headers.get('x-step')).toBe('b')
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(seen).toEqual(['a', 'b', 'final'])
  })

  it('stops at a step that answers the request itself', async () => {
    const final = vi.fn()
    const url = await serve([(_req, res) => sendText(res, 403, 'no')], final)
    const response = await fetch(url, { method: 'POST' })
    expect([response.status, await response.text()]).toEqual([403, 'no'])
    expect(final).not.toHaveBeenCalled()
  })

  it('answers 500 for a step that throws, rejects or passes an error, and the final handler never runs', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const final = vi.fn()
    const failures: Step[] = [
      () => {
        throw new Error('thrown')
      },
      async () => {
        throw new Error('rejected')
      },
      (_req, _res, next) => next(new Error('passed on')),
    ]
    for (const failing of failures) {
      server?.close()
      const url = await serve([failing], final)
      const response = await fetch(url)
      expect(response.status).toBe(500)
    }
    expect(final).not.toHaveBeenCalled()
    expect(console.error).toHaveBeenCalledTimes(3)
  })

  it('a step that calls next twice runs the rest once', async () => {
    const final = vi.fn((_req, res) => sendText(res, 200, 'ok'))
    const url = await serve([(_req, _res, next) => (next(), next())], final)
    expect(await (await fetch(url)).text()).toBe('ok')
    expect(final).toHaveBeenCalledTimes(1)
  })
})

describe('an error with its own status', () => {
  it('answers a 4xx error with that status and its headers, drops what earlier steps set but the security headers, and logs nothing', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const url = await serve(
      [
        (_req, res, next) => (res.setHeader('X-Frame-Options', 'DENY'), next()),
        (_req, res, next) => {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
          next(Object.assign(new Error('Range Not Satisfiable'), { status: 416, headers: { 'Content-Range': 'bytes */10' } }))
        },
      ],
      vi.fn(),
    )
    const response = await fetch(url)
    expect(response.status).toBe(416)
    expect(response.headers.get('content-range')).toBe('bytes */10')
    expect(response.headers.get('cache-control')).toBeNull()
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(logged).not.toHaveBeenCalled()
  })
})
