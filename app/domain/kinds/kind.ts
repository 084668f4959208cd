/**
 * What every question kind provides. Each kind is one module in this folder (its content schema, how its
 * question is built, graded, read from a plain form and answered in tests) registered in ./index.ts,
 * where the compiler checks that no kind is missing anything. Pure: kinds run on the server and in the
 * browser alike.
 */
import type { z } from 'zod'
import type { Bilingual, ItemKind, Perspective } from '../content/fields'

export interface Verdict<D> {
  correct: boolean
  /** Again (1) for a wrong answer, Good (3) for a right one; the learner may pick another. */
  suggestedRating: 1 | 3
  /** Readable account of what was answered and what differed. */
  detail: D
}

export function verdict<D>(correct: boolean, detail: D): Verdict<D> {
  return { correct, suggestedRating: correct ? 3 : 1, detail }
}

/**
 * What a response meant, whatever positions the shuffle gave it: the option's text, the events in the order
 * given, the partner given to each left item, the perspective given to each statement. Recorded with the
 * answer (the question it was asked in may change with the content), so instructors read answers, not indexes.
 */
export type AnswerMeaning =
  | { kind: 'text'; text: string }
  | { kind: 'option'; option: Bilingual }
  | { kind: 'truth'; value: boolean }
  | { kind: 'order'; events: Bilingual[] }
  | { kind: 'pairs'; pairs: Array<{ left: Bilingual; right: Bilingual | null }> }
  | { kind: 'perspectives'; given: Array<{ statement: Bilingual; perspective: Perspective | null }> }

/** An answer of another item of the same bank and category: a plausible wrong option. */
export interface SiblingAnswer {
  id: string
  answer: Bilingual
}

export interface QuestionContext {
  /** Seeds every shuffle: the same seed rebuilds exactly the question that was shown. */
  seed: string
  siblings: readonly SiblingAnswer[]
}

/** The fields of a submitted form, each sent once (see app/utils/review-input.server.ts). */
export type FormFields = Readonly<Record<string, string>>

export interface KindModule<K extends ItemKind, Item extends { kind: K }, Q extends { kind: K }, D> {
  kind: K
  /** The kind's content schema: one member of the item union (app/domain/content/schema.ts). */
  schema: z.ZodType<Item, unknown>
  /** Answered before the back is shown; a card that is not is simply revealed and self-rated. */
  interactive: boolean
  /** Whether building the question needs sibling answers (the caller fetches them only then). */
  needsSiblings(item: Item): boolean
  buildQuestion(item: Item, context: QuestionContext): Q
  /** Never throws: a malformed response is a wrong answer, not an error. */
  grade(item: Item, question: Q, response: string): Verdict<D>
  /**
   * The one response string from a page without scripts, whose inputs post one field per row; undefined
   * when the form holds none of this kind's fields.
   */
  readFormResponse(fields: FormFields): string | undefined
  /** What a graded response meant (null: nothing was answered, as for a flip card). */
  describe(item: Item, question: Q, detail: D): AnswerMeaning | null
  /** The statement or sentence a question tests, when its prompt alone does not tell rows apart. */
  subject(item: Item): Bilingual | null
  /** A response a learner might give: right, or a typical mistake. For tests, demos and load generators. */
  sampleResponse(item: Item, question: Q, correct: boolean, random: () => number): string
}

/** A field series from a form without scripts: `prefix-0`, `prefix-1`, … while present. */
export function formSeries(fields: FormFields, prefix: string): string[] {
  const values: string[] = []
  for (let i = 0; i < 10 && fields[`${prefix}-${i}`] !== undefined; i++) values.push(fields[`${prefix}-${i}`]!)
  return values
}

/** Parses "2,0,1" into indices below n; null when malformed. */
export function indexList(response: string, n: number, allowBlank = false): Array<number | null> | null {
  const parts = response.split(',')
  if (parts.length !== n) return null
  const out: Array<number | null> = []
  for (const p of parts) {
    if (allowBlank && p === '') {
      out.push(null)
      continue
    }
    if (!/^\d{1,2}$/.test(p) || Number(p) >= n) return null
    out.push(Number(p))
  }
  return out
}

export function sameText(a: Bilingual, b: Bilingual): boolean {
  return a.en === b.en && a.zh === b.zh
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!
}

/** Two neighbours swapped: the commonest mistake in an order. */
export function swapTwo<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list]
  if (out.length < 2) return out
  const i = Math.floor(random() * (out.length - 1))
  ;[out[i], out[i + 1]] = [out[i + 1]!, out[i]!]
  return out
}
