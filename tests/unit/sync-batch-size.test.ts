import { describe, expect, it } from 'vitest'
import { eventsPerRequest, MAX_BATCH_BYTES, MAX_EVENTS_PER_BATCH } from '~/domain/review-event-limits'
import { FORM_LIMITS } from '~/utils/form-limits.server'

const answer = (n: number, response?: string) => ({
  type: 'answer',
  id: `answer-${String(n).padStart(4, '0')}-abcdefgh`,
  itemId: 'mh-date-takaichi-administration-start',
  rating: 3,
  answeredAt: 1_780_000_000_000 + n,
  durationMs: 4000,
  retention: 0.9,
  ...(response === undefined ? {} : { response }),
})
/** The body the phone sends (app/offline/sync.ts), in bytes. */
const bodyBytes = (events: unknown[]) =>
  Buffer.byteLength(new URLSearchParams({ batch: JSON.stringify({ userId: 'u'.repeat(36), events }) }).toString())

describe('how many offline events one sync request takes', () => {
  it('takes 100 short answers at once', () => {
    const events = Array.from({ length: 150 }, (_, n) => answer(n))
    expect(eventsPerRequest(events)).toBe(MAX_EVENTS_PER_BATCH)
  })

  it('keeps a batch of long Chinese answers under the server’s form limit (100 of them were refused with 413)', () => {
    const events = Array.from({ length: 100 }, (_, n) =>
      answer(n, '二〇二五年十月二十八日，茂木外务大臣与美国国务卿鲁比奥举行会谈（东京）'.repeat(2)),
    )
    expect(bodyBytes(events)).toBeGreaterThan(FORM_LIMITS.maxBytes)
    const take = eventsPerRequest(events)
    expect(take).toBeLessThan(100)
    expect(bodyBytes(events.slice(0, take))).toBeLessThanOrEqual(MAX_BATCH_BYTES)
    expect(bodyBytes(events.slice(0, take + 1))).toBeGreaterThan(MAX_BATCH_BYTES - 200)
  })

  it('fits three answers as long as the schema allows into one request, and always sends at least one', () => {
    const longest = (n: number) => answer(n, '鲁'.repeat(2000))
    const events = [1, 2, 3, 4, 5].map(longest)
    expect(eventsPerRequest(events)).toBe(3)
    expect(bodyBytes(events.slice(0, 3))).toBeLessThan(FORM_LIMITS.maxBytes)
    expect(eventsPerRequest(events, MAX_BATCH_BYTES)).toBe(1)
  })
})
