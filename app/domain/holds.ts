/**
 * Suspended, buried and leech cards: the learner's control over what the queue shows. Pure rules; the
 * holds themselves live in app/data/holds.server.ts.
 */

export interface CardHold {
  suspendedAt: number | null
  suspendedBy: 'learner' | 'leech' | null
  buriedUntil: number | null
}

export const LEECH_THRESHOLD = { min: 1, max: 99, default: 8 } as const

/**
 * Whether the answer that took a card from `lapsesBefore` to `lapsesAfter` lapses makes it a leech now: at
 * the threshold, and again every half-threshold after it (as Anki does), so a card unsuspended and failed
 * again comes back to the learner's attention.
 */
export function becomesLeech(lapsesBefore: number, lapsesAfter: number, threshold: number): boolean {
  if (lapsesAfter <= lapsesBefore || lapsesAfter < threshold) return false
  const every = Math.max(1, Math.ceil(threshold / 2))
  return (lapsesAfter - threshold) % every === 0
}

/** A card failed at least `threshold` times carries the leech tag, suspended or not. */
export function isLeech(lapses: number, threshold: number): boolean {
  return lapses >= threshold
}

/** Whether the queue skips the card at `now`. */
export function isHeld(hold: CardHold | null | undefined, now: number): boolean {
  if (!hold) return false
  return hold.suspendedAt !== null || (hold.buriedUntil !== null && hold.buriedUntil > now)
}

export type CardStatus = 'new' | 'learning' | 'review' | 'relearning' | 'suspended' | 'buried'

/** What the card browser shows for a card: a hold outranks its schedule. */
export function cardStatus(state: number | null, hold: CardHold | null | undefined, now: number): CardStatus {
  if (hold?.suspendedAt != null) return 'suspended'
  if (hold && isHeld(hold, now)) return 'buried'
  if (state === null || state === 0) return 'new'
  return state === 1 ? 'learning' : state === 2 ? 'review' : 'relearning'
}
