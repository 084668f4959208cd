/** The phone's queue: the server's queue decision over the kept deck, skipping held cards, counting today. */
import { describe, expect, it } from 'vitest'
import { nextCard, queueHeads, todaysCounts } from '~/offline/engine'
import type { KeptDeck } from '~/offline/kept-deck'
import { newCard, scheduleReview, State } from '~/domain/scheduling'

const NOW = Date.UTC(2026, 5, 1, 12)
const DAY = 86_400_000

function deck(overrides: Partial<KeptDeck> = {}): KeptDeck {
  const item = (id: string) => ({ item: { id, kind: 'flip' } as never, content: {} as never, siblings: '' })
  return {
    deckId: 'd',
    userId: 'u',
    title: { en: 'D', zh: 'D' },
    items: ['a', 'b', 'c', 'd'].map(item),
    siblingGroups: {},
    cards: {},
    requested: [],
    settings: { desiredRetention: 0.9, newPerDay: 2, maxReviewsPerDay: 100, cardLanguage: 'both', uiLanguage: null, timeZone: 'UTC' },
    weights: null,
    holds: {},
    checks: [],
    progress: { dayStart: NOW - 8 * 3_600_000, dayEnd: NOW + 16 * 3_600_000, newToday: 0, reviewsToday: 0 },
    contentHash: 'h',
    fetchedAt: NOW - 1000,
    ...overrides,
  }
}

describe('offline queue', () => {
  it('introduces new cards in deck order, skipping suspended and buried ones', () => {
    const d = deck({
      holds: {
        a: { suspendedAt: NOW - DAY, suspendedBy: 'learner', buriedUntil: null },
        b: { suspendedAt: null, suspendedBy: null, buriedUntil: NOW + 1000 },
      },
    })
    expect(nextCard(d, new Map(), [], [], NOW)).toEqual({ kind: 'new', itemId: 'c' })
    // Once the bury ends, b is back.
    expect(nextCard(d, new Map(), [], [], NOW + 2000)).toEqual({ kind: 'new', itemId: 'b' })
  })

  it('shows a learning card due now before new cards, and reviews due by due time', () => {
    const learning = scheduleReview(newCard(NOW - 3_600_000), 1, NOW - 3_600_000, 0.9)
    expect(learning.state).toBe(State.Learning)
    const cards = new Map([['c', learning]])
    expect(nextCard(deck(), cards, [], [], NOW)).toEqual({ kind: 'learning', itemId: 'c' })
    expect(queueHeads(deck(), cards, [], NOW).fresh).toEqual({ itemId: 'a' })
  })

  it("counts today's waiting answers against the daily new-card limit", () => {
    const answer = (id: string, itemId: string) => ({
      userId: 'u',
      deckId: 'd',
      event: { type: 'answer' as const, id, itemId, rating: 3 as const, answeredAt: NOW - 10, durationMs: 0, retention: 0.9 },
      before: newCard(NOW - 10),
    })
    const waiting = [answer('r1-abcdefgh', 'a'), answer('r2-abcdefgh', 'b')]
    expect(todaysCounts(deck(), waiting, NOW)).toEqual({ newToday: 2, reviewsToday: 0 })
    const undone = [...waiting, { userId: 'u', deckId: 'd', event: { type: 'undo' as const, reviewId: 'r2-abcdefgh', undoneAt: NOW } }]
    expect(todaysCounts(deck(), undone, NOW)).toEqual({ newToday: 1, reviewsToday: 0 })
    // With two new cards already answered today, the limit of 2 ends new cards: done until the day ends.
    const cards = new Map([
      ['a', scheduleReview(newCard(NOW - 10), 4, NOW - 10, 0.9)],
      ['b', scheduleReview(newCard(NOW - 10), 4, NOW - 10, 0.9)],
    ])
    expect(nextCard(deck(), cards, [], waiting, NOW).kind).toBe('done')
  })
})
