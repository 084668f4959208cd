import { describe, expect, it } from 'vitest'
import {
  newCard,
  previewIntervals,
  rebuildCardStates,
  Rating,
  scheduleReview,
  State,
  type LoggedReview,
  type RatingValue,
  type StoredCard,
} from '~/domain/scheduling'

const T0 = Date.UTC(2026, 0, 10, 9, 0, 0)
const MIN = 60_000
const DAY = 86_400_000

describe('scheduleReview', () => {
  it('moves a new card into learning on Good and counts the repetition', () => {
    const after = scheduleReview(newCard(T0), Rating.Good, T0, 0.9)
    expect(after.state).toBe(State.Learning)
    expect(after.reps).toBe(1)
    expect(after.lastReview).toBe(T0)
    expect(after.due).toBeGreaterThan(T0)
  })

  it('graduates a new card straight to review on Easy, days away', () => {
    const after = scheduleReview(newCard(T0), Rating.Easy, T0, 0.9)
    expect(after.state).toBe(State.Review)
    expect(after.due - T0).toBeGreaterThanOrEqual(DAY)
  })

  it('sends a forgotten review card to relearning and counts a lapse', () => {
    let card = scheduleReview(newCard(T0), Rating.Easy, T0, 0.9)
    const later = card.due
    card = scheduleReview(card, Rating.Again, later, 0.9)
    expect(card.state).toBe(State.Relearning)
    expect(card.lapses).toBe(1)
  })

  it('is deterministic: the same inputs give the same card (fuzz is seeded by the card)', () => {
    const a = scheduleReview(scheduleReview(newCard(T0), Rating.Easy, T0, 0.9), Rating.Good, T0 + 5 * DAY, 0.9)
    const b = scheduleReview(scheduleReview(newCard(T0), Rating.Easy, T0, 0.9), Rating.Good, T0 + 5 * DAY, 0.9)
    expect(a).toEqual(b)
  })

  it('schedules longer intervals for a lower desired retention', () => {
    const base = scheduleReview(newCard(T0), Rating.Easy, T0, 0.9)
    const at = base.due
    const strict = scheduleReview(base, Rating.Good, at, 0.97)
    const relaxed = scheduleReview(base, Rating.Good, at, 0.8)
    expect(relaxed.due).toBeGreaterThan(strict.due)
  })
})

describe('previewIntervals', () => {
  it('orders the four buttons Again < Hard < Good < Easy, as the labels show', () => {
    for (const card of [newCard(T0), scheduleReview(newCard(T0), Rating.Easy, T0, 0.9)]) {
      const now = Math.max(T0, card.due)
      const p = previewIntervals(card, now, 0.9)
      expect(p[Rating.Again]).toBeLessThan(p[Rating.Hard])
      expect(p[Rating.Hard]).toBeLessThan(p[Rating.Good])
      expect(p[Rating.Good]).toBeLessThan(p[Rating.Easy])
    }
  })

  it('matches what scheduleReview then does', () => {
    const card = newCard(T0)
    const p = previewIntervals(card, T0, 0.9)
    expect(scheduleReview(card, Rating.Good, T0, 0.9).due - T0).toBe(p[Rating.Good])
  })
})

/** A seeded PRNG so the random history is the same every run. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('rebuildCardStates', () => {
  it('replays 1,000 random reviews (with undo and retention changes) to exactly the incrementally kept states', () => {
    const rand = mulberry32(42)
    const items = Array.from({ length: 25 }, (_, i) => `item-${i}`)
    const states = new Map<string, StoredCard>()
    const log: LoggedReview[] = []
    let now = T0
    let retention = 0.9
    let reviews = 0
    while (reviews < 1000) {
      now += Math.floor(rand() * 3 * DAY) + MIN
      if (rand() < 0.02) retention = [0.8, 0.85, 0.9, 0.95][Math.floor(rand() * 4)]!
      const last = [...log].reverse().find((r) => r.undoneAt === null)
      if (last && rand() < 0.1) {
        // Undo: the incremental path restores the logged "before" state (or forgets a first review).
        last.undoneAt = now
        if (last.before.reps === 0) states.delete(last.itemId)
        else states.set(last.itemId, last.before)
        continue
      }
      const itemId = items[Math.floor(rand() * items.length)]!
      const rating = (1 + Math.floor(rand() * 4)) as RatingValue
      const before = states.get(itemId) ?? newCard(now)
      const after = scheduleReview(before, rating, now, retention)
      log.push({ id: `r-${reviews}`, itemId, rating, reviewedAt: now, retention, undoneAt: null, before })
      states.set(itemId, after)
      reviews++
    }
    expect(log.filter((r) => r.undoneAt !== null).length).toBeGreaterThan(20)
    const rebuilt = rebuildCardStates(log)
    expect(rebuilt.size).toBe(states.size)
    for (const [itemId, card] of states) expect(rebuilt.get(itemId)).toEqual(card)
  })

  it('skips undone answers', () => {
    const before = newCard(T0)
    const log: LoggedReview[] = [
      { id: 'a', itemId: 'x', rating: Rating.Good, reviewedAt: T0, retention: 0.9, undoneAt: null, before },
      { id: 'b', itemId: 'y', rating: Rating.Good, reviewedAt: T0 + MIN, retention: 0.9, undoneAt: T0 + 2 * MIN, before },
    ]
    const rebuilt = rebuildCardStates(log)
    expect([...rebuilt.keys()]).toEqual(['x'])
  })
})

describe('recallAt', () => {
  it('agrees with ts-fsrs retrievability for real scheduled cards', async () => {
    const { recallAt, retrievability } = await import('~/domain/scheduling')
    let card = scheduleReview(newCard(T0), Rating.Good, T0, 0.9)
    card = scheduleReview(card, Rating.Good, card.due, 0.9)
    card = scheduleReview(card, Rating.Easy, card.due, 0.9)
    for (const days of [0, 1, 5, 30, 200]) {
      const at = card.lastReview! + days * DAY
      expect(recallAt(card.stability, card.lastReview, at)).toBeCloseTo(retrievability(card, at), 2)
    }
    expect(recallAt(5, null, T0)).toBe(0)
    expect(recallAt(10, T0, T0)).toBe(1)
  })
})
