import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { fsrsOptimizer, fsrsParameters, items, reviewLogs } from '../../db/schema'
import { DEFAULT_WEIGHTS, rebuildCardStates, scheduleReview, type LoggedReview, type RatingValue, type Weights } from '~/domain/scheduling'
import { chooseParameters, parameterHistory, parametersInForce } from '~/data/fsrs-parameters.server'
import { optimizeLearner } from '~/data/fsrs-optimizer.server'
import { cardFromRow, cardStatesFor, recordReview, reviewLogFor } from '~/data/reviews.server'
import { syncReviewEvents } from '~/data/review-sync.server'
import { nextStudyState } from '~/data/study-queue.server'
import { previewIntervals, retrievability } from '~/domain/scheduling'
import { cardInfo } from '~/data/holds.server'
import { createGuest } from '~/utils/session.server'
import type { Database } from '~/utils/db.server'
import { checkDatabase } from '../reliability/verify'
import { freshDatabase } from '../support/db'
import { action, loader } from '~/routes/settings'
import { call, formRequest, getRequest } from '../support/routes'
import { simulateLearner } from '../support/simulated-learner'

const DAY = 86_400_000
const START = Date.UTC(2026, 0, 5)

/** A guest and `count` extra items to study (copies of a fixture item). */
async function learner(db: Database, count: number, prefix = 'sim') {
  const { user, setCookie } = await createGuest(getRequest('/'))
  const [template] = await db.select().from(items).limit(1)
  const itemIds = Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
  const existing = new Set((await db.select({ id: items.id }).from(items)).map((r) => r.id))
  const fresh = itemIds.filter((id) => !existing.has(id))
  if (fresh.length > 0) await db.insert(items).values(fresh.map((id, i) => ({ ...template!, id, position: 10_000 + i })))
  return { userId: user.id, itemIds, cookie: setCookie.split(';')[0]! }
}

/** The simulated learner answers through the reviews module, on the schedule the app gives. */
async function study(db: Database, userId: string, itemIds: string[], answers: number, start: number, seed: number, trueWeights?: Weights) {
  let n = 0
  return simulateLearner({
    itemIds,
    trueWeights,
    start,
    answers,
    newPerDay: 15,
    seed,
    answer: async ({ itemId, rating, reviewedAt }) => {
      const result = await recordReview(db, {
        userId,
        itemId,
        reviewId: `${userId}-${seed}-${n++}`,
        rating,
        durationMs: 5000,
        now: reviewedAt,
      })
      if (result.status !== 'recorded') throw new Error(`answer not recorded: ${result.status}`)
      return result.card
    },
  })
}

/** A learner who forgets far faster than the defaults assume: tiny initial stabilities, a steep curve. */
const FORGETFUL: Weights = DEFAULT_WEIGHTS.map((w, i) => (i < 4 ? [0.02, 0.1, 0.3, 1][i]! : i === 8 ? 0.8 : i === 20 ? 0.7 : w))

/**
 * A candidate far from this learner's memory (who forgets faster than the defaults assume): the largest
 * initial stabilities, the largest growth on success and the flattest forgetting curve.
 */
const badFit = async () => DEFAULT_WEIGHTS.map((w, i) => (i < 4 ? 100 : i === 8 ? 4.5 : i === 20 ? 0.1 : w))

/** The day after a simulated learner's last answer. */
const end = (log: { reviewedAt: number }[]) => Math.max(...log.map((a) => a.reviewedAt)) + DAY

async function stored(db: Database, userId: string) {
  return new Map((await cardStatesFor(db, userId)).map((row) => [row.itemId, cardFromRow(row)]))
}

describe('automatic FSRS optimisation', () => {
  it('changes scheduling only once new parameters beat the ones in use, and replays stay exact across changes', async () => {
    const db = await freshDatabase()
    const { userId, itemIds } = await learner(db, 90)
    let now = end(await study(db, userId, itemIds, 1200, START, 1))
    expect(await db.select().from(reviewLogs).where(eq(reviewLogs.userId, userId))).toSatisfy((rows: { parametersId: string | null }[]) =>
      rows.every((r) => r.parametersId === null),
    )

    // A candidate that predicts the held-out answers worse is kept in the history but not used.
    const kept = await optimizeLearner(db, userId, now, { force: true, fit: badFit })
    expect(kept).toMatchObject({ status: 'kept', kind: 'full' })
    if (kept.status !== 'kept') throw new Error('unreachable')
    expect(kept.logLoss).toBeGreaterThan(kept.previousLogLoss)
    expect(await parametersInForce(db, userId)).toEqual({ id: null, weights: null })
    const [rejected] = await db.select().from(fsrsParameters).where(eq(fsrsParameters.id, kept.id))
    expect(rejected).toMatchObject({ userId, adopted: false, weights: await badFit() })

    // fsrs-rs's fit on this learner (whose memory differs from the defaults) does beat them, and is adopted.
    now += DAY
    const adopted = await optimizeLearner(db, userId, now, { force: true })
    expect(adopted).toMatchObject({ status: 'adopted', kind: 'full' })
    if (adopted.status !== 'adopted') throw new Error('unreachable')
    expect(adopted.logLoss).toBeLessThan(adopted.previousLogLoss)
    const inForce = await parametersInForce(db, userId)
    expect(inForce.id).toBe(adopted.id)
    const weights = inForce.weights!
    expect(weights).not.toEqual([...DEFAULT_WEIGHTS])
    // The same day, nothing runs again (at most daily), even with the gate on new answers met.
    expect(await optimizeLearner(db, userId, now + 60_000)).toEqual({ status: 'not-due' })

    // From now on answers are scheduled, previewed and logged with the adopted parameters.
    const state = await nextStudyState(db, userId, 'all', now)
    if (state.status !== 'card') throw new Error('expected a card to study')
    expect(state.card.intervals).toEqual(previewIntervals(state.card.card, now, 0.9, weights))
    const before = (await stored(db, userId)).get(itemIds[0]!)!
    const result = await recordReview(db, { userId, itemId: itemIds[0]!, reviewId: 'after-adoption', rating: 3, durationMs: 1000, now })
    expect(result).toEqual({ status: 'recorded', card: scheduleReview(before, 3, now, 0.9, weights), leech: false })
    expect(scheduleReview(before, 3, now, 0.9)).not.toEqual(scheduleReview(before, 3, now, 0.9, weights))
    const [row] = await db.select().from(reviewLogs).where(eq(reviewLogs.id, 'after-adoption'))
    expect(row!.parametersId).toBe(adopted.id)
    // Card info gives the recall by the learner's own forgetting curve.
    const later = now + 3 * DAY
    const info = await cardInfo(db, userId, itemIds[0]!, later, 0.9, 8)
    expect(info.retrievability).toBe(retrievability(result.status === 'recorded' ? result.card : before, later, 0.9, weights))
    expect(info.retrievability).not.toBe(retrievability(result.status === 'recorded' ? result.card : before, later, 0.9))

    // More study with them, then back to the defaults, then more: the log replays exactly to the stored states.
    now = end(await study(db, userId, itemIds, 150, now + DAY, 2))
    expect(await chooseParameters(db, userId, null)).toBe('ok')
    await study(db, userId, itemIds, 150, now, 3)
    const log = await reviewLogFor(db, userId)
    expect(new Set(log.map((r) => r.parametersId))).toEqual(new Set([null, adopted.id]))
    const replay = rebuildCardStates(log.map((r): LoggedReview => ({ ...r, rating: r.rating as RatingValue })))
    expect(replay).toEqual(await stored(db, userId))
    // Without the logged parameters the replay would not match: they are what keeps it exact.
    expect(rebuildCardStates(log.map((r): LoggedReview => ({ ...r, rating: r.rating as RatingValue, weights: null })))).not.toEqual(
      await stored(db, userId),
    )
    expect(await checkDatabase(process.env.DATABASE_URL!, new Set())).toMatchObject({ statesDiffering: 0 })
  }, 120_000)

  it('keeps the defaults below 8 reviewed cards and only pre-trains below 64', async () => {
    const db = await freshDatabase()
    const few = await learner(db, 6, 'few')
    const fewEnd = end(await study(db, few.userId, few.itemIds, 120, START, 4))
    expect(await optimizeLearner(db, few.userId, fewEnd)).toMatchObject({ status: 'too-few-cards' })
    expect(await db.select().from(fsrsParameters)).toEqual([])
    expect(await parametersInForce(db, few.userId)).toEqual({ id: null, weights: null })

    const some = await learner(db, 60, 'some')
    const someEnd = end(await study(db, some.userId, some.itemIds, 900, START, 5))
    const outcome = await optimizeLearner(db, some.userId, someEnd)
    expect(outcome).toMatchObject({ kind: 'pretrain' })
    const [set] = await db.select().from(fsrsParameters).where(eq(fsrsParameters.userId, some.userId))
    // Pre-training fits the four initial stabilities only; the other parameters stay the defaults.
    expect(set!.weights.slice(4)).toEqual(DEFAULT_WEIGHTS.slice(4).map((w) => Math.round(w * 10_000) / 10_000))
    expect(set!.weights.slice(0, 4)).not.toEqual(DEFAULT_WEIGHTS.slice(0, 4))
  }, 120_000)

  it('keeps the defaults, and the app working, where fsrs-rs cannot load', async () => {
    const db = await freshDatabase()
    const { userId, itemIds } = await learner(db, 30, 'nobinding')
    const now = end(await study(db, userId, itemIds, 300, START, 11))
    process.env.FSRS_OPTIMIZER = 'off'
    try {
      expect(await optimizeLearner(db, userId, now)).toEqual({ status: 'unavailable' })
      expect(await db.select().from(fsrsParameters)).toEqual([])
      expect(await parametersInForce(db, userId)).toEqual({ id: null, weights: null })
      expect(
        await recordReview(db, { userId, itemId: itemIds[0]!, reviewId: 'still-works', rating: 3, durationMs: 1000, now }),
      ).toMatchObject({ status: 'recorded' })
    } finally {
      delete process.env.FSRS_OPTIMIZER
    }
  }, 60_000)

  it('runs once per learner however many servers try at the same moment', async () => {
    const db = await freshDatabase()
    const { userId, itemIds } = await learner(db, 30)
    const now = end(await study(db, userId, itemIds, 300, START, 6))
    const outcomes = await Promise.all([1, 2, 3].map(() => optimizeLearner(db, userId, now, { fit: badFit })))
    expect(outcomes.filter((o) => o.status === 'kept')).toHaveLength(1) // (pre-trained: 30 cards)
    expect(outcomes.filter((o) => o.status === 'claimed-elsewhere' || o.status === 'not-due')).toHaveLength(2)
    expect(await db.select().from(fsrsParameters)).toHaveLength(1)
    const [state] = await db.select().from(fsrsOptimizer).where(eq(fsrsOptimizer.userId, userId))
    expect(state).toMatchObject({ claimedUntil: null, lastRunAt: now, reviewsAtLastRun: 300 })
    expect((await parameterHistory(db, userId)).sets).toHaveLength(1)
  }, 60_000)
})

describe('offline answers and FSRS parameters', () => {
  it('schedules synced answers with the parameters in force, and replays older ones with their own', async () => {
    const db = await freshDatabase()
    const { userId, itemIds } = await learner(db, 40, 'sync')
    const firstEnd = end(await study(db, userId, itemIds, 400, START, 9, FORGETFUL))
    const adopted = await optimizeLearner(db, userId, firstEnd, { force: true, fit: async () => [...FORGETFUL] })
    if (adopted.status !== 'adopted') throw new Error(`expected adoption, got ${adopted.status}`)
    const now = end(await study(db, userId, itemIds, 100, firstEnd, 10, FORGETFUL))
    // Offline answers, some older than answers already logged (their cards are replayed from there on).
    const log = await reviewLogFor(db, userId)
    const events = itemIds.slice(0, 10).map((itemId, i) => {
      const last = Math.max(...log.filter((r) => r.itemId === itemId).map((r) => r.reviewedAt))
      return {
        type: 'answer',
        id: `offline-answer-${i}`,
        itemId,
        rating: 1 + (i % 4),
        answeredAt: last - (i % 2 === 0 ? 3_600_000 : -DAY),
        durationMs: 4000,
        retention: 0.9,
      }
    })
    expect(await syncReviewEvents(db, userId, events, now)).toMatchObject({ status: 'synced' })
    const after = await reviewLogFor(db, userId)
    expect(after.filter((r) => r.id.startsWith('offline-')).every((r) => r.parametersId === adopted.id)).toBe(true)
    expect(new Set(after.map((r) => r.parametersId))).toEqual(new Set([null, adopted.id]))
    const replay = rebuildCardStates(after.map((r): LoggedReview => ({ ...r, rating: r.rating as RatingValue })))
    expect(replay).toEqual(await stored(db, userId))
    expect(await checkDatabase(process.env.DATABASE_URL!, new Set())).toMatchObject({ statesDiffering: 0 })
  }, 60_000)
})

describe('FSRS parameters in settings', () => {
  type Page = { parameters: { inForce: string | null; sets: { id: string; adopted: boolean; logLoss: number; rmseBins: number }[] } }
  const choose = (cookie: string, fields: Record<string, string>) =>
    call<{ parametersError: string }>(action, formRequest('/settings', { intent: 'fsrs-parameters', ...fields }, cookie))

  it('shows each set with its log loss and RMSE, goes back to the defaults and to an adopted set, and refuses anything else', async () => {
    const db = await freshDatabase()
    const me = await learner(db, 40, 'me')
    const other = await learner(db, 40, 'other')
    const now = end(await study(db, me.userId, me.itemIds, 400, START, 7, FORGETFUL))
    await study(db, other.userId, other.itemIds, 400, START, 8, FORGETFUL)
    // An adopted set for each learner (their true parameters, far enough from the defaults to win on little data), and a rejected one for me.
    const goodFit = async () => [...FORGETFUL]
    const mine = await optimizeLearner(db, me.userId, now, { force: true, fit: goodFit })
    const theirs = await optimizeLearner(db, other.userId, now, { force: true, fit: goodFit })
    const rejected = await optimizeLearner(db, me.userId, now + DAY, { force: true, fit: badFit })
    expect([mine.status, theirs.status, rejected.status]).toEqual(['adopted', 'adopted', 'kept'])
    if (mine.status !== 'adopted' || theirs.status !== 'adopted' || rejected.status !== 'kept') throw new Error('unreachable')

    const page = await call<Page>(loader, getRequest('/settings', me.cookie))
    expect(page.body.parameters.inForce).toBe(mine.id)
    expect(page.body.parameters.sets.map((s) => [s.id, s.adopted])).toEqual([
      [rejected.id, false],
      [mine.id, true],
    ])
    expect(page.body.parameters.sets.every((s) => s.logLoss > 0 && s.rmseBins > 0)).toBe(true)

    const snapshot = async () => ({
      state: await db.select().from(fsrsOptimizer).orderBy(fsrsOptimizer.userId),
      sets: await db.select().from(fsrsParameters).orderBy(fsrsParameters.id),
    })
    const before = await snapshot()
    // Forged parameters, impossible values, another learner's set, a rejected set, an unknown set: 4xx, nothing written.
    const refused: Array<[Record<string, string>, number]> = [
      [{ parameters: 'default', weights: DEFAULT_WEIGHTS.map(() => '0.5').join(',') }, 400],
      [{ parameters: 'default', 'weights[0]': '99' }, 400],
      [{ parameters: '0.2,1.3,2.3' }, 400],
      [{ parameters: '' }, 400],
      [{ parameters: 'x'.repeat(5000) }, 400],
      [{ parameters: theirs.id }, 404],
      [{ parameters: rejected.id }, 404],
      [{ parameters: '2f1e3c4d-0000-4000-8000-000000000000' }, 404],
    ]
    for (const [fields, status] of refused) {
      const res = await choose(me.cookie, fields)
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(status)
      expect(res.body.parametersError).toMatch(/^errorParameters/)
    }
    expect(await snapshot()).toEqual(before)

    // Back to the defaults: the next answers are scheduled by them; then back to my adopted set.
    expect((await choose(me.cookie, { parameters: 'default' })).status).toBe(303)
    expect(await parametersInForce(db, me.userId)).toEqual({ id: null, weights: null })
    expect(await parametersInForce(db, other.userId)).toMatchObject({ id: theirs.id })
    expect((await choose(me.cookie, { parameters: mine.id })).status).toBe(303)
    expect(await parametersInForce(db, me.userId)).toEqual({ id: mine.id, weights: [...FORGETFUL] })
  }, 60_000)
})
