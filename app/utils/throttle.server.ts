/**
 * Rate limits, counted in the database (so every server process shares them) and atomically: one UPSERT
 * claims an attempt before the work it guards (a password hash, a mail) is done, so parallel requests
 * cannot all slip through on a count read before any of them wrote.
 *
 * Two shapes of limit:
 * - `slowdown`: the first `free` attempts in a window go at once, then each waits longer than the last
 *   (1 s, 2 s, 4 s … up to `maxDelayMs`). Used per account: an attacker is slowed, the owner never locked out.
 * - `window`: at most `limit` attempts per window, then refused until the window ends. Used per client address.
 */
import { eq, sql } from 'drizzle-orm'
import { signInFailures } from '../../db/schema'
import { getDb, type Database } from './db.server'

export type ThrottlePolicy =
  { kind: 'slowdown'; windowMs: number; free: number; maxDelayMs: number } | { kind: 'window'; windowMs: number; limit: number }

export const POLICIES = {
  /** Sign-in per e-mail: 5 tries at once, then a growing delay up to a minute. */
  signInAccount: { kind: 'slowdown', windowMs: 15 * 60_000, free: 5, maxDelayMs: 60_000 },
  /** Failed sign-ins per client address (a class behind one address still fits). */
  signInAddress: { kind: 'window', windowMs: 15 * 60_000, limit: 50 },
  signUpAddress: { kind: 'window', windowMs: 15 * 60_000, limit: 30 },
  resetRequestAddress: { kind: 'window', windowMs: 15 * 60_000, limit: 10 },
  /** Reset mails per account: a few an hour, whoever asks. */
  resetRequestAccount: { kind: 'window', windowMs: 60 * 60_000, limit: 3 },
  resetAddress: { kind: 'window', windowMs: 15 * 60_000, limit: 10 },
} as const satisfies Record<string, ThrottlePolicy>

export type Claim = { ok: true; count: number } | { ok: false; retryAfterSeconds: number }

/** The delay after the n-th attempt of a slowdown policy (0 while attempts are free). */
export function slowdownDelayMs(policy: Extract<ThrottlePolicy, { kind: 'slowdown' }>, attempts: number): number {
  const excess = attempts - policy.free
  if (excess <= 0) return 0
  return Math.min(policy.maxDelayMs, 1000 * 2 ** Math.min(excess - 1, 30))
}

/** Claims one attempt for `key`; refused (with how long to wait) when the policy says not yet. */
export async function claimAttempt(key: string, policy: ThrottlePolicy, now = Date.now()): Promise<Claim> {
  const db = getDb()
  const t = signInFailures
  const expired = sql`${now} - ${t.windowStart} >= ${policy.windowMs}`
  const count = sql`(case when ${expired} then 1 else ${t.failures} + 1 end)`
  const windowStart = sql`(case when ${expired} then ${now} else ${t.windowStart} end)`
  // When the attempt after this one may come: a ladder of delays, or the end of the window once the limit is hit.
  let nextAt
  let firstNextAt: number
  if (policy.kind === 'slowdown') {
    const ladder: number[] = []
    for (let n = policy.free + 1; slowdownDelayMs(policy, n) < policy.maxDelayMs; n++) ladder.push(n)
    const steps = ladder.map((n) => sql`when ${n} then ${now + slowdownDelayMs(policy, n)}`)
    const overflow = now + policy.maxDelayMs
    nextAt = sql`(case when ${count} <= ${policy.free} then 0 else (case ${count} ${sql.join(steps, sql` `)} else ${overflow} end) end)`
    firstNextAt = 1 <= policy.free ? 0 : now + slowdownDelayMs(policy, 1)
  } else {
    nextAt = sql`(case when ${count} >= ${policy.limit} then ${windowStart} + ${policy.windowMs} else 0 end)`
    firstNextAt = 1 >= policy.limit ? now + policy.windowMs : 0
  }
  const rows = await db
    .insert(t)
    .values({ key, windowStart: now, failures: 1, nextAt: firstNextAt })
    .onConflictDoUpdate({
      target: t.key,
      set: { failures: count, windowStart, nextAt },
      // Only a permitted attempt is counted: the window has ended, or its wait has passed.
      setWhere: sql`${expired} or ${t.nextAt} <= ${now}`,
    })
    .returning({ failures: t.failures })
  if (rows[0]) return { ok: true, count: rows[0].failures }
  const [row] = await db.select({ nextAt: t.nextAt }).from(t).where(eq(t.key, key))
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((row?.nextAt ?? now) - now) / 1000)) }
}

/** Housekeeping (run with the guest purge): rows whose window and wait ended a day ago count for nothing. */
export async function forgetOldAttempts(db: Database, now = Date.now()): Promise<number> {
  const longest = Math.max(...Object.values(POLICIES).map((p) => p.windowMs))
  const dayAgo = now - 86_400_000
  return (
    await db.delete(signInFailures).where(sql`${signInFailures.windowStart} < ${dayAgo - longest} and ${signInFailures.nextAt} < ${dayAgo}`)
  ).rowsAffected
}

/** Forgets a key's attempts (the owner signed in). */
export function clearAttempts(key: string) {
  return getDb().delete(signInFailures).where(eq(signInFailures.key, key))
}

/** Gives back one attempt (it succeeded, so it does not count against a shared address). */
export function refundAttempt(key: string) {
  return getDb()
    .update(signInFailures)
    .set({ failures: sql`max(${signInFailures.failures} - 1, 0)`, nextAt: 0 })
    .where(eq(signInFailures.key, key))
}
