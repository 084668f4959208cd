/**
 * Scheduling with ts-fsrs over plain data. Cards travel as StoredCard (dates as epoch ms) so the same
 * values go to the database, the wire and the tests. Pure: no clock, no I/O — callers pass `now`.
 */
import { createEmptyCard, default_w, forgetting_curve, fsrs, type Card, type FSRS, type Grade, Rating, State } from 'ts-fsrs'

/** A ts-fsrs Card with dates as epoch milliseconds: what we store, send over the wire and replay. */
export interface StoredCard {
  due: number
  stability: number
  difficulty: number
  elapsedDays: number
  scheduledDays: number
  learningSteps: number
  reps: number
  lapses: number
  state: number
  lastReview: number | null
}
export { Rating, State }

export const RATINGS = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const
export type RatingValue = (typeof RATINGS)[number]

export function isRating(value: number): value is RatingValue {
  return (RATINGS as readonly number[]).includes(value)
}

/**
 * FSRS parameters (21 for FSRS-6). Absent or null means ts-fsrs's defaults; a learner's fitted set replaces
 * them once it beats them (app/domain/fsrs-optimizer.ts), and each log row names the set it was scheduled with.
 */
export type Weights = readonly number[]
export const DEFAULT_WEIGHTS: Weights = default_w

const schedulers = new Map<string, FSRS>()
const MAX_SCHEDULERS = 256
/**
 * One scheduler per desired retention and parameter set (fuzz on: its seed is derived from the card, so it
 * is deterministic). Bounded: each learner may have their own parameters.
 */
function schedulerFor(retention: number, weights?: Weights | null): FSRS {
  const key = weights ? `${retention}|${weights.join(',')}` : String(retention)
  let f = schedulers.get(key)
  if (!f) {
    if (schedulers.size >= MAX_SCHEDULERS) schedulers.delete(schedulers.keys().next().value!)
    f = fsrs({ request_retention: retention, enable_fuzz: true, enable_short_term: true, ...(weights ? { w: [...weights] } : {}) })
    schedulers.set(key, f)
  }
  return f
}

export function toFsrsCard(c: StoredCard): Card {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as State,
    last_review: c.lastReview === null ? undefined : new Date(c.lastReview),
  }
}

export function fromFsrsCard(c: Card): StoredCard {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ? c.last_review.getTime() : null,
  }
}

/** The card a learner has never seen, as of `now`. */
export function newCard(now: number): StoredCard {
  return fromFsrsCard(createEmptyCard(new Date(now)))
}

/** The card after answering `rating` at `now` (with the learner's parameters, or the defaults). */
export function scheduleReview(
  card: StoredCard,
  rating: RatingValue,
  now: number,
  retention: number,
  weights?: Weights | null,
): StoredCard {
  return fromFsrsCard(schedulerFor(retention, weights).next(toFsrsCard(card), new Date(now), rating as Grade).card)
}

/** What each button would do: the due time after Again, Hard, Good and Easy (for the button labels). */
export function previewIntervals(card: StoredCard, now: number, retention: number, weights?: Weights | null): Record<RatingValue, number> {
  const preview = schedulerFor(retention, weights).repeat(toFsrsCard(card), new Date(now))
  return {
    [Rating.Again]: preview[Rating.Again].card.due.getTime() - now,
    [Rating.Hard]: preview[Rating.Hard].card.due.getTime() - now,
    [Rating.Good]: preview[Rating.Good].card.due.getTime() - now,
    [Rating.Easy]: preview[Rating.Easy].card.due.getTime() - now,
  } as Record<RatingValue, number>
}

const DAY_MS = 86_400_000

/**
 * Predicted recall at `at` from a card's stability and last review, by FSRS's forgetting curve (the same
 * one ts-fsrs uses, in closed form: fast enough for a dashboard over tens of thousands of cards).
 */
export function recallAt(stability: number, lastReview: number | null, at: number, weights?: Weights | null): number {
  if (lastReview === null || stability <= 0) return 0
  return forgetting_curve(weights ?? default_w, Math.max(0, (at - lastReview) / DAY_MS), stability)
}

/** Predicted recall probability of a card at `now` (0 for a card never reviewed). */
export function retrievability(card: StoredCard, now: number, retention = 0.9, weights?: Weights | null): number {
  if (card.state === State.New || card.lastReview === null) return 0
  return schedulerFor(retention, weights).get_retrievability(toFsrsCard(card), new Date(now), false)
}

export interface LoggedReview {
  id: string
  itemId: string
  rating: RatingValue
  reviewedAt: number
  retention: number
  undoneAt: number | null
  before: StoredCard
  /** The parameters that scheduled this answer (null or absent: the defaults). */
  weights?: Weights | null
}

/**
 * Replays the log through ts-fsrs and returns every card's state, each answer with the parameters that
 * scheduled it. Undone answers are skipped; the stored card_states must equal this exactly (the log is the truth, the table a cache).
 */
export function rebuildCardStates(log: readonly LoggedReview[]): Map<string, StoredCard> {
  const cards = new Map<string, StoredCard>()
  const ordered = log
    .filter((r) => r.undoneAt === null)
    .sort((a, b) => a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const review of ordered) {
    const current = cards.get(review.itemId) ?? newCard(review.reviewedAt)
    cards.set(review.itemId, scheduleReview(current, review.rating, review.reviewedAt, review.retention, review.weights))
  }
  return cards
}
