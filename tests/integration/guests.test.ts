import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { sessions, users, userSettings } from '../../db/schema'
import { action as studyAction, loader as studyLoader } from '~/routes/study'
import { GUEST_PURGE, purgeIdleGuests } from '~/utils/guests.server'
import { freshDatabase } from '../support/db'
import { call, cookieFrom, formRequest, getRequest, guestCookie } from '../support/routes'

describe('guest purge', () => {
  it('deletes guests idle for a week without progress (with their sessions and settings), keeps the rest', async () => {
    const db = await freshDatabase()
    await guestCookie() // idle, no progress
    const page = await call<{ card: { itemId: string; reviewId: string } }>(studyLoader, getRequest('/decks/all/study'), { deckId: 'all' })
    const answered = await call(
      studyAction,
      formRequest('/decks/all/study', { intent: 'review', reviewId: page.body.card.reviewId, itemId: page.body.card.itemId, rating: '3' }),
      { deckId: 'all' },
    )
    expect(cookieFrom(answered.headers)).not.toBeNull()
    expect(await db.select({ n: count() }).from(users)).toEqual([{ n: 2 }])
    // Nobody is idle yet.
    expect(await purgeIdleGuests(db)).toBe(0)
    // A week and a minute later: the guest without progress goes, the one with an answer stays.
    expect(await purgeIdleGuests(db, Date.now() + GUEST_PURGE.idleMs + 60_000)).toBe(1)
    expect(await db.select({ n: count() }).from(users)).toEqual([{ n: 1 }])
    expect(await db.select({ n: count() }).from(sessions)).toEqual([{ n: 1 }])
    expect(await db.select({ n: count() }).from(userSettings)).toEqual([{ n: 1 }])
  })
})
