/**
 * Which card comes next. The database finds the head of each queue (the earliest-due learning card, the
 * earliest-due review card, the first unseen card); this decides between them, Anki-style:
 * cards the learner asked to see again (missed in a quiz) first, as promised, then learning/relearning due now, then reviews by
 * due time and then new cards within today's limit — each time assigned items before the rest; when nothing
 * else is left, a learning card due within the learn-ahead window rather than ending the session early.
 */
export const LEARN_AHEAD_MS = 20 * 60 * 1000

export interface QueueHeads {
  /** Earliest-due card in Learning or Relearning (any due time). */
  learning: { itemId: string; due: number } | null
  /** Earliest-due card in Review state (any due time). */
  review: { itemId: string; due: number } | null
  /** First card of the deck the learner has never seen. */
  fresh: { itemId: string } | null
  /** Oldest card the learner asked to see again (e.g. missed in a quiz), due or not. */
  requested?: { itemId: string } | null
  /** Earliest-due review card that belongs to one of the learner's assignments (due now only). */
  assignedReview?: { itemId: string; due: number } | null
  /** First unseen card of the deck that belongs to one of the learner's assignments. */
  assignedFresh?: { itemId: string } | null
}

export interface DailyCounts {
  newToday: number
  reviewsToday: number
}

export interface Limits {
  newPerDay: number
  maxReviewsPerDay: number
}

export type NextCard = { kind: 'learning' | 'requested' | 'review' | 'new'; itemId: string } | { kind: 'done'; nextDue: number | null }

/** `dayEnd`: when today's limits reset (cards held back by a limit come back then). */
export function nextDueCard(heads: QueueHeads, counts: DailyCounts, limits: Limits, now: number, dayEnd: number): NextCard {
  // "Send missed items to my reviews" promises they come first: before even a learning step due now.
  if (heads.requested) return { kind: 'requested', itemId: heads.requested.itemId }
  if (heads.learning && heads.learning.due <= now) return { kind: 'learning', itemId: heads.learning.itemId }
  const reviewsLeft = counts.reviewsToday < limits.maxReviewsPerDay
  const newLeft = counts.newToday < limits.newPerDay
  if (heads.assignedReview && heads.assignedReview.due <= now && reviewsLeft) return { kind: 'review', itemId: heads.assignedReview.itemId }
  if (heads.review && heads.review.due <= now && reviewsLeft) return { kind: 'review', itemId: heads.review.itemId }
  if (heads.assignedFresh && newLeft) return { kind: 'new', itemId: heads.assignedFresh.itemId }
  if (heads.fresh && newLeft) return { kind: 'new', itemId: heads.fresh.itemId }
  if (heads.learning && heads.learning.due <= now + LEARN_AHEAD_MS) return { kind: 'learning', itemId: heads.learning.itemId }
  const upcoming = [
    heads.learning?.due,
    heads.review ? (reviewsLeft ? heads.review.due : Math.max(heads.review.due, dayEnd)) : undefined,
    heads.fresh ? dayEnd : undefined,
  ].filter((d): d is number => d !== undefined)
  return { kind: 'done', nextDue: upcoming.length > 0 ? Math.min(...upcoming) : null }
}
