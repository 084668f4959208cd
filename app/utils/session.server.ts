/**
 * Who is asking. Every learner is a user row; a visitor becomes a guest user the first time they study or
 * save settings, with no sign-up. The cookie holds only a random token; the database stores its SHA-256.
 * An account created later upgrades the same user row, which is how it claims the guest's progress.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { redirect } from 'react-router'
import { sessions, users, userSettings } from '../../db/schema'
import { isValidTimeZone } from '~/domain/study-day'
import { readCookie, serializeCookie } from './cookies.server'
import { getDb } from './db.server'
import { requestLanguage } from './lang.server'

export const SESSION_COOKIE = 'sd_session'
const SESSION_DAYS = 365

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

export interface SessionUser {
  id: string
  kind: 'guest' | 'account'
  role: 'student' | 'instructor'
  email: string | null
  displayName: string | null
}

/** A new session for a user: the statement that stores it, and the cookie that carries it. */
export function newSession(userId: string, now: number) {
  const token = randomBytes(32).toString('base64url')
  return {
    insert: getDb().insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt: now + SESSION_DAYS * 86_400_000 }),
    cookie: serializeCookie(SESSION_COOKIE, token, { maxAgeSeconds: SESSION_DAYS * 86_400, httpOnly: true }),
  }
}

export function clearedSessionCookie(): string {
  return serializeCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, httpOnly: true })
}

/** The token hash of the request's session (to revoke it), or null. */
export function sessionTokenHash(request: Request): string | null {
  const token = readCookie(request, SESSION_COOKIE)
  return token && token.length <= 100 ? hashToken(token) : null
}

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = readCookie(request, SESSION_COOKIE)
  if (!token || token.length > 100) return null
  const db = getDb()
  const [row] = await db
    .select({ id: users.id, kind: users.kind, role: users.role, email: users.email, displayName: users.displayName })
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
  const session = newSession(id, now)
  await db.batch([
    db.insert(users).values({ id, kind: 'guest', createdAt: now }),
    db.insert(userSettings).values(await initialSettings(request, id)),
    session.insert,
  ])
  return { user: { id, kind: 'guest', role: 'student', email: null, displayName: null }, setCookie: session.cookie }
}

/** Settings for a new user: the browser's language and time zone. */
export async function initialSettings(request: Request, userId: string) {
  const tz = readCookie(request, 'tz')
  return { userId, uiLanguage: await requestLanguage(request, null), timeZone: tz && isValidTimeZone(tz) ? tz : 'UTC' }
}

/** Pages for signed-in accounts only: others go to sign-in and come back. */
export async function requireAccount(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request)
  if (!user || user.kind !== 'account') {
    const url = new URL(request.url)
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`)
  }
  return user
}
