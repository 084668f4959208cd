/** Attribution: which source's perspective says this? */
import type { z } from 'zod'
import {
  bilingualSchema,
  itemIdSchema,
  kindItemSchema,
  perspectives,
  perspectiveSchema,
  requiredFor,
  type Bilingual,
  type Perspective,
} from '../content/fields'
import { pick, verdict, type KindModule, type AnswerMeaning } from './kind'

const schema = kindItemSchema('attribution', {
  statement: requiredFor('attribution', 'statement', bilingualSchema),
  perspective: requiredFor('attribution', 'perspective', perspectiveSchema),
  /** Who says the statement (content/speakers.yaml): the answer names them, not just the document's perspective. */
  speaker: requiredFor('attribution', 'speaker', itemIdSchema),
})
type AttributionItem = z.output<typeof schema>

export interface AttributionQuestion {
  kind: 'attribution'
  statement: Bilingual
  options: Perspective[]
}
/** Shared with framing pairs: the perspective given for each statement, and the right one. */
export interface PerspectivesDetail {
  kind: 'perspectives'
  given: Array<Perspective | null>
  expected: Perspective[]
}

export function asPerspective(value: string): Perspective | null {
  return (perspectives as readonly string[]).includes(value) ? (value as Perspective) : null
}

export const attribution = {
  kind: 'attribution',
  schema,
  interactive: true,
  needsSiblings: () => false,
  buildQuestion: (item): AttributionQuestion => ({ kind: 'attribution', statement: item.statement, options: [...perspectives] }),
  grade: (item, _question, response) => {
    const chosen = asPerspective(response)
    return verdict<PerspectivesDetail>(chosen === item.perspective, { kind: 'perspectives', given: [chosen], expected: [item.perspective] })
  },
  readFormResponse: (fields) => fields.response,
  describe: (item, _question, detail): AnswerMeaning | null =>
    detail.given[0] ? { kind: 'perspectives', given: [{ statement: item.statement, perspective: detail.given[0] }] } : null,
  subject: (item) => item.statement,
  sampleResponse: (item, question, correct, random) =>
    correct
      ? item.perspective
      : pick(
          random,
          question.options.filter((p) => p !== item.perspective),
        ),
} satisfies KindModule<'attribution', AttributionItem, AttributionQuestion, PerspectivesDetail>
