/**
 * Accounts: sign-up (which upgrades the guest's own user row, so their progress comes along), sign-in with
 * throttling of repeated failures, sign-out, session revocation and password reset.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm'
import { passwordResets, sessions, users, userSettings } from '../../db/schema'
import { getDb } from './db.server'
import { mailer } from './mailer.server'
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.server'
import { hashToken, initialSettings, newSession, sessionTokenHash, type SessionUser } from './session.server'
import { claimAttempt, clearAttempts, POLICIES, refundAttempt } from './throttle.server'
import type { MessageKey } from '~/i18n/keys'

const RESET_TTL_MS = 60 * 60_000

export type AuthResult<T = { cookie: string; userId: string }> =
  { ok: true; value: T } | { ok: false; error: MessageKey; retryAfterSeconds?: number }

/**
 * Creates an account. A guest signing up keeps everything: the same user row becomes the account.
 * A taken e-mail is said so (see README, "Accounts"): sign-up signs in at once, so a neutral answer could not
 * hide it anyway; sign-ups are rate limited per client address instead, which makes probing slow.
 */
export async function signUp(
  request: Request,
  current: SessionUser | null,
  address: string,
  input: { email: string; password: string; displayName: string; role: 'student' | 'instructor' },
): Promise<AuthResult> {
  const claim = await claimAttempt(`signup:addr:${address}`, POLICIES.signUpAddress)
  if (!claim.ok) return { ok: false, error: 'errorThrottled', retryAfterSeconds: claim.retryAfterSeconds }
  const db = getDb()
  const now = Date.now()
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email))
  if (taken) return { ok: false, error: 'errorEmailTaken' }
  const passwordHash = await hashPassword(input.password)
  const userId = current?.kind === 'guest' ? current.id : randomUUID()
  const session = newSession(userId, now, 'account')
  const account = { kind: 'account' as const, email: input.email, displayName: input.displayName, role: input.role, passwordHash }
  try {
    if (current?.kind === 'guest') {
      await db.batch([
        db
          .update(users)
          .set(account)
          .where(and(eq(users.id, userId), eq(users.kind, 'guest'))),
        revokeRequestSession(request, now),
        session.insert,
      ])
    } else {
      await db.batch([
        db.insert(users).values({ id: userId, createdAt: now, ...account }),
        db.insert(userSettings).values(await initialSettings(request, userId)),
        session.insert,
      ])
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

/**
 * Signs in. Attempts are claimed before the password is hashed: per client address (a hard limit on failures)
 * and per account (a growing delay, so guessing is slow but the owner is never locked out for long).
 */
export async function signIn(request: Request, address: string, input: { email: string; password: string }): Promise<AuthResult> {
  const db = getDb()
  const now = Date.now()
  const addressKey = `signin:addr:${address}`
  const accountKey = `signin:email:${input.email}`
  const byAddress = await claimAttempt(addressKey, POLICIES.signInAddress, now)
  if (!byAddress.ok) return { ok: false, error: 'errorThrottled', retryAfterSeconds: byAddress.retryAfterSeconds }
  const byAccount = await claimAttempt(accountKey, POLICIES.signInAccount, now)
  if (!byAccount.ok) {
    await refundAttempt(addressKey)
    return { ok: false, error: 'errorThrottled', retryAfterSeconds: byAccount.retryAfterSeconds }
  }
  const [user] = await db
    .select({ id: users.id, hash: users.passwordHash })
    .from(users)
    .where(and(eq(users.email, input.email), eq(users.kind, 'account')))
  const valid = await verifyPassword(input.password, user?.hash ?? DUMMY_HASH)
  if (!user || !valid) return { ok: false, error: 'errorBadCredentials' }
  const session = newSession(user.id, now, 'account')
  // A fresh session id on sign-in; the guest session this browser had (if any) ends.
  await db.batch([session.insert, revokeRequestSession(request, now), clearAttempts(accountKey), refundAttempt(addressKey)])
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

/** Revokes one of the user's own sessions (by fingerprint), all but the current one, or all of them. */
export async function revokeSessions(request: Request, userId: string, which: string | 'others' | 'all'): Promise<number> {
  const db = getDb()
  const now = Date.now()
  const current = sessionTokenHash(request) ?? ''
  if (which === 'all') {
    return (
      await db
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    ).rowsAffected
  }
  if (which === 'others') {
    const res = await db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, current), isNull(sessions.revokedAt)))
    return res.rowsAffected
  }
  const mine = await db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
  const target = mine.find((s) => hashToken(s.tokenHash).slice(0, 16) === which)
  if (!target) return 0
  return (await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, target.tokenHash))).rowsAffected
}

/**
 * Sends a reset link if the account exists; answers the same either way (no account discovery). Requests are
 * limited per client address (refused) and per account (silently: no more mails that hour).
 */
export async function requestPasswordReset(email: string, address: string, origin: string): Promise<AuthResult<null>> {
  const byAddress = await claimAttempt(`reset-request:addr:${address}`, POLICIES.resetRequestAddress)
  if (!byAddress.ok) return { ok: false, error: 'errorThrottled', retryAfterSeconds: byAddress.retryAfterSeconds }
  const db = getDb()
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), eq(users.kind, 'account')))
  if (!user) return { ok: true, value: null }
  if (!(await claimAttempt(`reset-request:email:${email}`, POLICIES.resetRequestAccount)).ok) return { ok: true, value: null }
  const token = randomBytes(32).toString('base64url')
  await db.insert(passwordResets).values({ tokenHash: hashToken(token), userId: user.id, expiresAt: Date.now() + RESET_TTL_MS })
  await mailer().sendPasswordReset(email, `${origin}/reset-password/${encodeURIComponent(token)}`)
  return { ok: true, value: null }
}

export type ResetLinkState = 'usable' | 'used' | 'expired' | 'unknown'

/**
 * What a reset link is still good for, read when the link is opened so a dead one says so before the form.
 * A read only: nothing is claimed or spent (tokens are 256-bit random, so reading them teaches a prober nothing).
 */
export async function resetLinkState(token: string, now = Date.now()): Promise<ResetLinkState> {
  const [reset] = await getDb()
    .select({ usedAt: passwordResets.usedAt, expiresAt: passwordResets.expiresAt })
    .from(passwordResets)
    .where(eq(passwordResets.tokenHash, hashToken(token)))
  if (!reset) return 'unknown'
  if (reset.usedAt !== null) return 'used'
  return reset.expiresAt < now ? 'expired' : 'usable'
}

/** Sets a new password with a reset token: every reset token of the user and every session ends with it. */
export async function resetPassword(token: string, password: string, address: string): Promise<AuthResult<null>> {
  const claim = await claimAttempt(`reset:addr:${address}`, POLICIES.resetAddress)
  if (!claim.ok) return { ok: false, error: 'errorThrottled', retryAfterSeconds: claim.retryAfterSeconds }
  const db = getDb()
  const now = Date.now()
  const tokenHash = hashToken(token)
  const [reset] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash))
  if (!reset || reset.usedAt !== null || reset.expiresAt < now) return { ok: false, error: 'errorResetLink' }
  const passwordHash = await hashPassword(password)
  const usedNow = sql`exists (select 1 from ${passwordResets} where token_hash = ${tokenHash} and used_at = ${now})`
  const [used] = await db.batch([
    db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt))),
    db
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, reset.userId), usedNow)),
    // Every other link the user was sent stops working too.
    db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt), usedNow)),
    // A new password ends every existing session.
    db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, reset.userId), isNull(sessions.revokedAt), usedNow)),
  ])
  return used.rowsAffected === 1 ? { ok: true, value: null } : { ok: false, error: 'errorResetLink' }
}
