/**
 * The registry of question kinds. Adding a kind means: a module beside this file, its UI module in
 * app/components/kinds/, one line in each registry, and its i18n strings — the `satisfies` clauses make
 * the compiler list anything missed.
 */
import type { z } from 'zod'
import type { ItemKind } from '../content/fields'
import { attribution } from './attribution'
import { choice } from './choice'
import { cloze } from './cloze'
import { flip } from './flip'
import { framingPair } from './framing-pair'
import type { AnswerMeaning, FormFields, KindModule, QuestionContext, Verdict as KindVerdict } from './kind'
import type { Bilingual } from '../content/fields'
import { matching } from './matching'
import { ordering } from './ordering'
import { trueFalse } from './true-false'
import { typed } from './typed'

export const kindModules = {
  flip,
  typed,
  choice,
  'true-false': trueFalse,
  cloze,
  ordering,
  matching,
  attribution,
  'framing-pair': framingPair,
} satisfies { [K in ItemKind]: { kind: K } }

type Modules = typeof kindModules
/** Any kind's item. */
export type KindItem = z.output<Modules[ItemKind]['schema']>
type ItemOf<K extends ItemKind> = Extract<KindItem, { kind: K }>
/** Any kind's question. */
export type Question = ReturnType<Modules[ItemKind]['buildQuestion']>
export type QuestionOf<K extends ItemKind> = Extract<Question, { kind: K }>
export type DetailOf<K extends ItemKind> = ReturnType<Modules[K]['grade']>['detail']

export type VerdictDetail = { [K in ItemKind]: DetailOf<K> }[ItemKind]
export type Verdict = KindVerdict<VerdictDetail>

// Every registered module is a complete KindModule for its own kind (checked here, once).
type Complete = { [K in ItemKind]: KindModule<K, ItemOf<K>, QuestionOf<K>, DetailOf<K>> }
const checked: Complete = kindModules

/**
 * The module of a kind, typed for whatever item it is handed. TypeScript cannot follow the link between an
 * item's kind and its module through a lookup (a "correlated union"), so this is the one widening cast.
 */
function moduleFor(kind: ItemKind): KindModule<ItemKind, KindItem, Question, VerdictDetail> {
  return checked[kind] as unknown as KindModule<ItemKind, KindItem, Question, VerdictDetail>
}

export function isInteractive(kind: ItemKind): boolean {
  return moduleFor(kind).interactive
}

export function needsSiblings(item: KindItem): boolean {
  return moduleFor(item.kind).needsSiblings(item)
}

export function buildQuestion(item: KindItem, context: QuestionContext): Question {
  return moduleFor(item.kind).buildQuestion(item, context)
}

/** Grades a response to the question shown for this item (the question must be of the item's kind). */
export function gradeResponse(item: KindItem, question: Question, response: string): Verdict {
  if (question.kind !== item.kind) throw new Error(`a ${question.kind} question cannot grade a ${item.kind} item`)
  return moduleFor(item.kind).grade(item, question, response)
}

/** What a graded response meant, in words rather than shuffled positions (see AnswerMeaning). */
export function describeResponse(item: KindItem, question: Question, verdict: Verdict): AnswerMeaning | null {
  return moduleFor(item.kind).describe(item, question, verdict.detail)
}

/** The statement or sentence an item tests, where its prompt is shared by many items ("True or false?"). */
export function subjectOf(item: KindItem): Bilingual | null {
  return moduleFor(item.kind).subject(item)
}

export type { AnswerMeaning }

export function sampleResponse(item: KindItem, question: Question, correct: boolean, random: () => number): string {
  return moduleFor(item.kind).sampleResponse(item, question, correct, random)
}

/**
 * One response string from whichever inputs the question used: `response` itself (scripts on, or a single
 * input), or the per-row fields a page without scripts posts for ordering, matching and framing pairs.
 */
export function readFormResponse(fields: FormFields): string | undefined {
  for (const kind of Object.keys(kindModules) as ItemKind[]) {
    const response = moduleFor(kind).readFormResponse(fields)
    if (response !== undefined) return response
  }
  return undefined
}

export type { QuestionContext, SiblingAnswer } from './kind'
