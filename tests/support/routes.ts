/** Calling route loaders and actions as React Router does, with real Requests. */
import { RouterContextProvider } from 'react-router'

export const BASE = 'http://localhost'

export function formRequest(url: string, fields: Record<string, string>, cookie?: string | null): Request {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }
  if (cookie) headers.Cookie = cookie
  return new Request(BASE + url, { method: 'POST', headers, body: new URLSearchParams(fields).toString() })
}

export function getRequest(url: string, cookie?: string | null, headers: Record<string, string> = {}): Request {
  return new Request(BASE + url, { headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) } })
}

export function args<P extends Record<string, string>>(request: Request, params: P) {
  // The shape React Router passes to loaders and actions (middleware is on, so context is a provider).
  return { request, params, context: new RouterContextProvider(), unstable_pattern: '', unstable_url: new URL(request.url) } as never
}

interface DataResult<T> {
  data: T
  init: ResponseInit | null
}

/** Unwraps what a loader/action returned: a Response (redirect) or data() with its status. */
export async function settle<T = unknown>(promise: Promise<unknown>): Promise<{ status: number; body: T; headers: Headers; location: string | null }> {
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

/** The session cookie value from a Set-Cookie header, ready to send back. */
export function cookieFrom(headers: Headers): string | null {
  const set = headers.get('Set-Cookie')
  const m = set?.match(/sd_session=([^;]+)/)
  return m ? `sd_session=${m[1]}` : null
}
