import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dueForOptimization,
  fitKind,
  heldOutStart,
  isValidWeights,
  MIN_CARDS_FOR_FULL_FIT,
  MIN_CARDS_TO_FIT,
  OPTIMIZE_INTERVAL_MS,
  REVIEWS_PER_BATCH,
  shouldAdopt,
  tidyWeights,
  trainingData,
  type OptimizerReview,
} from '~/domain/fsrs-optimizer'
import {
  DEFAULT_WEIGHTS,
  newCard,
  previewIntervals,
  rebuildCardStates,
  Rating,
  retrievability,
  scheduleReview,
  type LoggedReview,
  type RatingValue,
} from '~/domain/scheduling'
import { TRUE_WEIGHTS } from '../support/simulated-learner'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 2, 1, 8)

describe('the optimiser gates', () => {
  it('keeps the defaults below 8 reviewed cards, pre-trains only below 64, fits everything from 64', () => {
    expect(MIN_CARDS_TO_FIT).toBe(8)
    expect(MIN_CARDS_FOR_FULL_FIT).toBe(64)
    for (let n = 0; n < 8; n++) expect(fitKind(n)).toBe('defaults')
    for (let n = 8; n < 64; n++) expect(fitKind(n)).toBe('pretrain')
    expect(fitKind(64)).toBe('full')
    expect(fitKind(10_000)).toBe('full')
  })

  it('adopts new parameters only when their held-out log loss is strictly lower', () => {
    expect(shouldAdopt(0.35, 0.34)).toBe(true)
    expect(shouldAdopt(0.35, 0.35)).toBe(false)
    expect(shouldAdopt(0.35, 0.36)).toBe(false)
    expect(shouldAdopt(0.35, Number.NaN)).toBe(false)
    expect(shouldAdopt(Number.NaN, 0.2)).toBe(false)
  })

  it('runs after a batch of new answers and at most once a day', () => {
    const never = { lastRunAt: null, reviewsAtLastRun: 0 }
    expect(dueForOptimization(never, REVIEWS_PER_BATCH - 1, T0)).toBe(false)
    expect(dueForOptimization(never, REVIEWS_PER_BATCH, T0)).toBe(true)
    const ranAt = { lastRunAt: T0, reviewsAtLastRun: 500 }
    expect(dueForOptimization(ranAt, 500 + 10 * REVIEWS_PER_BATCH, T0 + OPTIMIZE_INTERVAL_MS - 1)).toBe(false)
    expect(dueForOptimization(ranAt, 500 + REVIEWS_PER_BATCH - 1, T0 + 3 * OPTIMIZE_INTERVAL_MS)).toBe(false)
    expect(dueForOptimization(ranAt, 500 + REVIEWS_PER_BATCH, T0 + OPTIMIZE_INTERVAL_MS)).toBe(true)
  })
})

describe('training data', () => {
  const review = (itemId: string, rating: number, reviewedAt: number, studyDay: string | null = null): OptimizerReview => ({
    itemId,
    rating,
    reviewedAt,
    studyDay,
  })

  it('makes one sequence per answer on a later study day, with the earlier answers, and counts days as study days', () => {
    const log = [
      review('a', 1, T0, '2026-03-01'),
      review('a', 3, T0 + 600_000, '2026-03-01'), // same day: history only
      // 03:00 the next morning is still the same study day (it rolls over at 04:00): history only.
      review('a', 3, Date.UTC(2026, 2, 2, 3), '2026-03-01'),
      review('a', 3, T0 + 3 * DAY, '2026-03-04'),
      review('a', 1, T0 + 10 * DAY, '2026-03-11'),
      review('b', 3, T0, '2026-03-01'), // answered once: no sequence
    ]
    const data = trainingData(log, Infinity)
    expect(data.train).toEqual([
      [
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 3 },
      ],
      [
        { rating: 1, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 3 },
        { rating: 1, deltaT: 7 },
      ],
    ])
    expect(data.test).toEqual([])
    expect(data).toMatchObject({ reviewedCards: 1, trainCards: 1 })
  })

  it('holds out the latest fifth of the log: sequences ending there are judged, never trained on', () => {
    const log = Array.from({ length: 100 }, (_, i) => review(`c${i % 10}`, 3, T0 + i * DAY))
    const split = heldOutStart(log)
    expect(split).toBe(T0 + 80 * DAY)
    const data = trainingData(log, split)
    expect(data.train).toHaveLength(70) // 90 sequences (each card's first answer has none), 20 held out
    expect(data.test).toHaveLength(20)
    expect(data.test.every((s) => s.length >= 9)).toBe(true)
  })

  it('never makes a sequence fsrs-rs would abort on (first gap 0, last gap a day or more, ratings 1–4)', () => {
    const arbitraryLog = fc.array(
      fc.record({
        itemId: fc.constantFrom('a', 'b', 'c'),
        rating: fc.integer({ min: 1, max: 4 }),
        reviewedAt: fc.integer({ min: T0, max: T0 + 30 * DAY }),
      }),
      { maxLength: 60 },
    )
    fc.assert(
      fc.property(arbitraryLog, fc.double({ min: 0, max: 1, noNaN: true }), (entries, share) => {
        const log = entries.map((e) => review(e.itemId, e.rating, e.reviewedAt))
        const data = trainingData(log, T0 + share * 30 * DAY)
        for (const seq of [...data.train, ...data.test]) {
          expect(seq.length).toBeGreaterThanOrEqual(2)
          expect(seq[0]!.deltaT).toBe(0)
          expect(seq.at(-1)!.deltaT).toBeGreaterThan(0)
          expect(seq.every((r) => r.rating >= 1 && r.rating <= 4 && Number.isInteger(r.deltaT) && r.deltaT >= 0)).toBe(true)
        }
      }),
    )
  })
})

describe('parameter sets', () => {
  it('accepts 21 finite parameters within bounds and nothing else', () => {
    expect(isValidWeights([...DEFAULT_WEIGHTS])).toBe(true)
    expect(isValidWeights([...TRUE_WEIGHTS])).toBe(true)
    expect(isValidWeights(DEFAULT_WEIGHTS.slice(0, 19))).toBe(false)
    expect(isValidWeights([...DEFAULT_WEIGHTS, 0.1])).toBe(false)
    expect(isValidWeights(DEFAULT_WEIGHTS.map((w, i) => (i === 3 ? Number.NaN : w)))).toBe(false)
    expect(isValidWeights(DEFAULT_WEIGHTS.map((w, i) => (i === 4 ? 50 : w)))).toBe(false) // initial difficulty is 1–10
    expect(isValidWeights(DEFAULT_WEIGHTS.map((w, i) => (i === 20 ? 0 : w)))).toBe(false) // decay is 0.1–0.8
    expect(isValidWeights('0.2,1.3')).toBe(false)
    expect(isValidWeights(DEFAULT_WEIGHTS.map(String))).toBe(false)
  })

  it('tidies fitted float32 values: 4 decimals, within bounds', () => {
    const fitted = [...DEFAULT_WEIGHTS].map((w) => w + 0.000012345)
    fitted[19] = 0.800000011920929 // float32 just above the bound
    const tidy = tidyWeights(fitted)
    expect(isValidWeights(tidy)).toBe(true)
    expect(tidy[0]).toBe(0.212)
    expect(tidy[19]).toBe(0.8)
  })
})

describe("scheduling with a learner's parameters", () => {
  it('uses the defaults when none are given, and the given ones otherwise', () => {
    const card = scheduleReview(newCard(T0), Rating.Good, T0, 0.9)
    const later = T0 + 3 * DAY
    expect(scheduleReview(card, Rating.Good, later, 0.9, DEFAULT_WEIGHTS)).toEqual(scheduleReview(card, Rating.Good, later, 0.9))
    expect(scheduleReview(card, Rating.Good, later, 0.9, null)).toEqual(scheduleReview(card, Rating.Good, later, 0.9))
    const own = scheduleReview(card, Rating.Good, later, 0.9, TRUE_WEIGHTS)
    expect(own.stability).not.toBe(scheduleReview(card, Rating.Good, later, 0.9).stability)
    // The buttons preview exactly what the answer will do, with the same parameters.
    expect(previewIntervals(card, later, 0.9, TRUE_WEIGHTS)[Rating.Good]).toBe(own.due - later)
    expect(retrievability(own, later + 5 * DAY, 0.9, TRUE_WEIGHTS)).not.toBe(retrievability(own, later + 5 * DAY, 0.9))
  })

  it('replays each logged answer with the parameters that scheduled it', () => {
    const log: LoggedReview[] = []
    let card = newCard(T0)
    const plan: Array<[RatingValue, number, readonly number[] | null]> = [
      [Rating.Good, T0, null],
      [Rating.Good, T0 + DAY, TRUE_WEIGHTS],
      [Rating.Again, T0 + 5 * DAY, TRUE_WEIGHTS],
      [Rating.Good, T0 + 6 * DAY, null],
      [Rating.Easy, T0 + 12 * DAY, TRUE_WEIGHTS],
    ]
    for (const [i, [rating, at, weights]] of plan.entries()) {
      log.push({ id: `r${i}`, itemId: 'x', rating, reviewedAt: at, retention: 0.9, undoneAt: null, before: card, weights })
      card = scheduleReview(card, rating, at, 0.9, weights)
    }
    expect(rebuildCardStates(log).get('x')).toEqual(card)
    // Dropping the parameters gives another card: they matter to an exact replay.
    expect(rebuildCardStates(log.map((r) => ({ ...r, weights: null }))).get('x')).not.toEqual(card)
  })
})
