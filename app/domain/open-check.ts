/**
 * The first Check of a shown card is kept until the card is rated (issue 14.15, online and offline alike), so a
 * reload shows the same question and verdict rather than a fresh try. A check left unrated for a day no longer
 * holds: the card is a fresh question again.
 */
export const OPEN_CHECK_TTL_MS = 24 * 60 * 60 * 1000

export const checkInForce = (checkedAt: number, now: number) => checkedAt > now - OPEN_CHECK_TTL_MS

/**
 * An answer to the card at or after its check used the check up, wherever either was made (a phone that checked
 * offline may learn only later, from the server's card state, that the card was rated online meanwhile).
 */
const checkAnsweredSince = (checkedAt: number, lastAnsweredAt: number | null | undefined) =>
  lastAnsweredAt !== null && lastAnsweredAt !== undefined && lastAnsweredAt >= checkedAt

/**
 * Whether the check no longer holds because the card's answers changed since. A check made on this phone noted the
 * card's answer count, and holds only while the count is the same, as the server's guard does (a rating anywhere
 * raises it, an undo lowers it), whatever either device's clock says. A check known only from the server has no
 * count and falls back to the times.
 */
export const checkUsedUp = (check: { checkedAt: number; reps?: number }, card: { reps: number; lastReview: number | null } | undefined) =>
  check.reps !== undefined ? (card?.reps ?? 0) !== check.reps : checkAnsweredSince(check.checkedAt, card?.lastReview)
