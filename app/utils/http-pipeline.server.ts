/**
 * The production server's request pipeline on plain node:http: a few connect-style steps (compression, static
 * files, security headers, body checks) in a fixed order, then the React Router handler. Express did this before;
 * its router cost some 0.15 ms of CPU per request (a prototype swap on every request and object, a path match per
 * layer), about a tenth of an answer's CPU, for a list of steps that never branches on the path. See decision 0007.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'

export type Next = (error?: unknown) => void
/** One step: calls `next()` to go on, or answers the request itself. May be async. */
export type Step = (req: IncomingMessage, res: ServerResponse, next: Next) => unknown
export type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** A request header as one string (the first, if the client repeated it), or undefined. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/** The request's path, without its query. */
export function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/'
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}

/** How this server was reached (no proxy header is trusted: PUBLIC_URL names the public origin). */
export function protocolOf(req: IncomingMessage): 'http' | 'https' {
  return (req.socket as TLSSocket).encrypted ? 'https' : 'http'
}

/** A short plain-text answer (refusals before the app runs). `close`: the rest of the body is not read. */
export function sendText(res: ServerResponse, status: number, text: string, opts: { close?: boolean } = {}) {
  if (res.headersSent) return
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  if (opts.close) res.setHeader('Connection', 'close')
  res.end(text)
}

/**
 * Runs `steps` in order, then `final`. A step that throws, rejects or calls `next(error)` ends the request
 * with a 500 (the error is logged; the app's own errors never get here, React Router renders those).
 */
export function pipeline(steps: Step[], final: Step): Handler {
  const fail = (res: ServerResponse, error: unknown) => {
    console.error(error)
    if (res.headersSent) res.destroy()
    else sendText(res, 500, 'Internal Server Error')
  }
  return (req, res) => {
    const run = (index: number, error?: unknown): void => {
      if (error !== undefined) return fail(res, error)
      const step = index < steps.length ? steps[index]! : final
      let called = false
      const next: Next = (nextError) => {
        if (called) return
        called = true
        if (index < steps.length) run(index + 1, nextError)
        else if (nextError !== undefined) fail(res, nextError)
      }
      try {
        const result = step(req, res, next)
        if (result instanceof Promise) result.catch((e: unknown) => fail(res, e))
      } catch (e) {
        fail(res, e)
      }
    }
    run(0)
  }
}
