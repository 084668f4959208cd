/**
 * What a learner picked on a choice, attribution or framing-pair question, as the option itself (its text or
 * perspective) rather than its shuffled position, so "option 2" of one learner and "option 0" of another count
 * together when they are the same option. Read from the meaning stored with the answer (what was shown, even
 * if the item was edited since); answers logged before meanings were stored rebuild their question from its seed.
 */
import type { Bilingual, Perspective } from './content/fields'
import { gradeResponse, type AnswerMeaning, type Question } from './questions'
import type { KindItem } from './kinds'

export const distractorKinds = ['choice', 'attribution', 'framing-pair'] as const

export type Pick =
  | { kind: 'option'; text: Bilingual }
  /** Attribution: the perspective named. Framing pair: the perspective given to each side, in the item's side order. */
  | { kind: 'perspectives'; given: Array<Perspective | null> }

export function hasDistractors(kind: string): boolean {
  return (distractorKinds as readonly string[]).includes(kind)
}

/** The option picked, or null for another kind or an unreadable response. */
export function pickedOption(item: KindItem, question: Question, response: string): Pick | null {
  if (!hasDistractors(item.kind) || question.kind !== item.kind) return null
  const { detail } = gradeResponse(item, question, response)
  if (detail.kind === 'choice' && question.kind === 'choice') {
    return detail.chosen === null ? null : { kind: 'option', text: question.options[detail.chosen]! }
  }
  if (detail.kind === 'perspectives') {
    if (item.kind === 'framing-pair' && question.kind === 'framing-pair') {
      // Displayed sides are shuffled: report the perspective given to each of the item's own sides.
      const given = item.sides.map((side) => {
        const shown = question.sides.findIndex((t) => t.en === side.text.en && t.zh === side.text.zh)
        return shown < 0 ? null : (detail.given[shown] ?? null)
      })
      return given.every((g) => g === null) ? null : { kind: 'perspectives', given }
    }
    return detail.given[0] ? { kind: 'perspectives', given: [detail.given[0]] } : null
  }
  return null
}

/** The option picked, from the meaning stored with the answer; null for another kind or no pick. */
export function pickFromMeaning(item: KindItem, meaning: AnswerMeaning): Pick | null {
  if (!hasDistractors(item.kind)) return null
  if (meaning.kind === 'option') return item.kind === 'choice' ? { kind: 'option', text: meaning.option } : null
  if (meaning.kind !== 'perspectives') return null
  if (item.kind === 'framing-pair') {
    // Stored in the order shown; counted in the item's own side order (as shown, if the sides were edited since).
    const same = (a: Bilingual, b: Bilingual) => a.en === b.en && a.zh === b.zh
    const bySide = item.sides.map((side) => meaning.given.find((g) => same(g.statement, side.text)))
    const given = bySide.every((g) => g !== undefined) ? bySide.map((g) => g!.perspective) : meaning.given.map((g) => g.perspective)
    return given.every((g) => g === null) ? null : { kind: 'perspectives', given }
  }
  const first = meaning.given[0]?.perspective ?? null
  return first === null ? null : { kind: 'perspectives', given: [first] }
}

/** A stable key: the same option picked by different learners counts once. */
export function pickKey(pick: Pick): string {
  return pick.kind === 'option' ? `o:${pick.text.en}\u0000${pick.text.zh}` : `p:${pick.given.join(',')}`
}

export interface PickCount {
  pick: Pick
  count: number
}

/** Counts picks, commonest first (ties by key, so the order is stable). */
export function countPicks(picks: ReadonlyArray<Pick | null>): PickCount[] {
  const counts = new Map<string, PickCount>()
  for (const p of picks) {
    if (!p) continue
    const key = pickKey(p)
    const c = counts.get(key)
    if (c) c.count++
    else counts.set(key, { pick: p, count: 1 })
  }
  return [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).map(([, c]) => c)
}
