/** When a kept first Check stops holding: a day unrated, or a rating of the card since (app/domain/open-check.ts). */
import { describe, expect, it } from 'vitest'
import { checkInForce, checkUsedUp, OPEN_CHECK_TTL_MS } from '~/domain/open-check'

const T0 = Date.UTC(2026, 11, 4, 9)

describe('open checks', () => {
  it('hold for a day after the check, then no longer', () => {
    expect(checkInForce(T0, T0 + OPEN_CHECK_TTL_MS - 1)).toBe(true)
    expect(checkInForce(T0, T0 + OPEN_CHECK_TTL_MS)).toBe(false)
  })

  it("a check made on the phone is used up by a rating since, by answer count, whatever either device's clock said", () => {
    const check = { checkedAt: T0, reps: 3 }
    // Rated on a laptop whose clock ran behind the phone's: the time says "before the check", the count says "since".
    expect(checkUsedUp(check, { reps: 4, lastReview: T0 - 60_000 })).toBe(true)
    // Not rated since, though the phone's clock ran behind and the last rating looks later than the check.
    expect(checkUsedUp(check, { reps: 3, lastReview: T0 + 60_000 })).toBe(false)
    // A card that had no state when checked (count 0) and none yet.
    expect(checkUsedUp({ checkedAt: T0, reps: 0 }, undefined)).toBe(false)
  })

  it('a check made on the phone no longer holds once an undo took back an answer of the card (the server refuses it too)', () => {
    expect(checkUsedUp({ checkedAt: T0, reps: 3 }, { reps: 2, lastReview: T0 - 60_000 })).toBe(true)
  })

  it('a check from the server (no count) falls back to the times', () => {
    expect(checkUsedUp({ checkedAt: T0 }, { reps: 4, lastReview: T0 })).toBe(true)
    expect(checkUsedUp({ checkedAt: T0 }, { reps: 4, lastReview: T0 - 1 })).toBe(false)
    expect(checkUsedUp({ checkedAt: T0 }, undefined)).toBe(false)
  })
})
