/**
 * The React Router request handler on node:http (the last step of app/utils/http-pipeline.server.ts), as
 * @react-router/express's, with two differences:
 * the body is the one app/utils/body-limits.server.ts read and checked (never the raw socket), and the
 * request's URL is built on the configured public origin (PUBLIC_URL), so no Host header an attacker sends
 * can reach a link or an origin check. The client's address (for rate limits) travels in a header only it sets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ServerBuild } from 'react-router'
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from './client-address.server'
import { publicOrigin } from './public-url.server'
import { checkedBody } from './body-limits.server'
import { headerOf, protocolOf, type Next } from './http-pipeline.server'

export async function createAppHandler({ build, mode }: { build: ServerBuild; mode?: string }) {
  // Imported here, not at the top: server.ts sets NODE_ENV before React Router loads (a static import of a
  // bundled module would be hoisted above that line and load the development build).
  const { createRequestHandler: createRouterHandler } = await import('react-router')
  const { writeReadableStreamToWritable } = await import('@react-router/node')
  const handle = createRouterHandler(build, mode)
  const send = async (res: ServerResponse, response: Response) => {
    if (res.destroyed || res.writableEnded) {
      await response.body?.cancel()
      return
    }
    res.statusMessage = response.statusText
    res.statusCode = response.status
    // Set-Cookie may repeat; any other header the app sets replaces the server's default (e.g. Cache-Control).
    for (const [key, value] of response.headers.entries()) if (key !== 'set-cookie') res.setHeader(key, value)
    const cookies = response.headers.getSetCookie()
    if (cookies.length > 0) res.setHeader('set-cookie', cookies)
    if (!response.body) return void res.end()
    try {
      await writeReadableStreamToWritable(response.body, res)
    } catch (error) {
      if (!(res.destroyed || res.writableEnded)) throw error
    }
  }
  return async (req: IncomingMessage, res: ServerResponse, next: Next) => {
    try {
      const response = await handle(toFetchRequest(req, res))
      await send(res, response)
    } catch (error) {
      next(error)
    }
  }
}

function toFetchRequest(req: IncomingMessage, res: ServerResponse): Request {
  const origin = publicOrigin() ?? `${protocolOf(req)}://${headerOf(req, 'host') ?? 'localhost'}`
  // Concatenated, not resolved: a path such as "//evil.example/x" stays a path on our origin.
  const url = new URL(`${origin}${req.url ?? '/'}`)
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v)
    else if (value !== undefined) headers.set(key, value)
  }
  headers.set(CLIENT_ADDRESS_HEADER, clientAddressOf(req.socket.remoteAddress, headerOf(req, 'x-forwarded-for')))
  const controller = new AbortController()
  let finished = false
  res.on('finish', () => (finished = true))
  res.on('close', () => finished || controller.abort())
  const init: RequestInit = { method: req.method, headers, signal: controller.signal }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const body = checkedBody(req)
    // An empty POST (a button with no fields) still parses as an empty form.
    if (body.length === 0 && !headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded')
    init.body = new Uint8Array(body)
  }
  return new Request(url, init)
}
