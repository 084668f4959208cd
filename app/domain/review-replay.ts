/**
 * Merging review events into a card's log and replaying it (issue 11). The server and the phone both use
 * these: a card's state is the replay of its live answers in answer-time order, so answers made offline on
 * two phones merge to the same state whatever order their batches arrive in. Pure: no clock, no I/O.
 */
import type { ReviewEvent } from './review-events'
import { newCard, scheduleReview, type RatingValue, type StoredCard, type Weights } from './scheduling'

/** One log row as the replay needs it. */
export interface LogEntry {
  id: string
  itemId: string
  rating: RatingValue
  reviewedAt: number
  retention: number
  undoneAt: number | null
  /** The FSRS parameters that schedule this answer (null or absent: the defaults). */
  weights?: Weights | null
}

/** Answer-time order; the review id breaks ties so every replay sees the same order. */
export function compareEntries(a: Pick<LogEntry, 'reviewedAt' | 'id'>, b: Pick<LogEntry, 'reviewedAt' | 'id'>): number {
  return a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Adds events to a log: an answer whose id the log holds already changes nothing (a retried batch); an undo
 * marks its answer undone once (the first undo's time is kept). Returns a new array; entries are copied
 * when changed. An undo of an answer not in the log is ignored here (the server refuses it before). A check
schedules nothing: it leaves the log as it is.
 */
export function applyEvents(log: readonly LogEntry[], events: readonly ReviewEvent[]): LogEntry[] {
  const byId = new Map(log.map((e) => [e.id, e]))
  for (const event of events) {
    if (event.type === 'answer') {
      if (byId.has(event.id)) continue
      byId.set(event.id, {
        id: event.id,
        itemId: event.itemId,
        rating: event.rating,
        reviewedAt: event.answeredAt,
        retention: event.retention,
        undoneAt: null,
      })
    } else if (event.type === 'undo') {
      const target = byId.get(event.reviewId)
      if (target && target.undoneAt === null) byId.set(target.id, { ...target, undoneAt: event.undoneAt })
    }
  }
  return [...byId.values()]
}

export interface CardReplay {
  /** The card after its live answers; null when it has none (a new card). */
  card: StoredCard | null
  /** Each entry's "card as it was before this answer" (undone ones: the card at that moment). */
  before: Map<string, StoredCard>
}

/** Replays one card's log (every entry must be of the same item). */
export function replayCard(entries: readonly LogEntry[]): CardReplay {
  const ordered = [...entries].sort(compareEntries)
  let card: StoredCard | null = null
  const before = new Map<string, StoredCard>()
  for (const entry of ordered) {
    const current = card ?? newCard(entry.reviewedAt)
    before.set(entry.id, current)
    if (entry.undoneAt === null) card = scheduleReview(current, entry.rating, entry.reviewedAt, entry.retention, entry.weights)
  }
  return { card, before }
}

/** Groups a log by item. */
export function byItem<T extends { itemId: string }>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const e of entries) {
    const group = groups.get(e.itemId)
    if (group) group.push(e)
    else groups.set(e.itemId, [e])
  }
  return groups
}
