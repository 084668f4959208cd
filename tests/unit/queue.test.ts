import { describe, expect, it } from 'vitest'
import { LEARN_AHEAD_MS, nextDueCard, type QueueHeads } from '~/domain/queue'

const NOW = 1_800_000_000_000
const DAY_END = NOW + 6 * 3_600_000
const limits = { newPerDay: 20, maxReviewsPerDay: 200 }
const none = { newToday: 0, reviewsToday: 0 }
const heads = (h: Partial<QueueHeads>): QueueHeads => ({ learning: null, review: null, fresh: null, ...h })

describe('nextDueCard', () => {
  it('takes learning cards due now first, then reviews by due time, then new cards', () => {
    const all = heads({ learning: { itemId: 'L', due: NOW - 1 }, review: { itemId: 'R', due: NOW - 1000 }, fresh: { itemId: 'N' } })
    expect(nextDueCard(all, none, limits, NOW, DAY_END)).toEqual({ kind: 'learning', itemId: 'L' })
    expect(nextDueCard({ ...all, learning: { itemId: 'L', due: NOW + 60_000 } }, none, limits, NOW, DAY_END)).toEqual({
      kind: 'review',
      itemId: 'R',
    })
    expect(nextDueCard({ ...all, learning: null, review: { itemId: 'R', due: NOW + 1 } }, none, limits, NOW, DAY_END)).toEqual({
      kind: 'new',
      itemId: 'N',
    })
  })

  it('puts items the learner asked to see again (missed in a quiz) before everything, learning cards due now included', () => {
    const all = heads({
      learning: { itemId: 'L', due: NOW - 1 },
      review: { itemId: 'R', due: NOW - 1000 },
      fresh: { itemId: 'N' },
      requested: { itemId: 'Q' },
      assignedReview: { itemId: 'A', due: NOW - 1 },
    })
    expect(nextDueCard(all, none, limits, NOW, DAY_END)).toEqual({ kind: 'requested', itemId: 'Q' })
    expect(nextDueCard({ ...all, requested: null }, none, limits, NOW, DAY_END)).toEqual({ kind: 'learning', itemId: 'L' })
  })

  it('stops introducing new cards at the daily limit and says when they come back', () => {
    const h = heads({ fresh: { itemId: 'N' } })
    expect(nextDueCard(h, { newToday: 20, reviewsToday: 0 }, limits, NOW, DAY_END)).toEqual({ kind: 'done', nextDue: DAY_END })
    expect(nextDueCard(h, { newToday: 19, reviewsToday: 0 }, limits, NOW, DAY_END)).toEqual({ kind: 'new', itemId: 'N' })
  })

  it('holds reviews beyond the daily maximum until the next study day', () => {
    const h = heads({ review: { itemId: 'R', due: NOW - 1 } })
    expect(nextDueCard(h, { newToday: 0, reviewsToday: 200 }, limits, NOW, DAY_END)).toEqual({ kind: 'done', nextDue: DAY_END })
  })

  it('learns ahead rather than ending the session while a learning step is minutes away', () => {
    const soon = heads({ learning: { itemId: 'L', due: NOW + LEARN_AHEAD_MS - 1 } })
    expect(nextDueCard(soon, none, limits, NOW, DAY_END)).toEqual({ kind: 'learning', itemId: 'L' })
    const later = heads({ learning: { itemId: 'L', due: NOW + LEARN_AHEAD_MS + 1 } })
    expect(nextDueCard(later, none, limits, NOW, DAY_END)).toEqual({ kind: 'done', nextDue: NOW + LEARN_AHEAD_MS + 1 })
  })

  it('reports the earliest upcoming card when done, or null when nothing is left', () => {
    const h = heads({ learning: { itemId: 'L', due: NOW + 3_600_000 }, review: { itemId: 'R', due: NOW + 60_000 } })
    expect(nextDueCard(h, none, limits, NOW, DAY_END)).toEqual({ kind: 'done', nextDue: NOW + 60_000 })
    expect(nextDueCard(heads({}), none, limits, NOW, DAY_END)).toEqual({ kind: 'done', nextDue: null })
  })
})
