/**
 * Position must tell nothing: across seeds, where the right answer is shown is uniform for every kind whose
 * order is arbitrary (choice options, framing-pair sides, matching columns). Only ordering questions exclude
 * their authored order, which is their answer.
 */
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import type { ContentItem } from '~/domain/content/schema'
import { buildQuestion, gradeResponse, type Question } from '~/domain/questions'

/** Seeds per property run: enough for a 3-point bias at 4 options to stand out (about 6 standard deviations). */
const N = 6000
const base = {
  category: 'event' as const,
  prompt: { en: 'Q', zh: '问' },
  explanation: { en: 'E', zh: '解' },
  accepted: [],
  tags: [],
  sources: [],
}
const text = (s: string) => ({ en: s, zh: `${s}（中）` })

/** Review ids (UUIDs) and quiz question seeds (`attempt:position`), the two kinds of seed the app uses. */
const seedBatch = fc.oneof(
  fc.uniqueArray(fc.uuid(), { minLength: N, maxLength: N }),
  fc.string({ maxLength: 24 }).map((attempt) => Array.from({ length: N }, (_, i) => `${attempt}:${i}`)),
)

/** Every count lies within 4.5 standard deviations of its expectation (a false alarm is below 1 in 100,000). */
function expectUniform(counts: number[], total: number, what: string) {
  const p = 1 / counts.length
  const slack = 4.5 * Math.sqrt(total * p * (1 - p))
  counts.forEach((c, i) =>
    expect(Math.abs(c - total * p), `${what}: position ${i + 1} came ${c} times of ${total}`).toBeLessThanOrEqual(slack),
  )
}

function expectRate(hits: number, total: number, p: number, what: string) {
  expect(Math.abs(hits - total * p), `${what}: ${hits} of ${total}, expected about ${Math.round(total * p)}`).toBeLessThanOrEqual(
    4.5 * Math.sqrt(total * p * (1 - p)),
  )
}

function build<K extends Question['kind']>(
  item: ContentItem,
  seed: string,
  kind: K,
  siblings: Array<{ id: string; answer: { en: string; zh: string } }> = [],
) {
  const q = buildQuestion(item, siblings, seed)
  if (q.kind !== kind) throw new Error(`expected a ${kind} question`)
  return q as Extract<Question, { kind: K }>
}

// Tens of thousands of questions per test: more than the default 5 s on a busy shared machine.
vi.setConfig({ testTimeout: 60_000 })

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1))

describe('no kind has a position pattern', () => {
  it('choice: the right answer is equally likely in every position (authored distractors)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), seedBatch, (distractorCount, seeds) => {
        const item = {
          ...base,
          id: 'c',
          kind: 'choice',
          answer: text('Right'),
          distractors: Array.from({ length: distractorCount }, (_, i) => text(`Wrong ${i}`)),
        } as ContentItem
        const optionCount = 1 + Math.min(3, distractorCount)
        const counts = Array<number>(optionCount).fill(0)
        for (const seed of seeds) counts[build(item, seed, 'choice').options.findIndex((o) => o.en === 'Right')]!++
        expectUniform(counts, seeds.length, `${optionCount} options`)
      }),
      { numRuns: 5 },
    )
  })

  it('choice: the right answer is equally likely in every position (sibling answers as distractors)', () => {
    const siblings = Array.from({ length: 7 }, (_, i) => ({ id: `s${i}`, answer: text(`Sibling ${i}`) }))
    const item = { ...base, id: 'c', kind: 'choice', answer: text('Right') } as ContentItem
    fc.assert(
      fc.property(seedBatch, (seeds) => {
        const counts = [0, 0, 0, 0]
        for (const seed of seeds) counts[build(item, seed, 'choice', siblings).options.findIndex((o) => o.en === 'Right')]!++
        expectUniform(counts, seeds.length, 'sibling options')
      }),
      { numRuns: 4 },
    )
  })

  it('framing pair: "side 1 = option 1, side 2 = option 2" is right half the time, and either authored side comes first equally often', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ['japanese-official', 'chinese-commentary'],
          ['chinese-academic', 'japanese-official'],
          ['chinese-media', 'chinese-academic'],
        ),
        seedBatch,
        (perspectives, seeds) => {
          const item = {
            ...base,
            id: 'f',
            kind: 'framing-pair',
            category: 'framing',
            answer: text('A'),
            sides: perspectives.map((p, i) => ({ perspective: p, speaker: `Speaker ${i}`, text: text(`Side ${i}`) })),
          } as ContentItem
          let byPosition = 0
          let authoredFirst = 0
          for (const seed of seeds) {
            const q = build(item, seed, 'framing-pair')
            if (gradeResponse(item, q, q.options.join(',')).correct) byPosition++
            if (q.sides[0]!.en === 'Side 0') authoredFirst++
          }
          expectRate(byPosition, seeds.length, 1 / 2, 'answering by position')
          expectRate(authoredFirst, seeds.length, 1 / 2, 'authored first side shown first')
        },
      ),
      { numRuns: 5 },
    )
  })

  it('matching: each partner is equally likely in every row, and the authored column order is as likely as any other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 6 }), seedBatch, (pairCount, seeds) => {
        const item = {
          ...base,
          id: 'm',
          kind: 'matching',
          category: 'actor',
          answer: text('A'),
          pairs: Array.from({ length: pairCount }, (_, i) => ({ left: text(`Person ${i}`), right: text(`Role ${i}`) })),
        } as ContentItem
        const firstPartner = Array<number>(pairCount).fill(0)
        let authoredOrder = 0
        for (const seed of seeds) {
          const q = build(item, seed, 'matching')
          firstPartner[q.rights.findIndex((r) => r.en === 'Role 0')]!++
          if (q.rights.every((r, i) => r.en === `Role ${i}`)) authoredOrder++
        }
        expectUniform(firstPartner, seeds.length, `${pairCount} partners`)
        // Rare enough to measure only for short lists (1 in 6, 1 in 24).
        if (pairCount <= 4) expectRate(authoredOrder, seeds.length, 1 / factorial(pairCount), 'authored order')
      }),
      { numRuns: 5 },
    )
  })

  it('ordering: never the answer order, and every other order equally likely', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 4 }), seedBatch, (eventCount, seeds) => {
        const events = Array.from({ length: eventCount }, (_, i) => ({ ...text(`Event ${i}`), date: `2025-10-${String(10 + i)}` }))
        const item = { ...base, id: 'o', kind: 'ordering', answer: text('A'), events } as ContentItem
        const seen = new Map<string, number>()
        for (const seed of seeds) {
          const key = build(item, seed, 'ordering')
            .events.map((e) => e.en.slice(-1))
            .join('')
          seen.set(key, (seen.get(key) ?? 0) + 1)
        }
        const identity = events.map((_, i) => String(i)).join('')
        expect(seen.has(identity)).toBe(false)
        expect(seen.size).toBe(factorial(eventCount) - 1)
        expectUniform([...seen.values()], seeds.length, 'orders')
      }),
      { numRuns: 6 },
    )
  })
})
