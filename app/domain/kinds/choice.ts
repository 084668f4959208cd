/** Choice: pick the answer among three wrong options (authored, or sibling items' answers). */
import { z } from 'zod'
import { bilingualSchema, kindItemSchema, type Bilingual } from '../content/fields'
import { seededPermutation, seededPick } from '../shuffle'
import { pick, sameText, verdict, type KindModule, type SiblingAnswer, type AnswerMeaning } from './kind'

const sameAnswer = (a: Bilingual, b: Bilingual) =>
  a.en.trim().toLowerCase() === b.en.trim().toLowerCase() || a.zh.trim().toLowerCase() === b.zh.trim().toLowerCase()

const schema = kindItemSchema('choice', {
  /** Authored wrong answers; without them, answers of sibling items (same category and source) serve. */
  distractors: z.array(bilingualSchema).min(2, 'give at least 2 distractors').max(5, 'give at most 5 distractors').optional(),
}).superRefine((item, ctx) => {
  item.distractors?.forEach((d, i) => {
    if (sameAnswer(d, item.answer))
      ctx.addIssue({
        code: 'custom',
        path: ['distractors', i],
        message: 'a distractor repeats the answer',
        params: { reason: 'distractorRepeatsAnswer' },
      })
  })
})
type ChoiceItem = z.output<typeof schema>

export interface ChoiceQuestion {
  kind: 'choice'
  options: Bilingual[]
}
export interface ChoiceDetail {
  kind: 'choice'
  chosen: number | null
  correctIndex: number
}

/**
 * Wrong options: authored ones, else sibling answers, picked by the seed; never the item's own answer. The
 * pick draws from its own seed so which options appear is independent of where the answer lands.
 */
function wrongOptions(item: ChoiceItem, siblings: readonly SiblingAnswer[], questionSeed: string): Bilingual[] {
  const seed = `${questionSeed}:distractors`
  if (item.distractors && item.distractors.length > 0) return seededPick(item.distractors, 3, seed)
  const isAnswer = (a: Bilingual) => a.en.trim().toLowerCase() === item.answer.en.trim().toLowerCase()
  const unique = new Map<string, Bilingual>()
  for (const s of siblings) if (s.id !== item.id && !isAnswer(s.answer) && !unique.has(s.answer.en)) unique.set(s.answer.en, s.answer)
  return seededPick([...unique.values()], 3, seed)
}

export const choice = {
  kind: 'choice',
  schema,
  interactive: true,
  needsSiblings: (item) => !item.distractors || item.distractors.length === 0,
  buildQuestion: (item, { siblings, seed }): ChoiceQuestion => {
    const options = [item.answer, ...wrongOptions(item, siblings, seed)]
    return { kind: 'choice', options: seededPermutation(options.length, seed).map((i) => options[i]!) }
  },
  grade: (item, question, response) => {
    const correctIndex = question.options.findIndex((o) => sameText(o, item.answer))
    const chosen = /^\d$/.test(response) && Number(response) < question.options.length ? Number(response) : null
    return verdict<ChoiceDetail>(chosen === correctIndex, { kind: 'choice', chosen, correctIndex })
  },
  readFormResponse: (fields) => fields.response,
  describe: (_item, question, detail): AnswerMeaning | null =>
    detail.chosen === null ? null : { kind: 'option', option: question.options[detail.chosen]! },
  subject: () => null,
  sampleResponse: (item, question, correct, random) => {
    const right = question.options.findIndex((o) => sameText(o, item.answer))
    const others = question.options.map((_, i) => i).filter((i) => i !== right)
    return String(correct || others.length === 0 ? right : pick(random, others))
  },
} satisfies KindModule<'choice', ChoiceItem, ChoiceQuestion, ChoiceDetail>
