/**
 * The rules of automatic FSRS optimisation, as plain data: which answers the optimiser learns from, which
 * later answers it is judged on, the gates fsrs-rs and Anki use, and when new parameters may replace the
 * current ones. Pure (no clock, no I/O); app/data/fsrs-optimizer.server.ts runs the fit with fsrs-rs.
 */
import { CLAMP_PARAMETERS, W17_W18_Ceiling } from 'ts-fsrs'
import type { Weights } from './scheduling'

/** Below this many reviewed cards the defaults stay (fsrs-rs and Anki refuse to fit so little). */
export const MIN_CARDS_TO_FIT = 8
/** Below this many reviewed cards only the initial stabilities are fitted (pre-training), the rest stay. */
export const MIN_CARDS_FOR_FULL_FIT = 64
/** New answers since the last fit that make a learner due for another one. */
export const REVIEWS_PER_BATCH = 50
/** At most one fit per learner per this many ms. */
export const OPTIMIZE_INTERVAL_MS = 86_400_000
/** The later share of the log (by time) that candidate parameters are judged on and never trained on. */
export const HELD_OUT_SHARE = 0.2

export type FitKind = 'defaults' | 'pretrain' | 'full'

/** One answer as the optimiser sees it. */
export interface OptimizerReview {
  itemId: string
  rating: number
  reviewedAt: number
  /** The learner's study day (YYYY-MM-DD, rolling over at 04:00 local): day gaps are counted in these, as Anki does. */
  studyDay: string | null
}

/**
 * One review with the card's earlier reviews, as fsrs-rs takes it: ratings with whole days since the previous
 * one (0 for the first); the last one a day or more after the one before.
 */
export type ReviewSequence = { rating: number; deltaT: number }[]

export interface TrainingData {
  /** Sequences whose last review is before the split: what the parameters are fitted on. */
  train: ReviewSequence[]
  /** Sequences whose last review is at or after the split: what candidate and current parameters are judged on. */
  test: ReviewSequence[]
  /** Cards reviewed again on a later day (each has at least one sequence): the gates count these. */
  reviewedCards: number
  /** Cards of that kind among the training sequences. */
  trainCards: number
}

const DAY_MS = 86_400_000

function dayNumber(review: OptimizerReview): number {
  if (review.studyDay && /^\d{4}-\d{2}-\d{2}$/.test(review.studyDay)) return Math.floor(Date.parse(`${review.studyDay}T00:00:00Z`) / DAY_MS)
  return Math.floor(review.reviewedAt / DAY_MS)
}

/**
 * The time at which the held-out part of the log starts: the answers from there on (the latest
 * HELD_OUT_SHARE of them) are never trained on.
 */
export function heldOutStart(log: readonly OptimizerReview[]): number {
  if (log.length === 0) return 0
  const times = log.map((r) => r.reviewedAt).sort((a, b) => a - b)
  return times[Math.min(times.length - 1, Math.floor(times.length * (1 - HELD_OUT_SHARE)))]!
}

/**
 * Turns a learner's live answers into fsrs-rs sequences: per card, in time order, one sequence for every
 * answer given on a later study day than the card's previous answer (each with all the card's earlier
 * answers). Days between answers are study days.
 */
export function trainingData(log: readonly OptimizerReview[], splitAt: number): TrainingData {
  const byCard = new Map<string, OptimizerReview[]>()
  for (const review of log) {
    const list = byCard.get(review.itemId)
    if (list) list.push(review)
    else byCard.set(review.itemId, [review])
  }
  const train: ReviewSequence[] = []
  const test: ReviewSequence[] = []
  let reviewedCards = 0
  let trainCards = 0
  for (const reviews of byCard.values()) {
    reviews.sort((a, b) => a.reviewedAt - b.reviewedAt)
    const sequence: ReviewSequence = []
    let previousDay = dayNumber(reviews[0]!)
    let longTerm = false
    let longTermInTrain = false
    for (const [i, review] of reviews.entries()) {
      const day = dayNumber(review)
      sequence.push({ rating: review.rating, deltaT: i === 0 ? 0 : Math.max(0, day - previousDay) })
      previousDay = day
      // fsrs-rs predicts (and is judged on) answers given a day or more after the previous one: same-day
      // answers stay in the history of later sequences but get none of their own. (It aborts the whole
      // process on a sequence without such a gap, so none is ever made.)
      if (i === 0 || sequence[i]!.deltaT === 0) continue
      longTerm = true
      if (review.reviewedAt < splitAt) longTermInTrain = true
      ;(review.reviewedAt < splitAt ? train : test).push(sequence.slice())
    }
    if (longTerm) reviewedCards++
    if (longTermInTrain) trainCards++
  }
  return { train, test, reviewedCards, trainCards }
}

/** What a fit on this many reviewed cards may change: nothing, the initial stabilities, or every parameter. */
export function fitKind(reviewedCards: number): FitKind {
  if (reviewedCards < MIN_CARDS_TO_FIT) return 'defaults'
  if (reviewedCards < MIN_CARDS_FOR_FULL_FIT) return 'pretrain'
  return 'full'
}

/** New parameters replace the current ones only if they predict the held-out answers strictly better. */
export function shouldAdopt(currentLogLoss: number, candidateLogLoss: number): boolean {
  return Number.isFinite(candidateLogLoss) && Number.isFinite(currentLogLoss) && candidateLogLoss < currentLogLoss
}

/** Is a learner due for a fit: enough new answers since the last one, and not within a day of it. */
export function dueForOptimization(
  state: { lastRunAt: number | null; reviewsAtLastRun: number },
  reviewsNow: number,
  now: number,
): boolean {
  if (reviewsNow - state.reviewsAtLastRun < REVIEWS_PER_BATCH) return false
  return state.lastRunAt === null || now - state.lastRunAt >= OPTIMIZE_INTERVAL_MS
}

const BOUNDS = CLAMP_PARAMETERS(W17_W18_Ceiling, true)

/** FSRS-6 parameters the scheduler accepts: 21 finite numbers, each within ts-fsrs's bounds. */
export function isValidWeights(weights: unknown): weights is Weights {
  if (!Array.isArray(weights) || weights.length !== BOUNDS.length) return false
  return weights.every((w, i) => typeof w === 'number' && Number.isFinite(w) && w >= BOUNDS[i]![0]! && w <= BOUNDS[i]![1]!)
}

/** Fitted parameters (float32 from fsrs-rs) rounded to 4 decimals, as Anki shows them, and kept within bounds. */
export function tidyWeights(weights: readonly number[]): number[] {
  return weights.map((w, i) => {
    const [min, max] = BOUNDS[i] ?? [-Infinity, Infinity]
    return Math.min(max!, Math.max(min!, Math.round(w * 10_000) / 10_000))
  })
}

/** Mean absolute difference between two parameter sets (how far a fit is from the truth, in the bench). */
export function meanAbsoluteDifference(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length)
  let sum = 0
  for (let i = 0; i < n; i++) sum += Math.abs(a[i]! - b[i]!)
  return n === 0 ? 0 : sum / n
}
