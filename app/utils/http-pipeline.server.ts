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

/** The status an error carries (serve-static passes on 412 and 416 this way), if it is a 4xx or 5xx. */
function statusOf(error: unknown): number {
  const { status, statusCode } = (error ?? {}) as { status?: unknown; statusCode?: unknown }
  const code = Number(status ?? statusCode)
  return Number.isInteger(code) && code >= 400 && code <= 599 ? code : 500
}

/**
 * Runs `steps` in order, then `final`. A step that throws, rejects or calls `next(error)` ends the request:
 * with the error's own 4xx (and its headers, e.g. a 416's Content-Range), or else a 500, which is logged (the
 * app's own errors never get here, React Router renders those). Of the headers earlier steps set, the error
 * answer keeps only `keepOnError`.
 */
export function pipeline(steps: Step[], final: Step, opts: { keepOnError?: readonly string[] } = {}): Handler {
  // Headers an error answer keeps from the steps before it (the security headers); node names them in lower case.
  const keepOnError = new Set((opts.keepOnError ?? []).map((name) => name.toLowerCase()))
  const fail = (res: ServerResponse, error: unknown) => {
    const status = statusOf(error)
    if (status >= 500) console.error(error)
    if (res.headersSent) return void res.destroy()
    // Whatever a step set for the answer it meant to give (e.g. a year's caching for an asset) is not this one's.
    for (const name of res.getHeaderNames()) if (!keepOnError.has(name)) res.removeHeader(name)
    const headers = ((error ?? {}) as { headers?: Record<string, string> }).headers
    if (status < 500 && headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    sendText(res, status, status >= 500 ? 'Internal Server Error' : 'The request cannot be served as sent.')
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
