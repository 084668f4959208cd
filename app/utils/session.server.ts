/**
 * Who is asking. Every learner is a user row; a visitor becomes a guest user the first time they study or
 * save settings, with no sign-up. The cookie holds only a random token; the database stores its SHA-256.
 * An account created later upgrades the same user row, which is how it claims the guest's progress.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { sessions, users, userSettings } from '../../db/schema'
import { isValidTimeZone } from '~/domain/study-day'
import { readCookie, serializeCookie } from './cookies.server'
import { getDb } from './db.server'
import { requestLanguage } from './lang.server'

export const SESSION_COOKIE = 'sd_session'
const SESSION_DAYS = 365

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

export interface SessionUser {
  id: string
  kind: 'guest' | 'account'
}

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = readCookie(request, SESSION_COOKIE)
  if (!token || token.length > 100) return null
  const db = getDb()
  const [row] = await db
    .select({ id: users.id, kind: users.kind })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, Date.now())))
    .limit(1)
  return row ?? null
}

/**
 * The current user, creating a guest if there is none. Returns the Set-Cookie header to send when a guest
 * was created. The browser's time zone (sent by the page as the `tz` cookie) seeds the settings.
 */
export async function requireLearner(request: Request): Promise<{ user: SessionUser; setCookie: string | null }> {
  const existing = await getSessionUser(request)
  if (existing) return { user: existing, setCookie: null }
  const db = getDb()
  const now = Date.now()
  const id = randomUUID()
  const token = randomBytes(32).toString('base64url')
  const tz = readCookie(request, 'tz')
  const lang = await requestLanguage(request, null)
  await db.batch([
    db.insert(users).values({ id, kind: 'guest', createdAt: now }),
    db.insert(userSettings).values({ userId: id, uiLanguage: lang, timeZone: tz && isValidTimeZone(tz) ? tz : 'UTC' }),
    db.insert(sessions).values({ tokenHash: hashToken(token), userId: id, createdAt: now, expiresAt: now + SESSION_DAYS * 86_400_000 }),
  ])
  return {
    user: { id, kind: 'guest' },
    setCookie: serializeCookie(SESSION_COOKIE, token, { maxAgeSeconds: SESSION_DAYS * 86_400, httpOnly: true }),
  }
}
