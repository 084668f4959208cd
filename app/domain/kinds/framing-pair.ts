/** Framing pair: two characterisations of one event — whose is whose? */
import { z } from 'zod'
import {
  bilingualSchema,
  itemIdSchema,
  kindItemSchema,
  perspectiveSchema,
  requiredFor,
  type Bilingual,
  type Perspective,
} from '../content/fields'
import { seededPermutation } from '../shuffle'
import { asPerspective, type PerspectivesDetail } from './attribution'
import { formSeries, sameText, verdict, type KindModule, type AnswerMeaning } from './kind'

const schema = kindItemSchema('framing-pair', {
  sides: requiredFor(
    'framing-pair',
    'sides',
    z
      .array(z.strictObject({ perspective: perspectiveSchema, speaker: itemIdSchema, text: bilingualSchema }))
      .length(2, 'a framing pair has exactly 2 sides'),
  ),
}).superRefine((item, ctx) => {
  if (item.sides[0]?.perspective === item.sides[1]?.perspective) {
    ctx.addIssue({
      code: 'custom',
      path: ['sides', 1, 'perspective'],
      message: 'the two sides need different perspectives',
      params: { reason: 'sidesSamePerspective' },
    })
  }
})
type FramingPairItem = z.output<typeof schema>

export interface FramingPairQuestion {
  kind: 'framing-pair'
  sides: Bilingual[]
  /** The two perspectives, sorted: their order tells nothing. */
  options: Perspective[]
}

/** The perspective of each displayed side. */
function displayedPerspectives(item: FramingPairItem, question: FramingPairQuestion): Perspective[] {
  return question.sides.map((text) => item.sides.find((s) => sameText(s.text, text))?.perspective ?? item.sides[0]!.perspective)
}

/** The displayed sides a response leaves blank ("japanese-official," → [1]): a Check needs both. */
export function blankSides(response: string): number[] {
  const given = response.split(',')
  return [0, 1].filter((i) => !given[i])
}

export const framingPair = {
  kind: 'framing-pair',
  schema,
  interactive: true,
  needsSiblings: () => false,
  buildQuestion: (item, { seed }): FramingPairQuestion => {
    const order = seededPermutation(2, seed)
    return {
      kind: 'framing-pair',
      sides: order.map((i) => item.sides[i]!.text),
      options: order.map((i) => item.sides[i]!.perspective).sort(),
    }
  },
  // "a,b": the perspective assigned to each displayed side.
  grade: (item, question, response) => {
    const expected = displayedPerspectives(item, question)
    const given = response.split(',').map(asPerspective)
    const right = given.length === 2 && given.every((g, i) => g === expected[i])
    return verdict<PerspectivesDetail>(right, { kind: 'perspectives', given: given.length === 2 ? given : [null, null], expected })
  },
  readFormResponse: (fields) => {
    const sides = formSeries(fields, 'side')
    return sides.length > 0 ? sides.join(',') : undefined
  },
  describe: (_item, question, detail): AnswerMeaning | null =>
    detail.given.every((g) => g === null)
      ? null
      : { kind: 'perspectives', given: question.sides.map((statement, i) => ({ statement, perspective: detail.given[i] ?? null })) },
  subject: () => null,
  sampleResponse: (item, question, correct) => {
    const expected = displayedPerspectives(item, question)
    return (correct ? expected : [...expected].reverse()).join(',')
  },
} satisfies KindModule<'framing-pair', FramingPairItem, FramingPairQuestion, PerspectivesDetail>
