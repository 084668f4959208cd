/** HTTP hardening of the production server, checked over real HTTP. */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-server'
import { testPort, TMP_DIR } from '../support/paths'
import { checkDatabase } from './verify'

let app: RunningApp
let secureApp: RunningApp
const dbUrl = `file:${path.join(TMP_DIR, `security-${process.pid}.db`)}`

beforeAll(async () => {
  for (const s of ['', '-wal', '-shm']) rmSync(dbUrl.slice(5) + s, { force: true })
  app = await startApp({ port: testPort(3330), databaseUrl: dbUrl })
  // As deployed: production cookies (Secure) — no INSECURE_COOKIES escape hatch.
  secureApp = await startApp({ port: testPort(3331), databaseUrl: dbUrl, setup: false, env: { INSECURE_COOKIES: '' } })
})
afterAll(async () => {
  await app?.stop()
  await secureApp?.stop()
})

describe('security headers', () => {
  it.each(['/', '/decks/timeline/study', '/settings', '/no-such-page'])(
    '%s carries CSP with a nonce, frame-ancestors, Referrer-Policy and nosniff',
    async (page) => {
      const res = await fetch(app.url + page)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-inline')
      expect(res.headers.get('referrer-policy')).toBe('same-origin')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('x-powered-by')).toBeNull()
      const html = await res.text()
      const nonce = csp.match(/'nonce-([^']+)'/)![1]
      // Every inline script carries the nonce.
      for (const tag of html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`)
    },
  )

  it('uses a fresh nonce per response', async () => {
    const a = (await fetch(app.url + '/')).headers.get('content-security-policy')
    const b = (await fetch(app.url + '/')).headers.get('content-security-policy')
    expect(a).not.toBe(b)
  })
})

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax and Secure in production, holding only an opaque token', async () => {
    // A visitor's first write (here: saving settings) creates the guest and its session.
    const defaults = {
      desiredRetention: '0.9',
      newPerDay: '20',
      maxReviewsPerDay: '200',
      uiLanguage: 'en',
      cardLanguage: 'both',
      timeZone: 'UTC',
    }
    const res = await fetch(secureApp.url + '/settings', {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: secureApp.url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(defaults).toString(),
    })
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sd_session=')) ?? ''
    expect(cookie).toMatch(/^sd_session=[A-Za-z0-9_-]{43};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Secure')
  })
})

describe('cross-origin requests', () => {
  it('refuses a POST from another origin and writes nothing', async () => {
    const page = await fetch(app.url + '/decks/timeline/study?reveal=1')
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!
    const html = await page.text()
    const reviewId = html.match(/name="reviewId" value="([^"]+)"/)![1]!
    const itemId = html.match(/name="itemId" value="([^"]+)"/)![1]!
    const body = new URLSearchParams({ intent: 'review', reviewId, itemId, rating: '3' }).toString()
    const headers = { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }
    for (const origin of ['http://evil.example', 'null']) {
      const res = await fetch(app.url + '/decks/timeline/study', {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headers, Origin: origin },
        body,
      })
      expect(res.status).toBe(403)
    }
    expect((await checkDatabase(dbUrl, new Set())).storedReviews).toBe(0)
    // The same request from our own origin goes through.
    const ok = await fetch(app.url + '/decks/timeline/study', {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, Origin: app.url },
      body,
    })
    expect(ok.status).toBe(302)
  })
})
