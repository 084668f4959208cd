/**
 * Accounts: sign-up (which upgrades the guest's own user row, so their progress comes along), sign-in with
 * throttling of repeated failures, sign-out, session revocation and password reset.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm'
import { passwordResets, sessions, signInFailures, users, userSettings } from '../../db/schema'
import { getDb } from './db.server'
import { mailer } from './mailer.server'
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.server'
import { getSessionUser, hashToken, initialSettings, newSession, sessionTokenHash } from './session.server'

export const MAX_FAILURES = 5
export const FAILURE_WINDOW_MS = 15 * 60_000
const RESET_TTL_MS = 60 * 60_000

export type AuthResult<T = { cookie: string; userId: string }> = { ok: true; value: T } | { ok: false; error: string; retryAfterMinutes?: number }

export async function signUp(request: Request, input: { email: string; password: string; displayName: string; role: 'student' | 'instructor' }): Promise<AuthResult> {
  const db = getDb()
  const now = Date.now()
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email))
  if (taken) return { ok: false, error: 'errorEmailTaken' }
  const passwordHash = await hashPassword(input.password)
  const current = await getSessionUser(request)
  // A guest signing up keeps everything: the same user row becomes the account.
  const userId = current?.kind === 'guest' ? current.id : randomUUID()
  const session = newSession(userId, now)
  const account = { kind: 'account' as const, email: input.email, displayName: input.displayName, role: input.role, passwordHash }
  try {
    if (current?.kind === 'guest') {
      await db.batch([db.update(users).set(account).where(and(eq(users.id, userId), eq(users.kind, 'guest'))), revokeRequestSession(request, now), session.insert])
    } else {
      await db.batch([db.insert(users).values({ id: userId, createdAt: now, ...account }), db.insert(userSettings).values(await initialSettings(request, userId)), session.insert])
    }
  } catch (error) {
    if (/UNIQUE/i.test(String((error as { cause?: unknown }).cause ?? error))) return { ok: false, error: 'errorEmailTaken' }
    throw error
  }
  return { ok: true, value: { cookie: session.cookie, userId } }
}

function revokeRequestSession(request: Request, now: number) {
  const tokenHash = sessionTokenHash(request) ?? ''
  return getDb().update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash))
}

/** Keys a sign-in failure counts against: the account, and the client address when a proxy reports it. */
function throttleKeys(request: Request, email: string): string[] {
  const forwarded = request.headers.get('X-Forwarded-For')?.split(',')[0]?.trim()
  return [`email:${email}`, ...(forwarded ? [`addr:${forwarded}`] : [])]
}

async function blockedFor(keys: string[], now: number): Promise<number | null> {
  const rows = await getDb().select().from(signInFailures).where(sql`${signInFailures.key} in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`)
  const blocking = rows.filter((r) => r.failures >= MAX_FAILURES && now - r.windowStart < FAILURE_WINDOW_MS)
  if (blocking.length === 0) return null
  return Math.ceil((Math.max(...blocking.map((r) => r.windowStart + FAILURE_WINDOW_MS)) - now) / 60_000)
}

async function recordFailure(keys: string[], now: number) {
  const db = getDb()
  const [first, ...rest] = keys.map((key) =>
      db
        .insert(signInFailures)
        .values({ key, windowStart: now, failures: 1 })
        .onConflictDoUpdate({
          target: signInFailures.key,
          // A new window starts when the old one has passed.
          set: {
            failures: sql`case when ${now} - ${signInFailures.windowStart} >= ${FAILURE_WINDOW_MS} then 1 else ${signInFailures.failures} + 1 end`,
            windowStart: sql`case when ${now} - ${signInFailures.windowStart} >= ${FAILURE_WINDOW_MS} then ${now} else ${signInFailures.windowStart} end`,
          },
        }),
  )
  await db.batch([first!, ...rest])
}

export async function signIn(request: Request, input: { email: string; password: string }): Promise<AuthResult> {
  const db = getDb()
  const now = Date.now()
  const keys = throttleKeys(request, input.email)
  const wait = await blockedFor(keys, now)
  if (wait !== null) return { ok: false, error: 'errorThrottled', retryAfterMinutes: wait }
  const [user] = await db.select({ id: users.id, hash: users.passwordHash }).from(users).where(and(eq(users.email, input.email), eq(users.kind, 'account')))
  const valid = await verifyPassword(input.password, user?.hash ?? DUMMY_HASH)
  if (!user || !valid) {
    await recordFailure(keys, now)
    return { ok: false, error: 'errorBadCredentials' }
  }
  const session = newSession(user.id, now)
  // A fresh session id on sign-in; the guest session this browser had (if any) ends.
  await db.batch([session.insert, revokeRequestSession(request, now), db.delete(signInFailures).where(eq(signInFailures.key, `email:${input.email}`))])
  return { ok: true, value: { cookie: session.cookie, userId: user.id } }
}

export async function signOut(request: Request): Promise<void> {
  await revokeRequestSession(request, Date.now())
}

export async function activeSessions(request: Request, userId: string) {
  const current = sessionTokenHash(request)
  const rows = await getDb()
    .select({ tokenHash: sessions.tokenHash, createdAt: sessions.createdAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, Date.now())))
  // The client never sees token hashes: sessions are named by a short public fingerprint.
  return rows.map((r) => ({ id: hashToken(r.tokenHash).slice(0, 16), createdAt: r.createdAt, current: r.tokenHash === current }))
}

/** Revokes one of the user's own sessions (by fingerprint), or all but the current one. */
export async function revokeSessions(request: Request, userId: string, which: string | 'others'): Promise<number> {
  const db = getDb()
  const now = Date.now()
  const current = sessionTokenHash(request) ?? ''
  if (which === 'others') {
    const res = await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, current), isNull(sessions.revokedAt)))
    return res.rowsAffected
  }
  const mine = await db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
  const target = mine.find((s) => hashToken(s.tokenHash).slice(0, 16) === which)
  if (!target) return 0
  return (await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, target.tokenHash))).rowsAffected
}

/** Sends a reset link if the account exists; says nothing either way (no account discovery). */
export async function requestPasswordReset(email: string, origin: string): Promise<void> {
  const db = getDb()
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.email, email), eq(users.kind, 'account')))
  if (!user) return
  const token = randomBytes(32).toString('base64url')
  await db.insert(passwordResets).values({ tokenHash: hashToken(token), userId: user.id, expiresAt: Date.now() + RESET_TTL_MS })
  await mailer().sendPasswordReset(email, `${origin}/reset-password/${token}`)
}

export async function resetPassword(token: string, password: string): Promise<AuthResult<null>> {
  const db = getDb()
  const now = Date.now()
  const tokenHash = hashToken(token)
  const [reset] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash))
  if (!reset || reset.usedAt !== null || reset.expiresAt < now) return { ok: false, error: 'errorResetLink' }
  const passwordHash = await hashPassword(password)
  const [used] = await db.batch([
    db.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt))),
    db.update(users).set({ passwordHash }).where(and(eq(users.id, reset.userId), sql`exists (select 1 from ${passwordResets} where token_hash = ${tokenHash} and used_at = ${now})`)),
    // A new password ends every existing session.
    db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, reset.userId), isNull(sessions.revokedAt), sql`exists (select 1 from ${passwordResets} where token_hash = ${tokenHash} and used_at = ${now})`)),
  ])
  return used.rowsAffected === 1 ? { ok: true, value: null } : { ok: false, error: 'errorResetLink' }
}
