/**
 * From a content item to the question a learner sees, and from their response to a verdict. Pure and
 * deterministic (seeded), so the server grades exactly the question it showed; every kind ends in a
 * suggested rating (wrong → Again, right → Good) that the learner may change before it is recorded.
 */
import { checkTypedAnswer, type DiffPart } from './answer-check'
import { CLOZE_GAP, perspectives, type ContentItem, type Perspective } from './content/schema'
import { seededPermutation, seededPick } from './shuffle'

export interface Bilingual {
  en: string
  zh: string
}

export type Question =
  | { kind: 'flip' }
  | { kind: 'typed' }
  | { kind: 'choice'; options: Bilingual[] }
  | { kind: 'true-false'; statement: Bilingual }
  | { kind: 'cloze'; before: Bilingual; after: Bilingual }
  | { kind: 'ordering'; events: Bilingual[] }
  | { kind: 'matching'; lefts: Bilingual[]; rights: Bilingual[] }
  | { kind: 'attribution'; statement: Bilingual; options: Perspective[] }
  | { kind: 'framing-pair'; sides: Bilingual[]; options: Perspective[] }

export type Verdict = {
  correct: boolean
  suggestedRating: 1 | 3
  /** Readable account of what was answered and what differed, per kind. */
  detail:
    | { kind: 'typed'; typed: string; closest: string; diff: DiffPart[] }
    | { kind: 'choice'; chosen: number | null; correctIndex: number }
    | { kind: 'true-false'; chosen: boolean | null; truth: boolean }
    | { kind: 'ordering'; given: number[]; correctOrder: number[] }
    | { kind: 'matching'; given: Array<number | null>; correctRights: number[] }
    | { kind: 'perspectives'; given: Array<Perspective | null>; expected: Perspective[] }
}

type Item = Pick<ContentItem, 'id' | 'kind' | 'category' | 'answer' | 'accepted' | 'date' | 'distractors' | 'statement' | 'isTrue' | 'cloze' | 'events' | 'pairs' | 'perspective' | 'sides'>

/** Kinds the learner answers before seeing the back; a flip card is simply revealed. */
export function isInteractive(kind: ContentItem['kind']): boolean {
  return kind !== 'flip'
}

/**
 * Wrong answers for a choice: authored ones, else answers of sibling items (same category and source),
 * picked by the seed. Never the item's own answer.
 */
function distractorsFor(item: Item, siblings: readonly Pick<ContentItem, 'id' | 'answer'>[], seed: string): Bilingual[] {
  if (item.distractors && item.distractors.length > 0) return seededPick(item.distractors, 3, seed)
  const same = (a: Bilingual) => a.en.trim().toLowerCase() === item.answer.en.trim().toLowerCase()
  const unique = new Map<string, Bilingual>()
  for (const s of siblings) if (s.id !== item.id && !same(s.answer) && !unique.has(s.answer.en)) unique.set(s.answer.en, s.answer)
  return seededPick([...unique.values()], 3, seed)
}

function splitCloze(text: string): [string, string] {
  const [before = '', after = ''] = text.split(/\[\[[^\]]+\]\]/)
  return [before, after]
}

export function clozeGap(item: Item): Bilingual {
  const gap = (t: string) => [...t.matchAll(CLOZE_GAP)][0]?.[1] ?? ''
  return { en: gap(item.cloze!.en), zh: gap(item.cloze!.zh) }
}

export function buildQuestion(item: Item, siblings: readonly Pick<ContentItem, 'id' | 'answer'>[], seed: string): Question {
  switch (item.kind) {
    case 'flip':
    case 'typed':
      return { kind: item.kind }
    case 'choice': {
      const options = [item.answer, ...distractorsFor(item, siblings, seed)]
      return { kind: 'choice', options: seededPermutation(options.length, seed).map((i) => options[i]!) }
    }
    case 'true-false':
      return { kind: 'true-false', statement: item.statement! }
    case 'cloze': {
      const [beforeEn, afterEn] = splitCloze(item.cloze!.en)
      const [beforeZh, afterZh] = splitCloze(item.cloze!.zh)
      return { kind: 'cloze', before: { en: beforeEn, zh: beforeZh }, after: { en: afterEn, zh: afterZh } }
    }
    case 'ordering': {
      const events = item.events!
      return { kind: 'ordering', events: seededPermutation(events.length, seed).map((i) => ({ en: events[i]!.en, zh: events[i]!.zh })) }
    }
    case 'matching': {
      const pairs = item.pairs!
      return { kind: 'matching', lefts: pairs.map((p) => p.left), rights: seededPermutation(pairs.length, seed).map((i) => pairs[i]!.right) }
    }
    case 'attribution':
      return { kind: 'attribution', statement: item.statement!, options: [...perspectives] }
    case 'framing-pair': {
      const sides = item.sides!
      const order = seededPermutation(2, seed)
      return { kind: 'framing-pair', sides: order.map((i) => sides[i]!.text), options: order.map((i) => sides[i]!.perspective).sort() }
    }
  }
}

const verdict = (correct: boolean, detail: Verdict['detail']): Verdict => ({ correct, suggestedRating: correct ? 3 : 1, detail })

/** Parses "2,0,1" into indices below n; null when malformed. */
function indexList(response: string, n: number, allowBlank = false): Array<number | null> | null {
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

/**
 * Grades a response (the raw form value, as the question's inputs encode it). Malformed responses grade as
 * wrong rather than failing: a learner who submits nothing has not answered correctly.
 */
export function gradeResponse(item: Item, question: Question, response: string): Verdict {
  switch (question.kind) {
    case 'flip':
      return verdict(true, { kind: 'typed', typed: '', closest: '', diff: [] })
    case 'typed':
    case 'cloze': {
      const expected = question.kind === 'cloze' ? clozeGap(item) : item.answer
      const check = checkTypedAnswer(response.slice(0, 500), { category: item.category, answer: expected, accepted: item.accepted, date: item.date })
      return verdict(check.correct, { kind: 'typed', typed: response.slice(0, 500), closest: check.closest, diff: check.diff })
    }
    case 'choice': {
      const correctIndex = question.options.findIndex((o) => o.en === item.answer.en && o.zh === item.answer.zh)
      const chosen = /^\d$/.test(response) && Number(response) < question.options.length ? Number(response) : null
      return verdict(chosen === correctIndex, { kind: 'choice', chosen, correctIndex })
    }
    case 'true-false': {
      const chosen = response === 'true' ? true : response === 'false' ? false : null
      return verdict(chosen === item.isTrue, { kind: 'true-false', chosen, truth: item.isTrue! })
    }
    case 'ordering': {
      // The response lists displayed indices in the learner's chosen order.
      const events = item.events!
      const displayToOriginal = question.events.map((e) => events.findIndex((o) => o.en === e.en && o.zh === e.zh))
      const given = indexList(response, events.length)
      const correctOrder = displayToOriginal.map((_, d) => d).sort((a, b) => displayToOriginal[a]! - displayToOriginal[b]!)
      const valid = given !== null && new Set(given).size === events.length
      return verdict(valid && given.every((d, pos) => displayToOriginal[d!] === pos), { kind: 'ordering', given: valid ? (given as number[]) : [], correctOrder })
    }
    case 'matching': {
      // For each left (in content order), the index of the displayed right chosen for it.
      const pairs = item.pairs!
      const correctRights = pairs.map((p) => question.rights.findIndex((r) => r.en === p.right.en && r.zh === p.right.zh))
      const given = indexList(response, pairs.length, true) ?? pairs.map(() => null)
      return verdict(given.every((g, i) => g === correctRights[i]), { kind: 'matching', given, correctRights })
    }
    case 'attribution': {
      const chosen = (perspectives as readonly string[]).includes(response) ? (response as Perspective) : null
      return verdict(chosen === item.perspective, { kind: 'perspectives', given: [chosen], expected: [item.perspective!] })
    }
    case 'framing-pair': {
      // "a,b": the perspective assigned to each displayed side.
      const displayed = question.sides.map((text) => item.sides!.find((s) => s.text.en === text.en && s.text.zh === text.zh)!.perspective)
      const given = response.split(',').map((p) => ((perspectives as readonly string[]).includes(p) ? (p as Perspective) : null))
      const ok = given.length === 2 && given.every((g, i) => g === displayed[i])
      return verdict(ok, { kind: 'perspectives', given: given.length === 2 ? given : [null, null], expected: displayed })
    }
  }
}
