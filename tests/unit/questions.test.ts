import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { itemKinds, type ContentItem } from '~/domain/content/schema'
import { buildQuestion, gradeResponse, isInteractive, sampleResponse } from '~/domain/questions'
import { seededPermutation, seededRandom, seededReordering } from '~/domain/shuffle'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { FIXTURE_CONTENT } from '../support/paths'

const base = {
  category: 'event' as const,
  prompt: { en: 'Q', zh: '问' },
  explanation: { en: 'E', zh: '解' },
  accepted: [],
  tags: [],
  sources: [],
}
const item = (over: Partial<ContentItem>): ContentItem =>
  ({ id: 'x', kind: 'flip', answer: { en: 'Tokyo', zh: '东京' }, ...base, ...over }) as ContentItem
const siblings = ['Kuala Lumpur', 'Gyeongju', 'Niagara', 'Tokyo'].map((en, i) => ({ id: `s${i}`, answer: { en, zh: en } }))

describe('shuffling', () => {
  it('is deterministic per seed and gives a permutation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.string(), (n, seed) => {
        for (const shuffle of [seededPermutation, seededReordering]) {
          const p = shuffle(n, seed)
          expect(p).toEqual(shuffle(n, seed))
          expect([...p].sort()).toEqual(Array.from({ length: n }, (_, i) => i))
        }
      }),
    )
  })

  it('never leaves an ordering question in answer order', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 6 }), fc.string(), (n, seed) => seededReordering(n, seed).some((v, i) => v !== i)))
  })
})

describe('choice', () => {
  it('offers the answer among three sibling answers, never a duplicate of it, and grades the pick', () => {
    const it1 = item({ kind: 'choice' })
    const q = buildQuestion(it1, siblings, 'seed-1')
    if (q.kind !== 'choice') throw new Error('kind')
    expect(q.options).toHaveLength(4)
    expect(q.options.filter((o) => o.en === 'Tokyo')).toHaveLength(1)
    const right = q.options.findIndex((o) => o.en === 'Tokyo')
    expect(gradeResponse(it1, q, String(right))).toMatchObject({ correct: true, suggestedRating: 3 })
    expect(gradeResponse(it1, q, String((right + 1) % 4))).toMatchObject({
      correct: false,
      suggestedRating: 1,
      detail: { chosen: (right + 1) % 4, correctIndex: right },
    })
    expect(gradeResponse(it1, q, 'nonsense').correct).toBe(false)
  })

  it('prefers authored distractors', () => {
    const it1 = item({
      kind: 'choice',
      distractors: [
        { en: 'Osaka', zh: '大阪' },
        { en: 'Kyoto', zh: '京都' },
        { en: 'Nara', zh: '奈良' },
      ],
    })
    const q = buildQuestion(it1, siblings, 's')
    expect(q.kind === 'choice' && q.options.map((o) => o.en).sort()).toEqual(['Kyoto', 'Nara', 'Osaka', 'Tokyo'])
  })
})

describe('true-false, typed and cloze', () => {
  it('grades a statement against the sources’ truth', () => {
    const tf = item({ kind: 'true-false', statement: { en: 'S', zh: '述' }, isTrue: false })
    const q = buildQuestion(tf, [], 's')
    expect(gradeResponse(tf, q, 'false').correct).toBe(true)
    expect(gradeResponse(tf, q, 'true').correct).toBe(false)
    expect(gradeResponse(tf, q, '').correct).toBe(false)
  })

  it('checks a typed date at the item’s precision, and shows what differed', () => {
    const typed = item({
      kind: 'typed',
      category: 'date',
      date: '2025-10-21',
      answer: { en: '21 October 2025', zh: '2025 年 10 月 21 日' },
    })
    const q = buildQuestion(typed, [], 's')
    expect(gradeResponse(typed, q, 'October 21, 2025').correct).toBe(true)
    expect(gradeResponse(typed, q, '2025年10月21日').correct).toBe(true)
    const wrong = gradeResponse(typed, q, '22 October 2025')
    expect(wrong.correct).toBe(false)
    expect(wrong.detail.kind === 'typed' && wrong.detail.diff.some((d) => d.kind !== 'same')).toBe(true)
  })

  it('fills a cloze gap, checked against the gap in either language', () => {
    const cloze = item({
      kind: 'cloze',
      category: 'event',
      cloze: { en: 'The summit was held in [[Tokyo]] that day.', zh: '会谈当天在[[东京]]举行。' },
    })
    const q = buildQuestion(cloze, [], 's')
    expect(q).toEqual({
      kind: 'cloze',
      before: { en: 'The summit was held in ', zh: '会谈当天在' },
      after: { en: ' that day.', zh: '举行。' },
    })
    expect(gradeResponse(cloze, q, 'tokyo').correct).toBe(true)
    expect(gradeResponse(cloze, q, '東京').correct).toBe(true)
    expect(gradeResponse(cloze, q, 'Osaka').correct).toBe(false)
  })
})

describe('ordering and matching', () => {
  const ordering = item({
    kind: 'ordering',
    events: [
      { en: 'ASEAN', zh: '东盟', date: '2025-10-26' },
      { en: 'Summit', zh: '会谈', date: '2025-10-28' },
      { en: 'APEC', zh: 'APEC', date: '2025-10-29' },
      { en: 'G7', zh: '七国集团', date: '2025-11-11' },
    ],
  })

  it('accepts exactly the chronological order of the shuffled events', () => {
    const q = buildQuestion(ordering, [], 'order-seed')
    if (q.kind !== 'ordering') throw new Error('kind')
    const chronological = ['ASEAN', 'Summit', 'APEC', 'G7'].map((en) => q.events.findIndex((e) => e.en === en))
    expect(gradeResponse(ordering, q, chronological.join(',')).correct).toBe(true)
    expect(gradeResponse(ordering, q, [...chronological].reverse().join(',')).correct).toBe(false)
    expect(gradeResponse(ordering, q, '0,0,1,2').correct).toBe(false)
    expect(gradeResponse(ordering, q, '0,1').correct).toBe(false)
  })

  it('grades each matched pair', () => {
    const matching = item({
      kind: 'matching',
      pairs: [
        { left: { en: 'Motegi', zh: '茂木' }, right: { en: 'Foreign Minister', zh: '外务大臣' } },
        { left: { en: 'Hosoya', zh: '细谷' }, right: { en: 'Professor', zh: '教授' } },
        { left: { en: 'Takaichi', zh: '高市' }, right: { en: 'Prime Minister', zh: '首相' } },
      ],
    })
    const q = buildQuestion(matching, [], 'm')
    if (q.kind !== 'matching') throw new Error('kind')
    const right = ['Foreign Minister', 'Professor', 'Prime Minister'].map((en) => q.rights.findIndex((r) => r.en === en))
    expect(gradeResponse(matching, q, right.join(',')).correct).toBe(true)
    const swapped = [right[1], right[0], right[2]]
    expect(gradeResponse(matching, q, swapped.join(','))).toMatchObject({ correct: false, detail: { kind: 'matching', given: swapped } })
    expect(gradeResponse(matching, q, `${right[0]},,`).correct).toBe(false)
  })
})

describe('attribution and framing pair', () => {
  it('asks which perspective says it', () => {
    const a = item({ kind: 'attribution', category: 'framing', statement: { en: 'breakout', zh: '突围' }, perspective: 'chinese-media' })
    const q = buildQuestion(a, [], 's')
    expect(q.kind === 'attribution' && q.options).toEqual(['japanese-official', 'chinese-academic', 'chinese-commentary', 'chinese-media'])
    expect(gradeResponse(a, q, 'chinese-media').correct).toBe(true)
    expect(gradeResponse(a, q, 'japanese-official').correct).toBe(false)
  })

  it('asks which side is whose, whatever order the sides are shown in', () => {
    const f = item({
      kind: 'framing-pair',
      category: 'framing',
      sides: [
        { perspective: 'japanese-official', speaker: 'motegi', text: { en: 'trust', zh: '信赖' } },
        { perspective: 'chinese-commentary', speaker: 'hua-haonan', text: { en: 'concession', zh: '让步' } },
      ],
    })
    for (const seed of ['a', 'b', 'c', 'd']) {
      const q = buildQuestion(f, [], seed)
      if (q.kind !== 'framing-pair') throw new Error('kind')
      const whose = q.sides.map((s) => (s.en === 'trust' ? 'japanese-official' : 'chinese-commentary'))
      expect(gradeResponse(f, q, whose.join(',')).correct).toBe(true)
      expect(gradeResponse(f, q, [...whose].reverse().join(',')).correct).toBe(false)
    }
  })
})

describe('every kind module', () => {
  const { bundle } = loadContentFromDisk(FIXTURE_CONTENT)
  const byKind = new Map(bundle.items.map((i) => [i.kind, i]))

  it('has a fixture item for every kind', () => {
    expect([...byKind.keys()].sort()).toEqual([...itemKinds].sort())
  })

  it.each([...itemKinds])('%s: a right sample response grades right and a wrong one wrong, for any seed', (kind) => {
    const subject = byKind.get(kind)!
    fc.assert(
      fc.property(fc.string(), fc.integer(), (seed, n) => {
        const q = buildQuestion(subject, siblings, seed)
        expect(q.kind).toBe(kind)
        const random = seededRandom(`${seed}:${n}`)
        expect(gradeResponse(subject, q, sampleResponse(subject, q, true, random)).correct).toBe(true)
        if (isInteractive(kind)) expect(gradeResponse(subject, q, sampleResponse(subject, q, false, random)).correct).toBe(false)
      }),
      { numRuns: 50 },
    )
  })

  it('refuses to grade a question of another kind (a programming error, not a wrong answer)', () => {
    const choice = byKind.get('choice')!
    expect(() => gradeResponse(byKind.get('typed')!, buildQuestion(choice, siblings, 's'), '0')).toThrow(/cannot grade/)
  })
})
