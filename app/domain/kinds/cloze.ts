/** Cloze: fill the one gap in a sentence of the item's own (never a source quote). */
import type { z } from 'zod'
import { bilingualSchema, CLOZE_GAP, kindItemSchema, requiredFor, type Bilingual } from '../content/fields'
import type { KindModule } from './kind'
import { gradeTypedText, typicalMistake, type TypedDetail } from './typed'
import type { AnswerMeaning } from './kind'

const schema = kindItemSchema('cloze', {
  /** A sentence with one [[gap]] per language. */
  cloze: requiredFor('cloze', 'cloze', bilingualSchema),
}).superRefine((item, ctx) => {
  for (const lang of ['en', 'zh'] as const) {
    const gaps = [...item.cloze[lang].matchAll(CLOZE_GAP)]
    if (gaps.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['cloze', lang],
        message: 'mark exactly one gap as [[words]]',
        params: { reason: 'clozeOneGap' },
      })
    const sentence = item.cloze[lang].replace(CLOZE_GAP, '$1').replace(/\s+/g, '')
    if (item.sources.some((c) => c.quote.replace(/\s+/g, '').includes(sentence))) {
      ctx.addIssue({
        code: 'custom',
        path: ['cloze', lang],
        message: 'a cloze gap goes in a sentence of the item, not in a source quote',
        params: { reason: 'clozeGapPlace' },
      })
    }
  }
})
type ClozeItem = z.output<typeof schema>

export interface ClozeQuestion {
  kind: 'cloze'
  before: Bilingual
  after: Bilingual
}

function splitCloze(text: string): [string, string] {
  const [before = '', after = ''] = text.split(/\[\[[^\]]+\]\]/)
  return [before, after]
}

/** The words in the gap, in both languages: what the learner must type. */
export function clozeGap(item: Pick<ClozeItem, 'cloze'>): Bilingual {
  const gap = (t: string) => [...t.matchAll(CLOZE_GAP)][0]?.[1] ?? ''
  return { en: gap(item.cloze.en), zh: gap(item.cloze.zh) }
}

export const cloze = {
  kind: 'cloze',
  schema,
  interactive: true,
  needsSiblings: () => false,
  buildQuestion: (item): ClozeQuestion => {
    const [beforeEn, afterEn] = splitCloze(item.cloze.en)
    const [beforeZh, afterZh] = splitCloze(item.cloze.zh)
    return { kind: 'cloze', before: { en: beforeEn, zh: beforeZh }, after: { en: afterEn, zh: afterZh } }
  },
  grade: (item, _question, response) => gradeTypedText(item, clozeGap(item), response),
  readFormResponse: (fields) => fields.response,
  describe: (_item, _question, detail): AnswerMeaning | null =>
    detail.typed.trim() === '' ? null : { kind: 'text', text: detail.typed.trim() },
  subject: (item) => ({ en: item.cloze.en.replace(CLOZE_GAP, '____'), zh: item.cloze.zh.replace(CLOZE_GAP, '____') }),
  sampleResponse: (item, _question, correct, random) => (correct ? clozeGap(item).en : typicalMistake(item, clozeGap(item).en, random)),
} satisfies KindModule<'cloze', ClozeItem, ClozeQuestion, TypedDetail>
