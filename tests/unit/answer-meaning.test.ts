/** A response's meaning does not depend on where the shuffle put things: the same answer reads the same. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ContentItem } from '~/domain/content/schema'
import { buildQuestion, describeResponse, gradeResponse, subjectOf } from '~/domain/questions'

const base = {
  category: 'event' as const,
  prompt: { en: 'Q', zh: '问' },
  explanation: { en: 'E', zh: '解' },
  accepted: [],
  tags: [],
  sources: [],
}
const bi = (en: string) => ({ en, zh: `${en}（中）` })
const choiceItem = {
  ...base,
  id: 'c',
  kind: 'choice',
  answer: bi('Malaysia'),
  distractors: [bi('Japan'), bi('Canada'), bi('South Korea')],
} as ContentItem
const orderingItem = {
  ...base,
  id: 'o',
  kind: 'ordering',
  answer: bi('A, B, C'),
  events: [
    { ...bi('A'), date: '2025-10-01' },
    { ...bi('B'), date: '2025-10-02' },
    { ...bi('C'), date: '2025-10-03' },
  ],
} as ContentItem
const matchingItem = {
  ...base,
  id: 'm',
  kind: 'matching',
  answer: bi('x'),
  pairs: [
    { left: bi('L1'), right: bi('R1') },
    { left: bi('L2'), right: bi('R2') },
    { left: bi('L3'), right: bi('R3') },
  ],
} as ContentItem
const pairItem = {
  ...base,
  id: 'f',
  kind: 'framing-pair',
  answer: bi('x'),
  sides: [
    { perspective: 'japanese-official', speaker: 'motegi', text: bi('Side J') },
    { perspective: 'chinese-commentary', speaker: 'hua', text: bi('Side C') },
  ],
} as ContentItem

describe('describeResponse', () => {
  it('choice: the option picked, by its text, whatever its position', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const question = buildQuestion(choiceItem, [], seed)
        if (question.kind !== 'choice') throw new Error('choice')
        const canada = question.options.findIndex((o) => o.en === 'Canada')
        const meaning = describeResponse(choiceItem, question, gradeResponse(choiceItem, question, String(canada)))
        expect(meaning).toEqual({ kind: 'option', option: bi('Canada') })
      }),
    )
  })

  it('ordering: the events in the order given; matching: the partner given to each left item', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const q = buildQuestion(orderingItem, [], seed)
        if (q.kind !== 'ordering') throw new Error('ordering')
        // The learner puts C, A, B: displayed indices of those events.
        const given = ['C', 'A', 'B'].map((en) => q.events.findIndex((e) => e.en === en)).join(',')
        expect(describeResponse(orderingItem, q, gradeResponse(orderingItem, q, given))).toEqual({
          kind: 'order',
          events: [bi('C'), bi('A'), bi('B')],
        })
        const m = buildQuestion(matchingItem, [], seed)
        if (m.kind !== 'matching') throw new Error('matching')
        const swapped = ['R2', 'R1', 'R3'].map((en) => m.rights.findIndex((r) => r.en === en)).join(',')
        expect(describeResponse(matchingItem, m, gradeResponse(matchingItem, m, swapped))).toEqual({
          kind: 'pairs',
          pairs: [
            { left: bi('L1'), right: bi('R2') },
            { left: bi('L2'), right: bi('R1') },
            { left: bi('L3'), right: bi('R3') },
          ],
        })
      }),
    )
  })

  it('framing pair: the perspective given to each statement; nothing answered means nothing', () => {
    const q = buildQuestion(pairItem, [], 'seed-1')
    if (q.kind !== 'framing-pair') throw new Error('framing-pair')
    const meaning = describeResponse(pairItem, q, gradeResponse(pairItem, q, 'chinese-commentary,japanese-official'))
    expect(meaning).toEqual({
      kind: 'perspectives',
      given: [
        { statement: q.sides[0], perspective: 'chinese-commentary' },
        { statement: q.sides[1], perspective: 'japanese-official' },
      ],
    })
    expect(describeResponse(pairItem, q, gradeResponse(pairItem, q, ','))).toBeNull()
    const c = buildQuestion(choiceItem, [], 'seed-1')
    expect(describeResponse(choiceItem, c, gradeResponse(choiceItem, c, ''))).toBeNull()
  })

  it('subject: the statement or gapped sentence for kinds whose prompt repeats, never the gap itself', () => {
    const cloze = {
      ...base,
      id: 'z',
      kind: 'cloze',
      answer: bi('Tokyo'),
      cloze: { en: 'He flew to [[Tokyo]] overnight.', zh: '他连夜飞往[[东京]]。' },
    } as ContentItem
    expect(subjectOf(cloze)).toEqual({ en: 'He flew to ____ overnight.', zh: '他连夜飞往____。' })
    expect(subjectOf(choiceItem)).toBeNull()
  })
})
