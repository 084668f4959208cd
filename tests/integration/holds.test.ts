import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cardHolds, itemFlags, users, userSettings } from '../../db/schema'
import { deckSummaries } from '~/data/decks.server'
import { allFlags, flagItem, flagsForItems } from '~/data/flags.server'
import { cardInfo, changeHold } from '~/data/holds.server'
import { recordReview, undoLastReview } from '~/data/reviews.server'
import { nextStudyState } from '~/data/study-queue.server'
import { freshDatabase } from '../support/db'
import { guestCookie } from '../support/routes'

const DAY = 86_400_000

async function learner() {
  const db = await freshDatabase()
  await guestCookie()
  const [user] = await db.select().from(users)
  return { db, userId: user!.id }
}

async function shownItem(db: Awaited<ReturnType<typeof freshDatabase>>, userId: string, now: number) {
  const state = await nextStudyState(db, userId, 'all', now)
  return state.status === 'card' ? state.card.itemId : null
}

describe('suspend and bury', () => {
  it('a suspended card leaves the queue and the counts until unsuspended; its schedule is untouched', async () => {
    const { db, userId } = await learner()
    const now = Date.now()
    const first = (await shownItem(db, userId, now))!
    const [before] = await deckSummaries(db, userId, now, 'all')
    expect(await changeHold(db, userId, first, 'suspend', now, 0)).toBe(true)
    expect(await shownItem(db, userId, now)).not.toBe(first)
    const [after] = await deckSummaries(db, userId, now, 'all')
    expect(after!.fresh).toBe(before!.fresh - 1)
    expect(await changeHold(db, userId, first, 'unsuspend', now, 0)).toBe(true)
    expect(await shownItem(db, userId, now)).toBe(first)
  })

  it('a buried card comes back when its next study day starts', async () => {
    const { db, userId } = await learner()
    const now = Date.now()
    const first = (await shownItem(db, userId, now))!
    await changeHold(db, userId, first, 'bury', now, now + DAY)
    expect(await shownItem(db, userId, now)).not.toBe(first)
    expect(await shownItem(db, userId, now + DAY + 1)).toBe(first)
    expect((await cardInfo(db, userId, first, now, 0.9, 8)).hold?.buriedUntil).toBe(now + DAY)
  })

  it('refuses an unknown or retired item and writes nothing', async () => {
    const { db, userId } = await learner()
    expect(await changeHold(db, userId, 'no-such-item', 'suspend', Date.now(), 0)).toBe(false)
    expect(await db.select().from(cardHolds)).toHaveLength(0)
  })
})

describe('leeches', () => {
  it('a card becomes a leech at its 8th lapse (the learner’s threshold): suspended, with a notice; undo lifts it', async () => {
    const { db, userId } = await learner()
    const itemId = 'mh-date-takaichi-administration-start'
    let t = Date.now() - 100 * DAY
    let n = 0
    const answer = (rating: 1 | 4) =>
      recordReview(db, { userId, itemId, reviewId: `leech-${n++}`, rating, durationMs: 1000, now: (t += DAY) })
    for (let lapse = 1; lapse <= 8; lapse++) {
      expect((await answer(4)).status).toBe('recorded')
      expect(await answer(1)).toMatchObject({ status: 'recorded', leech: lapse === 8 })
      if (lapse < 8) expect(await db.select().from(cardHolds)).toHaveLength(0)
    }
    const [hold] = await db.select().from(cardHolds)
    expect(hold).toMatchObject({ itemId, suspendedBy: 'leech', leechReviewId: `leech-${n - 1}` })
    expect((await cardInfo(db, userId, itemId, t, 0.9, 8)).leech).toBe(true)
    // The relearning card is due, but a suspended leech is not shown.
    expect(await shownItem(db, userId, t + DAY)).not.toBe(itemId)
    expect((await undoLastReview(db, userId, t + 1)).status).toBe('undone')
    expect((await db.select().from(cardHolds))[0]).toMatchObject({ suspendedAt: null, suspendedBy: null })
  })

  it('uses the learner’s own threshold', async () => {
    const { db, userId } = await learner()
    await db.update(userSettings).set({ leechThreshold: 2 }).where(eq(userSettings.userId, userId))
    let t = Date.now() - 10 * DAY
    const itemId = 'mh-date-takaichi-administration-start'
    const results = []
    for (let i = 0; i < 4; i++)
      results.push(
        await recordReview(db, { userId, itemId, reviewId: `t-${i}`, rating: i % 2 === 0 ? 4 : 1, durationMs: 1, now: (t += DAY) }),
      )
    expect(results.map((r) => r.status === 'recorded' && r.leech)).toEqual([false, false, false, true])
  })
})

describe('flags', () => {
  it('stores one report per learner and item (a new one replaces it), summarises them per item, and exports them with the item', async () => {
    const { db, userId } = await learner()
    const itemId = 'mh-date-takaichi-administration-start'
    expect(await flagItem(db, userId, itemId, 'unclear', 'first note', 1)).toBe(true)
    expect(await flagItem(db, userId, itemId, 'wrong', 'the date is off', 2)).toBe(true)
    expect(await flagItem(db, userId, 'no-such-item', 'wrong', '', 3)).toBe(false)
    expect(await db.select().from(itemFlags)).toHaveLength(1)
    expect(await flagsForItems(db, [itemId, 'kd-cloze-summit-day'])).toEqual([
      { itemId, count: 1, reasons: { wrong: 1 }, notes: ['the date is off'] },
    ])
    const exported = await allFlags(db)
    expect(exported).toHaveLength(1)
    expect(exported[0]!.item.sources.length).toBeGreaterThan(0)
  })
})

describe('the card page’s actions', () => {
  it('suspends, flags and returns only to a same-origin page; bad input and unknown cards write nothing', async () => {
    const { action } = await import('~/routes/card')
    const { formRequest, call } = await import('../support/routes')
    const { db } = await learner()
    const cookie = await guestCookie()
    const itemId = 'mh-date-takaichi-administration-start'
    const post = (fields: Record<string, string>, id = itemId) => call(action, formRequest(`/cards/${id}`, fields, cookie), { itemId: id })

    const suspended = await post({ intent: 'suspend', next: '/decks/all/study' })
    expect(suspended).toMatchObject({ status: 302, location: '/decks/all/study?msg=suspended' })
    expect(await db.select().from(cardHolds)).toHaveLength(1)
    expect((await post({ intent: 'bury', next: '//evil.example/x' })).location).toBe(`/cards/${itemId}?msg=buried`)

    for (const bad of <Array<Record<string, string>>>[
      { intent: 'delete' },
      { intent: 'flag', reason: 'rude' },
      { intent: 'flag', reason: 'other', note: 'x'.repeat(1001) },
      {},
    ]) {
      expect((await post(bad)).status).toBe(400)
    }
    expect((await post({ intent: 'suspend' }, 'no-such-item')).status).toBe(404)
    expect((await post({ intent: 'flag', reason: 'wrong' }, 'no-such-item')).status).toBe(404)
    expect(await db.select().from(itemFlags)).toHaveLength(0)
    expect(await db.select().from(cardHolds)).toHaveLength(1)
    expect((await post({ intent: 'flag', reason: 'translation', note: '  the zh quote is cut  ' })).status).toBe(302)
    expect(await db.select({ note: itemFlags.note }).from(itemFlags)).toEqual([{ note: 'the zh quote is cut' }])
  })
})
