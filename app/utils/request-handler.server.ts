/**
 * The React Router request handler for Express, as @react-router/express's, with two differences:
 * the body is the one app/utils/body-limits.server.ts read and checked (never the raw socket), and the
 * request's URL is built on the configured public origin (PUBLIC_URL), so no Host header an attacker sends
 * can reach a link or an origin check. The client's address (for rate limits) travels in a header only it sets.
 */
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { ServerBuild } from 'react-router'
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from './client-address.server'
import { publicOrigin } from './public-url.server'

export async function createAppHandler({ build, mode }: { build: ServerBuild; mode?: string }) {
  // Imported here, not at the top: server.ts sets NODE_ENV before React Router loads (a static import of a
  // bundled module would be hoisted above that line and load the development build).
  const { createRequestHandler: createRouterHandler } = await import('react-router')
  const { writeReadableStreamToWritable } = await import('@react-router/node')
  const handle = createRouterHandler(build, mode)
  const send = async (res: ExpressResponse, response: Response) => {
    if (res.destroyed || res.writableEnded) {
      await response.body?.cancel()
      return
    }
    res.statusMessage = response.statusText
    res.status(response.status)
    // Set-Cookie may repeat; any other header the app sets replaces the server's default (e.g. Cache-Control).
    for (const [key, value] of response.headers.entries()) {
      if (key === 'set-cookie') res.append(key, value)
      else res.setHeader(key, value)
    }
    if (!response.body) return void res.end()
    try {
      await writeReadableStreamToWritable(response.body, res)
    } catch (error) {
      if (!(res.destroyed || res.writableEnded)) throw error
    }
  }
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const response = await handle(toFetchRequest(req, res))
      await send(res, response)
    } catch (error) {
      next(error)
    }
  }
}

function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const origin = publicOrigin() ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`
  // Concatenated, not resolved: a path such as "//evil.example/x" stays a path on our origin.
  const url = new URL(`${origin}${req.originalUrl}`)
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v)
    else if (value !== undefined) headers.set(key, value)
  }
  headers.set(CLIENT_ADDRESS_HEADER, clientAddressOf(req.socket.remoteAddress, req.get('x-forwarded-for')))
  const controller = new AbortController()
  let finished = false
  res.on('finish', () => (finished = true))
  res.on('close', () => finished || controller.abort())
  const init: RequestInit = { method: req.method, headers, signal: controller.signal }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const body: Buffer = res.locals.body ?? Buffer.alloc(0)
    // An empty POST (a button with no fields) still parses as an empty form.
    if (body.length === 0 && !headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded')
    init.body = new Uint8Array(body)
  }
  return new Request(url, init)
}
