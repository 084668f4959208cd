/** Matching: pair 3–6 actors with their roles or statements. */
import { z } from 'zod'
import { bilingualSchema, kindItemSchema, requiredFor, type Bilingual } from '../content/fields'
import { seededPermutation } from '../shuffle'
import { formSeries, indexList, sameText, swapTwo, verdict, type KindModule, type AnswerMeaning } from './kind'

const schema = kindItemSchema('matching', {
  pairs: requiredFor(
    'matching',
    'pairs',
    z
      .array(z.strictObject({ left: bilingualSchema, right: bilingualSchema }))
      .min(3, 'give 3–6 pairs')
      .max(6, 'give 3–6 pairs'),
  ),
}).superRefine((item, ctx) => {
  for (const side of ['left', 'right'] as const) {
    const seen = new Set(item.pairs.map((p) => p[side].en.trim().toLowerCase()))
    if (seen.size !== item.pairs.length)
      ctx.addIssue({ code: 'custom', path: ['pairs'], message: `two pairs share the same ${side} side`, params: { reason: 'pairsRepeat' } })
  }
})
type MatchingItem = z.output<typeof schema>

export interface MatchingQuestion {
  kind: 'matching'
  lefts: Bilingual[]
  rights: Bilingual[]
}
export interface MatchingDetail {
  kind: 'matching'
  /** For each left (content order), the displayed right chosen for it. */
  given: Array<number | null>
  correctRights: number[]
}

const correctRightsOf = (item: MatchingItem, question: MatchingQuestion) =>
  item.pairs.map((p) => question.rights.findIndex((r) => sameText(r, p.right)))

export const matching = {
  kind: 'matching',
  schema,
  interactive: true,
  needsSiblings: () => false,
  buildQuestion: (item, { seed }): MatchingQuestion => ({
    kind: 'matching',
    lefts: item.pairs.map((p) => p.left),
    rights: seededPermutation(item.pairs.length, seed).map((i) => item.pairs[i]!.right),
  }),
  grade: (item, question, response) => {
    const correctRights = correctRightsOf(item, question)
    const given = indexList(response, item.pairs.length, true) ?? item.pairs.map(() => null)
    return verdict<MatchingDetail>(
      given.every((g, i) => g === correctRights[i]),
      { kind: 'matching', given, correctRights },
    )
  },
  readFormResponse: (fields) => {
    const matches = formSeries(fields, 'match')
    return matches.length > 0 ? matches.join(',') : undefined
  },
  describe: (item, question, detail): AnswerMeaning | null =>
    detail.given.every((g) => g === null)
      ? null
      : {
          kind: 'pairs',
          pairs: item.pairs.map((p, i) => ({
            left: p.left,
            right: detail.given[i] === null || detail.given[i] === undefined ? null : question.rights[detail.given[i]!]!,
          })),
        },
  subject: () => null,
  sampleResponse: (item, question, correct, random) => {
    const rights = correctRightsOf(item, question)
    return (correct ? rights : swapTwo(rights, random)).join(',')
  },
} satisfies KindModule<'matching', MatchingItem, MatchingQuestion, MatchingDetail>
