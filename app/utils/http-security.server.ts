/** HTTP hardening shared by every response of the production server. */
import type { NextFunction, Request, Response } from 'express'

export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'same-origin')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  )
  next()
}

/** A POST from another site is refused (the SameSite=Lax cookie already withholds the session; this is belt and braces). */
export function refuseCrossOriginPosts(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  const origin = req.get('origin')
  if (origin && origin !== 'null') {
    let host: string | null = null
    try {
      host = new URL(origin).host
    } catch {
      host = null
    }
    if (host !== req.get('host')) {
      res.status(403).type('text/plain').send('Cross-origin requests are refused.')
      return
    }
  } else if (origin === 'null') {
    res.status(403).type('text/plain').send('Cross-origin requests are refused.')
    return
  }
  next()
}
