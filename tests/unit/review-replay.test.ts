/** Merging offline batches: whatever order they arrive in (and however often), the replay is the same. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ReviewEvent } from '~/domain/review-events'
import { applyEvents, byItem, replayCard, type LogEntry } from '~/domain/review-replay'
import { rebuildCardStates, type StoredCard } from '~/domain/scheduling'

const T0 = Date.UTC(2026, 0, 1)
const HOUR = 3_600_000

/** One phone's events in the order it made them: answers on a few cards, and undos of its own answers. */
function device(name: string) {
  return fc
    .array(
      fc.record({
        item: fc.integer({ min: 0, max: 3 }),
        rating: fc.constantFrom(1, 2, 3, 4),
        gap: fc.integer({ min: 1, max: 30 * HOUR }),
        undo: fc.boolean(),
      }),
      { minLength: 1, maxLength: 25 },
    )
    .map((steps) => {
      const events: ReviewEvent[] = []
      let t = T0
      steps.forEach((s, i) => {
        t += s.gap
        const id = `${name}-answer-${i}`
        events.push({
          type: 'answer',
          id,
          itemId: `item-${s.item}`,
          rating: s.rating as 1 | 2 | 3 | 4,
          answeredAt: t,
          durationMs: 1000,
          retention: 0.9,
        })
        if (s.undo) events.push({ type: 'undo', reviewId: id, undoneAt: t + 1 })
      })
      return events
    })
}

/** Cuts a phone's events into batches at the given points (its outbox sends them in order). */
function batches(events: ReviewEvent[], cuts: number[]): ReviewEvent[][] {
  const points = [...new Set(cuts.map((c) => c % (events.length + 1)))].sort((a, b) => a - b)
  const out: ReviewEvent[][] = []
  let from = 0
  for (const p of [...points, events.length]) {
    if (p > from) out.push(events.slice(from, p))
    from = Math.max(from, p)
  }
  return out
}

function states(log: LogEntry[]): Map<string, StoredCard | null> {
  return new Map([...byItem(log)].map(([item, entries]) => [item, replayCard(entries).card]))
}

describe('merging offline review batches', () => {
  it('gives the same card states whatever order the batches of two phones arrive in, retries included', () => {
    fc.assert(
      fc.property(
        device('phone-a'),
        device('phone-b'),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        fc.nat(),
        (a, b, cutsA, cutsB, picks, retry) => {
          const batchesA = batches(a, cutsA)
          const batchesB = batches(b, cutsB)
          // Reference: all of A, then all of B.
          const reference = states([...batchesA, ...batchesB].reduce<LogEntry[]>((log, batch) => applyEvents(log, batch), []))
          // An interleaving chosen by `picks`, each phone's own batches in order, and one batch delivered twice.
          const queueA = [...batchesA]
          const queueB = [...batchesB]
          const arrived: ReviewEvent[][] = []
          let k = 0
          while (queueA.length || queueB.length) {
            const fromA = queueB.length === 0 || (queueA.length > 0 && picks[k++ % picks.length])
            arrived.push(fromA ? queueA.shift()! : queueB.shift()!)
          }
          arrived.splice(retry % (arrived.length + 1), 0, arrived[retry % arrived.length]!)
          const merged = arrived.reduce<LogEntry[]>((log, batch) => applyEvents(log, batch), [])
          expect(states(merged)).toEqual(reference)
          // And the merge equals the server's own replay of the whole log.
          const rebuilt = rebuildCardStates(merged.map((e) => ({ ...e, before: null as never })))
          for (const [item, card] of states(merged)) expect(card).toEqual(rebuilt.get(item) ?? null)
          expect(merged.filter((e) => e.undoneAt === null).length).toBe(
            [...a, ...b].filter((e) => e.type === 'answer').length - [...a, ...b].filter((e) => e.type === 'undo').length,
          )
        },
      ),
      { numRuns: 120 },
    )
  }, 30_000)

  it('records each answer’s card as it was before it, in answer-time order', () => {
    const events: ReviewEvent[] = [
      { type: 'answer', id: 'late-one', itemId: 'x', rating: 3, answeredAt: T0 + 2 * HOUR, durationMs: 0, retention: 0.9 },
      { type: 'answer', id: 'early-one', itemId: 'x', rating: 1, answeredAt: T0, durationMs: 0, retention: 0.9 },
    ]
    const replay = replayCard(applyEvents([], events))
    expect(replay.before.get('early-one')!.reps).toBe(0)
    expect(replay.before.get('late-one')!.reps).toBe(1)
    expect(replay.card!.reps).toBe(2)
  })

  it('a check schedules nothing: it never takes back the answer rated on it (they share a review id)', () => {
    const events: ReviewEvent[] = [
      { type: 'answer', id: 'shown-once', itemId: 'x', rating: 3, answeredAt: T0 + 5000, durationMs: 0, retention: 0.9 },
      { type: 'check', reviewId: 'shown-once', itemId: 'x', response: 'y', checkedAt: T0, reps: 0 },
    ]
    const log = applyEvents([], events)
    expect(log).toEqual([{ id: 'shown-once', itemId: 'x', rating: 3, reviewedAt: T0 + 5000, retention: 0.9, undoneAt: null }])
    expect(replayCard(log).card!.reps).toBe(1)
  })
})
