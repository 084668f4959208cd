/**
 * Sessions. Every learner is a user row; a visitor becomes a guest user at their first write (an answer, a
 * setting, a quiz), with no sign-up; reading pages creates nothing. The cookie holds only a random token;
 * the database stores its SHA-256. An account created later upgrades the same user row, which is how it
 * claims the guest's progress.
 */
import { LEECH_THRESHOLD } from '~/domain/holds'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { sessions, users, userSettings } from '../../db/schema'
import { isValidTimeZone } from '~/domain/study-day'
import { readCookie, serializeCookie } from './cookies.server'
import { getDb, type Database } from './db.server'
import { requestLanguage } from './lang.server'

export const SESSION_COOKIE = 'sd_session'

/**
 * How long sessions last (OWASP ASVS 4.0 level 1, V3.3: re-authentication at least every 30 days, idle
 * sessions end). A guest has no password to re-enter, so its session only ends after long disuse.
 */
export const SESSION_LIMITS = {
  account: { idleMs: 7 * 86_400_000, absoluteMs: 30 * 86_400_000 },
  guest: { idleMs: 90 * 86_400_000, absoluteMs: 365 * 86_400_000 },
} as const
/** The last-seen time is written at most this often per session (not on every request). */
const TOUCH_EVERY_MS = 5 * 60_000

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
export function newSession(userId: string, now: number, kind: SessionUser['kind']) {
  const token = randomBytes(32).toString('base64url')
  const { absoluteMs } = SESSION_LIMITS[kind]
  return {
    insert: getDb()
      .insert(sessions)
      .values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt: now + absoluteMs, lastSeenAt: now }),
    cookie: serializeCookie(SESSION_COOKIE, token, { maxAgeSeconds: absoluteMs / 1000, httpOnly: true }),
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

/** Whether the request carries a session cookie at all (valid or not). */
export function hasSessionCookie(request: Request): boolean {
  return Boolean(readCookie(request, SESSION_COOKIE))
}

/**
 * The user of the request's session, if it is live: not revoked, within its lifetime, and not idle longer
 * than its kind allows. Use the request context (app/utils/request-context.server.ts), which calls this
 * once per request.
 */
export async function getSessionUser(request: Request, now = Date.now()): Promise<SessionUser | null> {
  const tokenHash = sessionTokenHash(request)
  if (!tokenHash) return null
  const db = getDb()
  const [row] = await sessionQuery(db).all({
    tokenHash,
    now,
    accountIdleSince: now - SESSION_LIMITS.account.idleMs,
    guestIdleSince: now - SESSION_LIMITS.guest.idleMs,
    accountBornAfter: now - SESSION_LIMITS.account.absoluteMs,
    guestBornAfter: now - SESSION_LIMITS.guest.absoluteMs,
  })
  if (!row) return null
  if (Number(row.lastSeenAt) < now - TOUCH_EVERY_MS)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash))
  const { lastSeenAt: _, ...user } = row
  return user
}

/** The session lookup runs on every request: its SQL is built once per database handle, with placeholders. */
const sessionQueries = new WeakMap<Database, ReturnType<typeof prepareSessionQuery>>()

function sessionQuery(db: Database) {
  let query = sessionQueries.get(db)
  if (!query) sessionQueries.set(db, (query = prepareSessionQuery(db)))
  return query
}

function prepareSessionQuery(db: Database) {
  const lastSeen = sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`
  const kindLimit = (account: string, guest: string) =>
    sql`(case ${users.kind} when 'account' then ${sql.placeholder(account)} else ${sql.placeholder(guest)} end)`
  // The lifetime is checked against the kind's limit too, so sessions issued under a longer policy end on time.
  return db
    .select({ id: users.id, kind: users.kind, role: users.role, email: users.email, displayName: users.displayName, lastSeenAt: lastSeen })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        sql`${lastSeen} > ${kindLimit('accountIdleSince', 'guestIdleSince')}`,
        sql`${sessions.createdAt} > ${kindLimit('accountBornAfter', 'guestBornAfter')}`,
      ),
    )
    .limit(1)
    .prepare()
}

/**
 * A new guest user (at a visitor's first write: an answer, a setting, a quiz), with settings from the
 * browser's language and time zone. Returns the user and the Set-Cookie header of its session.
 */
export async function createGuest(request: Request): Promise<{ user: SessionUser; setCookie: string }> {
  const db = getDb()
  const now = Date.now()
  const id = randomUUID()
  const session = newSession(id, now, 'guest')
  await db.batch([
    db.insert(users).values({ id, kind: 'guest', createdAt: now }),
    db.insert(userSettings).values(await initialSettings(request, id)),
    session.insert,
  ])
  return { user: { id, kind: 'guest', role: 'student', email: null, displayName: null }, setCookie: session.cookie }
}

/** What a visitor with no user row yet sees: the column defaults of db/schema.ts, in the browser's language and time zone. */
export async function visitorSettings(request: Request): Promise<typeof userSettings.$inferSelect> {
  return {
    desiredRetention: 0.9,
    newPerDay: 20,
    maxReviewsPerDay: 200,
    cardLanguage: 'both',
    leechThreshold: LEECH_THRESHOLD.default,
    ...(await initialSettings(request, '')),
  }
}

/** Settings for a new user: the browser's language and time zone. */
export async function initialSettings(request: Request, userId: string) {
  const tz = readCookie(request, 'tz')
  return { userId, uiLanguage: await requestLanguage(request, null), timeZone: tz && isValidTimeZone(tz) ? tz : 'UTC' }
}
