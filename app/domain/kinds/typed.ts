/** Typed: the learner types the answer; checked against the answer texts and accepted forms. */
import type { z } from 'zod'
import { checkTypedAnswer, type DiffPart } from '../answer-check'
import { kindItemSchema, type Bilingual, type Category } from '../content/fields'
import { pick, verdict, type KindModule, type Verdict, type AnswerMeaning } from './kind'

const schema = kindItemSchema('typed', {})
type TypedItem = z.output<typeof schema>

export interface TypedDetail {
  kind: 'typed'
  typed: string
  /** The accepted form nearest to what was typed, as written in the content. */
  closest: string
  /** Typed against `closest`; empty when a character diff would be noise (see AnswerCheck.showDiff). */
  diff: DiffPart[]
  /** The answer as the card writes it ("Around 20 December 2025"), shown as what was expected. */
  expected?: Bilingual
  /** A long name accepted with typos: how many, and how many a name that long may have. */
  typos?: { count: number; allowed: number }
}

/** The fields that decide whether a typed text is right (shared with cloze, which checks its gap). */
interface Checkable {
  category: Category
  accepted: readonly string[]
  date?: string
}

const MAX_TYPED = 500

export function gradeTypedText(item: Checkable, expected: Bilingual, response: string): Verdict<TypedDetail> {
  const typed = response.slice(0, MAX_TYPED)
  const check = checkTypedAnswer(typed, { category: item.category, answer: expected, accepted: item.accepted, date: item.date })
  const detail: TypedDetail = { kind: 'typed', typed, closest: check.closest, diff: check.showDiff ? check.diff : [], expected }
  if (check.typos) detail.typos = check.typos
  return verdict(check.correct, detail)
}

/** A plausible wrong text: a nearby date for date items, else half the answer, a changed digit or a letter short. */
export function typicalMistake(item: Checkable, right: string, random: () => number): string {
  if (random() < 0.15) return ''
  if (item.date && /^\d{4}-\d{2}-\d{2}$/.test(item.date)) {
    const [y, m, d] = item.date.split('-').map(Number) as [number, number, number]
    const shifted = new Date(Date.UTC(y, m - 1, d + pick(random, [-7, -2, -1, 1, 2, 30])))
    return shifted.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  }
  const words = right.split(/\s+/)
  if (words.length > 2) return words.slice(0, Math.ceil(words.length / 2)).join(' ')
  if (/\d/.test(right)) return right.replace(/\d/, (c) => String((Number(c) + 1) % 10))
  return Array.from(right).slice(0, -1).join('') || '?'
}

export const typed = {
  kind: 'typed',
  schema,
  interactive: true,
  needsSiblings: () => false,
  buildQuestion: () => ({ kind: 'typed' as const }),
  grade: (item, _question, response) => gradeTypedText(item, item.answer, response),
  readFormResponse: (fields) => fields.response,
  describe: (_item, _question, detail): AnswerMeaning | null =>
    detail.typed.trim() === '' ? null : { kind: 'text', text: detail.typed.trim() },
  subject: () => null,
  sampleResponse: (item, _question, correct, random) =>
    correct ? pick(random, [item.answer.en, item.answer.en, ...item.accepted]) : typicalMistake(item, item.answer.en, random),
} satisfies KindModule<'typed', TypedItem, { kind: 'typed' }, TypedDetail>
