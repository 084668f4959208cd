/** Calling route loaders and actions as React Router does, with real Requests. */
import { RouterContextProvider } from 'react-router'
import { CLIENT_ADDRESS_HEADER } from '~/utils/client-address.server'
import { resolveVisitor, visitorContext } from '~/utils/request-context.server'
import { createGuest } from '~/utils/session.server'

export const BASE = 'http://localhost'

export function formRequest(url: string, fields: Record<string, string>, cookie?: string | null): Request {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }
  if (cookie) headers.Cookie = cookie
  return new Request(BASE + url, { method: 'POST', headers, body: new URLSearchParams(fields).toString() })
}

export function getRequest(url: string, cookie?: string | null, headers: Record<string, string> = {}): Request {
  return new Request(BASE + url, { headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) } })
}

/**
 * The shape React Router passes to loaders and actions. Middleware is on, so the context is a provider, and
 * it carries who is asking, resolved by the same function as the root middleware.
 */
export async function args<P extends Record<string, string>>(request: Request, params: P) {
  const context = new RouterContextProvider()
  context.set(visitorContext, await resolveVisitor(request))
  return { request, params, context, unstable_pattern: '', unstable_url: new URL(request.url) } as never
}

type Handler = (args: never) => Promise<unknown> | unknown

/**
 * Runs a loader or action as the root middleware would: who is asking is resolved first, and the cookies the
 * request context collected (a guest created at its first write) are added to the response's headers.
 */
export async function call<T = unknown>(handler: Handler, request: Request, params: Record<string, string> = {}, clientAddress?: string) {
  if (clientAddress) request.headers.set(CLIENT_ADDRESS_HEADER, clientAddress)
  const context = new RouterContextProvider()
  const visitor = await resolveVisitor(request)
  context.set(visitorContext, visitor)
  const result = await settle<T>(
    Promise.resolve().then(() => handler({ request, params, context, unstable_pattern: '', unstable_url: new URL(request.url) } as never)),
  )
  const ownSession = result.headers.getSetCookie().some((c) => c.startsWith('sd_session='))
  if (!ownSession) for (const cookie of visitor.cookies) result.headers.append('Set-Cookie', cookie)
  return result
}

interface DataResult<T> {
  data: T
  init: ResponseInit | null
}

/** Unwraps what a loader/action returned: a Response (redirect) or data() with its status. */
export async function settle<T = unknown>(
  promise: Promise<unknown>,
): Promise<{ status: number; body: T; headers: Headers; location: string | null }> {
  let value: unknown
  try {
    value = await promise
  } catch (thrown) {
    value = thrown
  }
  if (value instanceof Response) {
    return { status: value.status, body: null as T, headers: value.headers, location: value.headers.get('Location') }
  }
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'DataWithResponseInit') {
    const d = value as DataResult<T>
    return { status: d.init?.status ?? 200, body: d.data, headers: new Headers(d.init?.headers), location: null }
  }
  return { status: 200, body: value as T, headers: new Headers(), location: null }
}

/** A guest's session cookie, as a visitor's first write (an answer, a setting) creates it. */
export async function guestCookie(): Promise<string> {
  return (await guest()).cookie
}

/** A new guest: their session cookie and their user id. */
export async function guest(): Promise<{ cookie: string; id: string }> {
  const { setCookie, user } = await createGuest(getRequest('/'))
  return { cookie: setCookie.split(';')[0]!, id: user.id }
}

/** The session cookie value from a Set-Cookie header, ready to send back. */
export function cookieFrom(headers: Headers): string | null {
  const set = headers.get('Set-Cookie')
  const m = set?.match(/sd_session=([^;]+)/)
  return m ? `sd_session=${m[1]}` : null
}
