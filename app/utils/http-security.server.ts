/** HTTP hardening shared by every response of the production server. */
import type { NextFunction, Request, Response } from 'express'

/** Headers every response carries, pages and assets alike. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'same-origin')
  res.setHeader('X-Frame-Options', 'DENY')
  // HTML pages get their Content-Security-Policy (with a per-request nonce) from app/entry.server.tsx.
  next()
}

/** A POST from another site is refused (the SameSite=Lax cookie already withholds the session; this is belt and braces). */
export function refuseCrossOriginPosts(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  const origin = req.get('origin')
  if (origin && origin !== 'null') {
    let host: string | null
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
