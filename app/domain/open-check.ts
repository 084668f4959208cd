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
export const checkAnsweredSince = (checkedAt: number, lastAnsweredAt: number | null | undefined) =>
  lastAnsweredAt !== null && lastAnsweredAt !== undefined && lastAnsweredAt >= checkedAt

/**
 * Whether the card was rated since this check. A check made on this phone knows the card's answer count at the
 * time, as the server's guard does, and compares counts: a rating elsewhere raises the count whatever either
 * device's clock says. A check that came from the server has no count and falls back to the times.
 */
export const checkUsedUp = (
  check: { checkedAt: number; reps?: number },
  card: { reps: number; lastReview: number | null } | undefined,
) => (check.reps !== undefined ? (card?.reps ?? 0) > check.reps : checkAnsweredSince(check.checkedAt, card?.lastReview))
