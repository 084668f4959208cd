/**
 * Judging a typed answer against a card's answer and accepted forms, for the "type your answer" way of
 * reviewing. Pure (no I/O), so the same verdict can be computed in the browser as the learner submits and
 * on the server when the review is recorded.
 *
 * An answer is right when, after normalisation (width, case, script, accents, spacing, punctuation), it is
 * one of the accepted forms, the answer texts, or — by category — the same name in the other order, the
 * same date at the item's precision, or the same quantity with scales and units applied.
 */
import { dateAnswers, readContentDate, readTypedDate, sameDate } from './answer-check/dates'
import { diffTexts, similarity, type DiffPart } from './answer-check/diff'
import { otherNameOrder } from './answer-check/names'
import { normalizeAnswer } from './answer-check/normalize'
import { matchingQuantities, readQuantity } from './answer-check/quantities'
import type { Category } from './content/schema'

export { normalizeAnswer } from './answer-check/normalize'
export type { DiffPart } from './answer-check/diff'

/** The parts of a content item that decide whether a typed answer is right — nothing the card merely shows. */
export interface CheckableItem {
  category: Category
  answer: { en: string; zh: string }
  accepted: readonly string[]
  date?: string
}

/**
 * The verdict on a typed answer, with what the learner needs to see why: the nearest accepted form and a
 * character-by-character comparison with it. The rating is only a suggestion — the learner may override it.
 */
export interface AnswerCheck {
  correct: boolean
  /** Again (1) for a wrong answer, Good (3) for a right one; Hard and Easy are the learner's call. */
  suggestedRating: 1 | 3
  /** The accepted form (as written in the content) the answer was judged equal to; only when correct. */
  matched?: string
  /** Typed answer against `closest`, both normalised: 'missing' is in the form but not typed, 'extra' the reverse. */
  diff: DiffPart[]
  /** The accepted form nearest to what was typed (the matched one when correct), as written in the content. */
  closest: string
}

interface Form {
  text: string
  key: string
}

function formsOf(item: CheckableItem): Form[] {
  const texts = [...item.accepted, item.answer.en, item.answer.zh]
  if (item.category === 'actor') {
    for (const text of [...texts]) {
      const swapped = otherNameOrder(text)
      if (swapped !== null) texts.push(swapped)
    }
  }
  if (item.category === 'date' && item.date !== undefined) texts.push(item.date)
  const forms: Form[] = []
  const seen = new Set<string>()
  for (const text of texts) {
    const key = normalizeAnswer(text)
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    forms.push({ text, key })
  }
  return forms
}

/** A typed answer read as a date or a quantity: the forms denoting the same one, and every form that was readable. */
interface Reading {
  matches: Form[]
  readable: Form[]
}

/**
 * Only date items are read as dates: an event item may carry a date too, but its answer is what happened,
 * so typing the date there must not count. Null when the typed text is not a date.
 */
function readAsDate(typed: string, item: CheckableItem, forms: readonly Form[]): Reading | null {
  if (item.category !== 'date' || item.date === undefined) return null
  const itemDate = readContentDate(item.date)
  const typedDate = readTypedDate(typed)
  if (!itemDate || !typedDate) return null
  const dated = forms.flatMap((form) => {
    const date = readTypedDate(form.text)
    return date ? [{ form, date }] : []
  })
  const readable = dated.map((d) => d.form)
  if (!dateAnswers(typedDate, itemDate, dated.map((d) => d.date))) return { matches: [], readable }
  const sameAsTyped = dated.filter((d) => sameDate(d.date, typedDate))
  const matches = (sameAsTyped.length > 0 ? sameAsTyped : dated.filter((d) => sameDate(d.date, itemDate))).map((d) => d.form)
  return { matches, readable }
}

/** As for dates: only number items, null when the typed text is not a quantity. */
function readAsQuantity(typed: string, item: CheckableItem, forms: readonly Form[]): Reading | null {
  if (item.category !== 'number') return null
  const quantity = readQuantity(typed)
  if (!quantity) return null
  const counted = forms.flatMap((form) => {
    const q = readQuantity(form.text)
    return q ? [{ form, q }] : []
  })
  const matches = matchingQuantities(quantity, counted.map((c) => c.q)).map((i) => counted[i]!.form)
  return { matches, readable: counted.map((c) => c.form) }
}

function nearest(key: string, forms: readonly Form[], item: CheckableItem): Form {
  let best: Form | undefined
  let bestScore = -1
  for (const form of forms) {
    const score = similarity(key, form.key)
    if (score > bestScore) {
      best = form
      bestScore = score
    }
  }
  return best ?? { text: item.answer.en, key: normalizeAnswer(item.answer.en) }
}

function verdict(correct: boolean, key: string, candidates: readonly Form[], item: CheckableItem): AnswerCheck {
  const best = nearest(key, candidates, item)
  const check: AnswerCheck = { correct, suggestedRating: correct ? 3 : 1, diff: diffTexts(key, best.key), closest: best.text }
  if (correct) check.matched = best.text
  return check
}

/**
 * Judges a typed answer. Never throws: any string, however odd, gets a verdict.
 *
 * When the typed text reads as a date (date items) or a quantity (number items), that reading decides:
 * normalised text drops the symbols that tell "$80 trillion" from "¥80 trillion", so a textual match only
 * counts against forms that are not themselves dates or quantities (such as "3.5% and 1.5%").
 * Framing items (long free text) are not meant for typed checking; they are right only on an exact
 * (normalised) match of an accepted form or an answer text.
 */
export function checkTypedAnswer(typed: string, item: CheckableItem): AnswerCheck {
  const forms = formsOf(item)
  const key = normalizeAnswer(typed)
  if (key === '') return verdict(false, key, forms, item)
  const exact = forms.filter((form) => form.key === key)
  const reading = item.category === 'framing' ? null : (readAsDate(typed, item, forms) ?? readAsQuantity(typed, item, forms))
  if (reading === null) return exact.length > 0 ? verdict(true, key, exact, item) : verdict(false, key, forms, item)
  if (reading.matches.length > 0) return verdict(true, key, reading.matches, item)
  const textual = exact.filter((form) => !reading.readable.includes(form))
  return textual.length > 0 ? verdict(true, key, textual, item) : verdict(false, key, forms, item)
}
