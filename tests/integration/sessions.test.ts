import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { sessions, signInFailures } from '../../db/schema'
import { getSessionUser, hashToken } from '~/utils/session.server'
import { claimAttempt, forgetOldAttempts, POLICIES } from '~/utils/throttle.server'
import { signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { getRequest } from '../support/routes'

describe('session limits', () => {
  it('ends a session issued under a longer policy once it is older than the lifetime of its kind', async () => {
    const db = await freshDatabase()
    const { cookie } = await signUp('student')
    const tokenHash = hashToken(cookie.split('=')[1]!)
    const now = Date.now()
    // As a session from before the 30-day limit: a year to run, created 31 days ago, used a minute ago.
    await db
      .update(sessions)
      .set({ createdAt: now - 31 * 86_400_000, expiresAt: now + 300 * 86_400_000, lastSeenAt: now - 60_000 })
      .where(eq(sessions.tokenHash, tokenHash))
    expect(await getSessionUser(getRequest('/', cookie), now)).toBeNull()
    await db
      .update(sessions)
      .set({ createdAt: now - 29 * 86_400_000 })
      .where(eq(sessions.tokenHash, tokenHash))
    expect((await getSessionUser(getRequest('/', cookie), now))?.kind).toBe('account')
  })
})

describe('rate-limit housekeeping', () => {
  it('forgets rows whose window and wait ended more than a day ago, and only those', async () => {
    const db = await freshDatabase()
    const now = Date.now()
    await claimAttempt('signin:addr:old', POLICIES.signInAddress, now - 3 * 86_400_000)
    await claimAttempt('signin:addr:recent', POLICIES.signInAddress, now - 60_000)
    expect(await forgetOldAttempts(db, now)).toBe(1)
    expect((await db.select({ key: signInFailures.key }).from(signInFailures)).map((r) => r.key)).toEqual(['signin:addr:recent'])
  })
})
