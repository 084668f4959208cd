/** HTTP hardening shared by every response of the production server. */
import type { IncomingMessage as Request, ServerResponse as Response } from 'node:http'
import { headerOf, pathOf, protocolOf, sendText, type Next as NextFunction } from './http-pipeline.server'
import { publicOrigin } from './public-url.server'
import { SESSION_COOKIE } from './session.server'

/** The headers `securityHeaders` sets: an error answer of the pipeline keeps them (app/utils/http-pipeline.server.ts). */
export const SECURITY_HEADER_NAMES = ['X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options', 'Strict-Transport-Security'] as const

/** Headers every response carries, pages and assets alike. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  const [noSniff, referrer, frames, hsts] = SECURITY_HEADER_NAMES
  res.setHeader(noSniff, 'nosniff')
  res.setHeader(referrer, 'same-origin')
  res.setHeader(frames, 'DENY')
  // Browsers only honour HSTS over https; PUBLIC_URL says whether the public address is https.
  if (process.env.NODE_ENV === 'production') res.setHeader(hsts, 'max-age=31536000; includeSubDomains')
  // HTML pages get their Content-Security-Policy (with a per-request nonce) from app/entry.server.tsx.
  next()
}

/** The methods the app answers: pages and files (GET, HEAD) and forms (POST). */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const

/**
 * Any other method is answered 405 here. Without this, React Router ran a route's action for PUT, DELETE or PATCH as
 * for a POST, and undici's Request refused TRACE with an error (a 500 and a stack trace in the log).
 */
export function refuseOtherMethods(req: Request, res: Response, next: NextFunction) {
  if ((ALLOWED_METHODS as readonly string[]).includes(req.method ?? '')) return next()
  res.setHeader('Allow', ALLOWED_METHODS.join(', '))
  sendText(res, 405, 'This method is not allowed here.')
}

/**
 * Only a path is served: a request target that is not one (`*`, or an absolute URL) would become the host of the
 * URL React Router sees, and a path that does not decode names no page. Both are answered 400 here.
 */
export function refuseOddTargets(req: Request, res: Response, next: NextFunction) {
  const url = req.url ?? ''
  if (!url.startsWith('/')) return sendText(res, 400, 'The request target must be a path.')
  try {
    decodeURIComponent(pathOf(req))
  } catch {
    return sendText(res, 400, 'The request path is not valid percent-encoding.')
  }
  next()
}

/** Pages of someone with a session, and every `.data` response, must not be kept by any cache. */
export function noStoreForSessions(req: Request, res: Response, next: NextFunction) {
  const cookies = headerOf(req, 'cookie') ?? ''
  if (pathOf(req).endsWith('.data') || cookies.includes(`${SESSION_COOKIE}=`)) res.setHeader('Cache-Control', 'no-store')
  next()
}

function originOf(value: string | undefined): string | null {
  if (!value) return null
  try {
    return new URL(value).origin
  } catch {
    return null
  }
}

/**
 * Whether a state-changing request comes from our own pages: by Origin; without one, by Sec-Fetch-Site;
 * without that, by Referer. A request with none of them (not a browser) passes: the SameSite=Lax cookie
 * already keeps a session out of cross-site requests.
 */
export function isSameOriginRequest(req: Request): boolean {
  const ours = publicOrigin() ?? `${protocolOf(req)}://${headerOf(req, 'host') ?? ''}`
  const origin = headerOf(req, 'origin')
  if (origin !== undefined) return origin !== 'null' && originOf(origin) === ours
  const site = headerOf(req, 'sec-fetch-site')
  if (site !== undefined) return site === 'same-origin' || site === 'none'
  const referer = headerOf(req, 'referer')
  if (referer !== undefined) return originOf(referer) === ours
  return true
}

/** A POST from another site is refused (the SameSite=Lax cookie already withholds the session; this is belt and braces). */
export function refuseCrossOriginPosts(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  if (!isSameOriginRequest(req)) {
    return sendText(res, 403, 'Cross-origin requests are refused.')
  }
  next()
}
