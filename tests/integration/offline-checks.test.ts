/**
 * A Check made offline reaches the server (POST /sync, a `check` event) and becomes the card's open check, so
 * going online is not a fresh try; a check the learner has since used up (an answer at or after it) is not kept;
 * the first check holds wherever it was made; the phone's kept deck carries the server's open checks.
 */
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { items, openChecks, reviewLogs } from '../../db/schema'
import type { Question, Verdict } from '~/domain/questions'
import { OPEN_CHECK_TTL_MS } from '~/domain/open-check'
import type { KeptDeck } from '~/offline/kept-deck'
import { action as syncAction } from '~/routes/sync'
import { action as studyAction, loader as studyLoader } from '~/routes/study'
import { loader as keptDeckLoader } from '~/routes/deck-offline'
import { freshDatabase } from '../support/db'
import { args, call, formRequest, getRequest, guest } from '../support/routes'

type Db = Awaited<ReturnType<typeof freshDatabase>>
type Check = { reviewId: string; response: string; checkedAt: number }
type SyncBody = {
  status: string
  accepted?: string[]
  checks?: Record<string, Check | null>
  refused?: Array<{ index: number; reason: string }>
}
type StudyCard = {
  itemId: string
  reviewId: string
  check: { reviewId: string; response: string; verdict: Verdict; question: Question } | null
}

const MINUTE = 60_000
const TYPED = 'kd-typed-meeting-day'
const RIGHT = '28 October 2025'
const WRONG = '29 October 2025'

async function sync(me: { cookie: string; id: string }, events: unknown[]) {
  const response = (await syncAction(
    await args(formRequest('/sync', { batch: JSON.stringify({ userId: me.id, events }) }, me.cookie), {}),
  )) as Response
  return { status: response.status, body: (await response.json()) as SyncBody }
}

/** A check as the phone sends it; `reps`: the card's answers as the phone knew them (0: new). */
const check = (reviewId: string, checkedAt: number, response = WRONG, itemId = TYPED, reps = 0) => ({
  type: 'check',
  reviewId,
  itemId,
  response,
  checkedAt,
  reps,
})
const answer = (id: string, answeredAt: number, response: string, itemId = TYPED) => ({
  type: 'answer',
  id,
  itemId,
  rating: 3,
  answeredAt,
  durationMs: 4000,
  retention: 0.9,
  response,
})

async function studyCard(cookie: string): Promise<StudyCard> {
  const res = await call<{ card: StudyCard }>(studyLoader, getRequest(`/decks/kinds/study?card=${TYPED}`, cookie), { deckId: 'kinds' })
  return res.body.card
}
const study = (cookie: string, fields: Record<string, string>) =>
  call<{ check: { reviewId: string; response: string } }>(studyAction, formRequest('/decks/kinds/study', fields, cookie), {
    deckId: 'kinds',
  })

async function openCheckRows(db: Db, userId: string) {
  return db
    .select({ itemId: openChecks.itemId, reviewId: openChecks.reviewId, response: openChecks.response, checkedAt: openChecks.checkedAt })
    .from(openChecks)
    .where(eq(openChecks.userId, userId))
}

describe('checks made offline', () => {
  it('become the server’s open check: online the card comes back as that showing, and its rating is graded on it', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const t = Date.now() - 5 * MINUTE
    const res = await sync(me, [check('offline-check-1', t)])
    expect(res.status).toBe(200)
    expect(res.body.checks).toEqual({ [TYPED]: { reviewId: 'offline-check-1', response: WRONG, checkedAt: t } })
    expect(res.body.accepted).toEqual([])
    const card = await studyCard(me.cookie)
    expect(card.reviewId).toBe('offline-check-1')
    expect(card.check).toMatchObject({ reviewId: 'offline-check-1', response: WRONG, verdict: { correct: false } })
    // Checking again online (now with the right answer) is not a second try.
    const again = await study(me.cookie, { intent: 'check', reviewId: 'online-fresh-1', itemId: TYPED, response: RIGHT })
    expect(again.body.check).toMatchObject({ reviewId: 'offline-check-1', response: WRONG })
    // The rating is graded on the first check, whatever the form resends.
    const rated = await study(me.cookie, { intent: 'review', reviewId: 'offline-check-1', itemId: TYPED, rating: '4', response: RIGHT })
    expect(rated.status).toBe(302)
    expect(await db.select({ id: reviewLogs.id, response: reviewLogs.response, correct: reviewLogs.correct }).from(reviewLogs)).toEqual([
      { id: 'offline-check-1', response: WRONG, correct: false },
    ])
    expect(await openCheckRows(db, me.id)).toEqual([])
  })

  it('a check rated offline in the same batch leaves no open check, and a retried batch changes nothing', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const t = Date.now() - 10 * MINUTE
    const events = [check('offline-check-2', t), answer('offline-check-2', t + 5000, WRONG)]
    const first = await sync(me, events)
    expect(first.body).toMatchObject({ status: 'synced', accepted: ['offline-check-2'], checks: { [TYPED]: null } })
    const retried = await sync(me, events)
    expect(retried.body).toMatchObject({ status: 'synced', accepted: [], checks: { [TYPED]: null } })
    expect(await openCheckRows(db, me.id)).toEqual([])
    expect(await db.select({ id: reviewLogs.id }).from(reviewLogs)).toEqual([{ id: 'offline-check-2' }])
    expect((await studyCard(me.cookie)).check).toBeNull()
  })

  it('a check the learner answered online since is used up: not kept, and the phone is told so', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const checkedAt = Date.now() - 10 * MINUTE
    // Online, after the offline check (which has not reached the server yet): a fresh showing, checked and rated.
    const card = await studyCard(me.cookie)
    await study(me.cookie, { intent: 'check', reviewId: card.reviewId, itemId: TYPED, response: RIGHT })
    await study(me.cookie, { intent: 'review', reviewId: card.reviewId, itemId: TYPED, rating: '3', response: RIGHT })
    const res = await sync(me, [check('offline-check-3', checkedAt)])
    expect(res.body.checks).toEqual({ [TYPED]: null })
    expect(await openCheckRows(db, me.id)).toEqual([])
  })

  it('the first check holds: an earlier offline check replaces a later online one; a later one changes nothing', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const card = await studyCard(me.cookie)
    await study(me.cookie, { intent: 'check', reviewId: card.reviewId, itemId: TYPED, response: RIGHT })
    const [online] = await openCheckRows(db, me.id)
    // A later check from the phone: the online one stays.
    const later = await sync(me, [check('offline-later-1', online!.checkedAt + 1000)])
    expect(later.body.checks).toEqual({ [TYPED]: { reviewId: card.reviewId, response: RIGHT, checkedAt: online!.checkedAt } })
    // An earlier one (checked offline before the phone came online): it was the first try, so it holds.
    const earlier = await sync(me, [check('offline-earlier-1', online!.checkedAt - MINUTE)])
    expect(earlier.body.checks).toEqual({
      [TYPED]: { reviewId: 'offline-earlier-1', response: WRONG, checkedAt: online!.checkedAt - MINUTE },
    })
    expect((await studyCard(me.cookie)).check).toMatchObject({ reviewId: 'offline-earlier-1', verdict: { correct: false } })
  })

  it('an offline answer uses up an online check made before it', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const card = await studyCard(me.cookie)
    await study(me.cookie, { intent: 'check', reviewId: card.reviewId, itemId: TYPED, response: WRONG })
    const [online] = await openCheckRows(db, me.id)
    await sync(me, [answer('offline-after-1', online!.checkedAt + MINUTE, RIGHT)])
    expect(await openCheckRows(db, me.id)).toEqual([])
  })

  it('a check older than a day is not kept (it would no longer hold online either)', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const res = await sync(me, [check('offline-stale-1', Date.now() - OPEN_CHECK_TTL_MS - MINUTE)])
    expect(res.body.checks).toEqual({ [TYPED]: null })
    expect(await openCheckRows(db, me.id)).toEqual([])
  })

  it('refuses a check of a card that has nothing to check, or of no card, and writes nothing of the batch', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const t = Date.now() - MINUTE
    const [flip] = await db.select({ id: items.id }).from(items).where(eq(items.kind, 'flip')).limit(1)
    const res = await sync(me, [
      answer('fine-answer-1', t, RIGHT),
      check('flip-check-1', t, 'x', flip!.id),
      check('nothing-check-1', t, 'x', 'no-such-item'),
    ])
    expect(res.status).toBe(422)
    expect(res.body.refused).toEqual([
      expect.objectContaining({ index: 1, reason: 'unknown-item' }),
      expect.objectContaining({ index: 2, reason: 'unknown-item' }),
    ])
    const malformed = await sync(me, [{ type: 'check', reviewId: 'bad-check-1', itemId: TYPED, checkedAt: t }])
    expect(malformed.status).toBe(422)
    expect(malformed.body.refused).toEqual([expect.objectContaining({ index: 0, reason: 'malformed' })])
    expect(await db.select().from(reviewLogs)).toEqual([])
    expect(await openCheckRows(db, me.id)).toEqual([])
  })

  it('the kept deck carries the learner’s open checks of its cards, so the phone shows a card checked online as that showing', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const card = await studyCard(me.cookie)
    await study(me.cookie, { intent: 'check', reviewId: card.reviewId, itemId: TYPED, response: WRONG })
    const res = (await keptDeckLoader(await args(getRequest('/decks/kinds/offline', me.cookie), { deckId: 'kinds' }))) as Response
    const kept = (await res.json()) as KeptDeck
    const [row] = await db
      .select()
      .from(openChecks)
      .where(and(eq(openChecks.userId, me.id), eq(openChecks.itemId, TYPED)))
    expect(kept.checks).toEqual([{ itemId: TYPED, reviewId: card.reviewId, response: WRONG, checkedAt: row!.checkedAt }])
  })

  it('an answer synced after an online check is graded on that check, whatever the phone (which did not know of it) sends', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const card = await studyCard(me.cookie)
    await study(me.cookie, { intent: 'check', reviewId: card.reviewId, itemId: TYPED, response: WRONG })
    const [online] = await openCheckRows(db, me.id)
    const t = online!.checkedAt + MINUTE
    await sync(me, [check('phone-fresh-1', t, RIGHT), answer('phone-fresh-1', t + 5000, RIGHT)])
    expect(await db.select({ id: reviewLogs.id, response: reviewLogs.response, correct: reviewLogs.correct }).from(reviewLogs)).toEqual([
      { id: 'phone-fresh-1', response: WRONG, correct: false },
    ])
    expect(await openCheckRows(db, me.id)).toEqual([])
  })

  it('a check of a showing already rated is not kept, online or synced: the card is not stuck on that showing', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const t = Date.now() - 10 * MINUTE
    const res = await sync(me, [answer('rated-first-1', t, WRONG), check('rated-first-1', t + 1000, WRONG, TYPED, 1)])
    expect(res.body.checks).toEqual({ [TYPED]: null })
    expect(await openCheckRows(db, me.id)).toEqual([])
    // Online: the check form of a rated showing posted again holds nothing either.
    await study(me.cookie, { intent: 'check', reviewId: 'rated-first-1', itemId: TYPED, response: RIGHT })
    const card = await studyCard(me.cookie)
    expect(card.check).toBeNull()
    expect(card.reviewId).not.toBe('rated-first-1')
  })

  it('a check from a phone whose clock runs ahead is not kept once the card was answered since (counted, not timed)', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const card = await studyCard(me.cookie)
    // Online, after the phone's check in real time: a showing checked and rated.
    await study(me.cookie, { intent: 'check', reviewId: card.reviewId, itemId: TYPED, response: RIGHT })
    await study(me.cookie, { intent: 'review', reviewId: card.reviewId, itemId: TYPED, rating: '3', response: RIGHT })
    // The phone checked earlier, but its clock is 2 minutes fast: its check's time is after that rating.
    const res = await sync(me, [check('fast-clock-1', Date.now() + 2 * MINUTE, WRONG, TYPED, 0)])
    expect(res.status).toBe(200)
    expect(res.body.checks).toEqual({ [TYPED]: null })
    expect(await openCheckRows(db, me.id)).toEqual([])
  })
})
