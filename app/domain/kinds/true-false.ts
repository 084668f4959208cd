/** True or false: does the sources' account support the statement? */
import { z } from 'zod'
import { bilingualSchema, kindItemSchema, requiredFor, type Bilingual } from '../content/fields'
import { verdict, type KindModule, type AnswerMeaning } from './kind'

const schema = kindItemSchema('true-false', {
  /** The claim shown, and whether the sources support it. */
  statement: requiredFor('true-false', 'statement', bilingualSchema),
  isTrue: requiredFor('true-false', 'isTrue', z.boolean({ error: 'must be true or false' })),
})
type TrueFalseItem = z.output<typeof schema>

export interface TrueFalseQuestion {
  kind: 'true-false'
  statement: Bilingual
}
export interface TrueFalseDetail {
  kind: 'true-false'
  chosen: boolean | null
  truth: boolean
}

export const trueFalse = {
  kind: 'true-false',
  schema,
  interactive: true,
  needsSiblings: () => false,
  buildQuestion: (item): TrueFalseQuestion => ({ kind: 'true-false', statement: item.statement }),
  grade: (item, _question, response) => {
    const chosen = response === 'true' ? true : response === 'false' ? false : null
    return verdict<TrueFalseDetail>(chosen === item.isTrue, { kind: 'true-false', chosen, truth: item.isTrue })
  },
  readFormResponse: (fields) => fields.response,
  describe: (_item, _question, detail): AnswerMeaning | null => (detail.chosen === null ? null : { kind: 'truth', value: detail.chosen }),
  subject: (item) => item.statement,
  sampleResponse: (item, _question, correct) => String(correct ? item.isTrue : !item.isTrue),
} satisfies KindModule<'true-false', TrueFalseItem, TrueFalseQuestion, TrueFalseDetail>
