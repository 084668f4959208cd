/**
 * A simulated learner whose memory follows FSRS with its own true parameters: it studies on the app's
 * schedule (whatever the app's parameters say), and recalls each card with the probability its true memory
 * gives at that moment. Seeded, so a run is reproducible. Used by the optimiser's tests and bench.
 */
import { forgetting_curve } from 'ts-fsrs'
import { newCard, Rating, scheduleReview, State, type RatingValue, type StoredCard, type Weights } from '~/domain/scheduling'

/**
 * FSRS-6 parameters of a learner who keeps new cards for a quarter as long as the defaults assume, gains a
 * little less from each success and forgets along a steeper curve (decay 0.45, not 0.15).
 */
export const TRUE_WEIGHTS: Weights = [
  0.1, 0.5, 1.0, 4.0, 7.2, 0.55, 2.4, 0.02, 1.2, 0.25, 1.2, 1.7, 0.08, 0.35, 1.4, 0.45, 2.2, 0.5, 0.12, 0.1, 0.45,
]

const DAY_MS = 86_400_000

export interface SimulatedAnswer {
  itemId: string
  rating: RatingValue
  reviewedAt: number
}

export interface SimulationOptions {
  itemIds: readonly string[]
  trueWeights?: Weights
  start: number
  /** Stop after this many answers. */
  answers: number
  newPerDay: number
  seed: number
  /** Records an answer in the app and returns the card the app scheduled (its due time is when it comes back). */
  answer: (a: SimulatedAnswer) => Promise<StoredCard> | StoredCard
}

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4_294_967_296
  }
}

/** Runs the learner: new cards each day (up to newPerDay), every card answered when the app says it is due. */
export async function simulateLearner(options: SimulationOptions): Promise<SimulatedAnswer[]> {
  const trueWeights = options.trueWeights ?? TRUE_WEIGHTS
  const random = seededRandom(options.seed)
  const memory = new Map<string, StoredCard>()
  const due = new Map<string, number>()
  const fresh = [...options.itemIds]
  const log: SimulatedAnswer[] = []
  let day = 0
  let introducedToday = 0
  while (log.length < options.answers) {
    const dayEnd = options.start + (day + 1) * DAY_MS
    // The earliest due card today, else a new card, else the next day.
    let next: string | null = null
    let nextAt = Infinity
    for (const [itemId, at] of due) if (at < nextAt) [next, nextAt] = [itemId, at]
    let at: number
    if (next !== null && nextAt < dayEnd) at = Math.max(nextAt, options.start + day * DAY_MS + 8 * 3_600_000)
    else if (fresh.length > 0 && introducedToday < options.newPerDay) {
      next = fresh.shift()!
      introducedToday++
      at = options.start + day * DAY_MS + 8 * 3_600_000 + introducedToday * 60_000
    } else {
      day++
      introducedToday = 0
      if (day > 10_000) break
      continue
    }
    const truth = memory.get(next) ?? newCard(at)
    const rating = rate(truth, at, trueWeights, random)
    const answer = { itemId: next, rating, reviewedAt: at }
    const scheduled = await options.answer(answer)
    log.push(answer)
    memory.set(next, scheduleReview(truth, rating, at, 0.9, trueWeights))
    due.set(next, scheduled.due)
  }
  return log
}

/** The learner's answer: recalled with their true retrievability; a recalled card is mostly Good, sometimes Hard or Easy. */
function rate(truth: StoredCard, at: number, trueWeights: Weights, random: () => number): RatingValue {
  const roll = random()
  if (truth.state === State.New || truth.lastReview === null) {
    // First sight: how well the learner already knows it.
    return roll < 0.25 ? Rating.Again : roll < 0.35 ? Rating.Hard : roll < 0.9 ? Rating.Good : Rating.Easy
  }
  const recall = forgetting_curve(trueWeights, Math.max(0, (at - truth.lastReview) / DAY_MS), truth.stability)
  if (roll >= recall) return Rating.Again
  const grade = random()
  return grade < 0.15 ? Rating.Hard : grade < 0.92 ? Rating.Good : Rating.Easy
}
