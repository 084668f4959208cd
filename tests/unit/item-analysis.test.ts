import { describe, expect, it } from 'vitest'
import type { ContentItem } from '~/domain/content/schema'
import { countPicks, pickedOption } from '~/domain/distractors'
import { itemFlags, itemStatistics, reviewFigures } from '~/domain/item-analysis'
import { buildQuestion } from '~/domain/questions'

const test = (marks: Record<string, number>) => new Map(Object.entries(marks))

describe('item statistics (Moodle definitions, computed by hand)', () => {
  // Four students × three items. Rest of the test = mean of the other two marks.
  const tests = [test({ A: 1, B: 1, C: 1 }), test({ A: 1, B: 0, C: 1 }), test({ A: 0, B: 0, C: 0 }), test({ A: 0, B: 1, C: 0 })]
  const stats = itemStatistics(tests, ['A', 'B', 'C', 'D'])

  it('A: facility 50, discrimination = correlation with the rest ×100 = 0.5/√0.5 = 70.7, efficiency 100', () => {
    // A marks 1,1,0,0; rest 1, .5, 0, .5 → deviations (.5,.5,-.5,-.5)·(.5,0,-.5,0) = .5; Σdm² = 1, Σdr² = .5.
    const a = stats.get('A')!
    expect(a.n).toBe(4)
    expect(a.facility).toBe(50)
    expect(a.discrimination).toBeCloseTo(70.71, 2)
    // Sorted pairing (0,0),(0,.5),(1,.5),(1,1) gives the same covariance: the most these marks allow.
    expect(a.efficiency).toBeCloseTo(100, 6)
    expect(itemFlags(a)).toEqual({ check: null, dubious: false })
  })

  it('B: no agreement with the rest → discrimination 0, efficiency 0, flagged', () => {
    // B marks 1,0,0,1; rest 1,1,0,0 → covariance .25-.25+.25-.25 = 0; sorted pairing gives 1.
    const b = stats.get('B')!
    expect(b.facility).toBe(50)
    expect(b.discrimination).toBeCloseTo(0, 10)
    expect(b.efficiency).toBeCloseTo(0, 10)
    expect(itemFlags(b)).toEqual({ check: 'very-likely', dubious: true })
  })

  it('an item nobody met has n 0 and no figures', () => {
    expect(stats.get('D')).toEqual({ n: 0, facility: null, discrimination: null, efficiency: null })
  })

  it('an item answered the same by all has a facility but no discrimination', () => {
    const s = itemStatistics([test({ A: 1, B: 1 }), test({ A: 1, B: 0 })], ['A'])
    expect(s.get('A')).toEqual({ n: 2, facility: 100, discrimination: null, efficiency: null })
  })

  it('a test with only this item counts for facility, not for discrimination', () => {
    const s = itemStatistics([test({ A: 1, B: 1 }), test({ A: 0, B: 0 }), test({ A: 0 })], ['A'])
    const a = s.get('A')!
    expect(a.n).toBe(3)
    expect(a.facility).toBeCloseTo(100 / 3, 10)
    expect(a.discrimination).toBeCloseTo(100, 10) // two tests left: marks and rest both (1,0)
  })

  it('a reversed item has a negative discrimination', () => {
    const s = itemStatistics(
      [test({ A: 0, B: 1, C: 1 }), test({ A: 1, B: 0, C: 0 }), test({ A: 0, B: 1, C: 0 }), test({ A: 1, B: 0, C: 1 })],
      ['A'],
    )
    expect(s.get('A')!.discrimination!).toBeLessThan(0)
  })
})

describe('flags use Moodle thresholds', () => {
  const flags = (discrimination: number | null, efficiency: number | null) => itemFlags({ n: 10, facility: 50, discrimination, efficiency })
  it('discrimination under 30 very likely, 30 to under 50 likely, 50 and above fine; efficiency under 15 dubious', () => {
    expect(flags(29.9, 50).check).toBe('very-likely')
    expect(flags(30, 50).check).toBe('likely')
    expect(flags(49.9, 50).check).toBe('likely')
    expect(flags(50, 50).check).toBe(null)
    expect(flags(null, null)).toEqual({ check: null, dubious: false })
    expect(flags(60, 14.9).dubious).toBe(true)
    expect(flags(60, 15).dubious).toBe(false)
  })
})

describe('review figures', () => {
  it('first-answer share, lapses per review and mean seconds', () => {
    expect(reviewFigures({ answers: 8, firstAnswered: 4, firstRight: 3, lapses: 2, durationMs: 20_000 })).toEqual({
      answers: 8,
      firstCorrect: 0.75,
      lapsesPerReview: 0.25,
      meanSeconds: 2.5,
    })
    expect(reviewFigures({ answers: 0, firstAnswered: 0, firstRight: 0, lapses: 0, durationMs: 0 })).toEqual({
      answers: 0,
      firstCorrect: null,
      lapsesPerReview: null,
      meanSeconds: null,
    })
  })
})

describe('wrong options picked', () => {
  const base = { category: 'event', prompt: { en: 'Q', zh: '问' }, explanation: { en: 'E', zh: '解' }, accepted: [], tags: [], sources: [] }
  const choice = {
    ...base,
    id: 'c',
    kind: 'choice',
    answer: { en: 'Tokyo', zh: '东京' },
    distractors: [
      { en: 'Osaka', zh: '大阪' },
      { en: 'Kyoto', zh: '京都' },
      { en: 'Nara', zh: '奈良' },
    ],
  } as unknown as ContentItem
  it('names the option picked, whatever its shuffled position', () => {
    const seeds = ['s1', 's2', 's3', 's4', 's5', 's6']
    const picks = seeds.map((seed) => {
      const q = buildQuestion(choice, [], seed)
      if (q.kind !== 'choice') throw new Error('kind')
      return pickedOption(choice, q, String(q.options.findIndex((o) => o.en === 'Osaka')))
    })
    const positions = new Set(
      seeds.map((seed) => {
        const q = buildQuestion(choice, [], seed)
        return q.kind === 'choice' ? q.options.findIndex((o) => o.en === 'Osaka') : -1
      }),
    )
    expect(positions.size).toBeGreaterThan(1) // the shuffles really differ
    expect(countPicks(picks)).toEqual([{ pick: { kind: 'option', text: { en: 'Osaka', zh: '大阪' } }, count: 6 }])
  })

  it('ignores an unreadable response and other kinds', () => {
    const q = buildQuestion(choice, [], 'x')
    expect(pickedOption(choice, q, 'nonsense')).toBe(null)
    const typed = { ...base, id: 't', kind: 'typed', answer: { en: 'A', zh: 'A' } } as unknown as ContentItem
    expect(pickedOption(typed, buildQuestion(typed, [], 'x'), 'B')).toBe(null)
  })

  it('framing pair: the perspective given to each of the item’s own sides, whichever side was shown first', () => {
    const item = {
      ...base,
      id: 'f',
      kind: 'framing-pair',
      answer: { en: 'A', zh: 'A' },
      sides: [
        { perspective: 'japanese-official', text: { en: 'one', zh: '一' } },
        { perspective: 'chinese-media', text: { en: 'two', zh: '二' } },
      ],
    } as unknown as ContentItem
    const swapped = ['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => {
      const q = buildQuestion(item, [], seed)
      if (q.kind !== 'framing-pair') throw new Error('kind')
      // The learner swaps the two: each displayed side gets the other's perspective.
      const given = q.sides.map((s) => (s.en === 'one' ? 'chinese-media' : 'japanese-official'))
      return pickedOption(item, q, given.join(','))
    })
    expect(countPicks(swapped)).toEqual([{ pick: { kind: 'perspectives', given: ['chinese-media', 'japanese-official'] }, count: 6 }])
  })

  it('attribution: the perspective named', () => {
    const item = {
      ...base,
      id: 'a',
      kind: 'attribution',
      answer: { en: 'A', zh: 'A' },
      statement: { en: 's', zh: 's' },
      perspective: 'chinese-academic',
    } as unknown as ContentItem
    expect(pickedOption(item, buildQuestion(item, [], 'x'), 'chinese-media')).toEqual({ kind: 'perspectives', given: ['chinese-media'] })
  })
})
