/**
 * Judging a typed answer against a card's answer and accepted forms, for the "type your answer" way of
 * reviewing. Pure (no I/O), so the same verdict can be computed in the browser as the learner submits and
 * on the server when the review is recorded.
 *
 * An answer is right when, after normalisation (width, case, script, accents, spacing, punctuation), it is
 * one of the accepted forms, the answer texts, or — by category — the same name in the other order, the
 * same date at the item's precision, or the same quantity with scales and units applied. A long romanised
 * name is also right with a typo or two (the verdict says how many were tolerated).
 */
import damerauLevenshtein from 'damerau-levenshtein'
import { dateAnswers, readContentDate, readDayOfMonth, readTypedDate, sameDate } from './answer-check/dates'
import { diffTexts, similarity, type DiffPart } from './answer-check/diff'
import { otherNameOrder, pinyinUmlautSpellings, withoutTitles } from './answer-check/names'
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
  /**
   * Whether `diff` says something a learner can read: the two texts are alike and written the same way. A
   * diff of another person's name, or of 20/12/2025 against 2025-12-20, is noise and is not shown.
   */
  showDiff: boolean
  /** The accepted form nearest to what was typed (the matched one when correct), as written in the content. */
  closest: string
  /** A long name accepted with typos: how many, and how many a name that long may have. */
  typos?: { count: number; allowed: number }
}

interface Form {
  text: string
  key: string
  /** Derived forms (the other name order, the item's machine date) are matched but never shown as "expected". */
  shown: boolean
}

function formsOf(item: CheckableItem): Form[] {
  const authored = [...item.accepted, item.answer.en, item.answer.zh]
  const derived: string[] = []
  if (item.category === 'actor') {
    for (const text of authored) derived.push(withoutTitles(text), ...pinyinUmlautSpellings(text))
    for (const text of [...authored, ...derived]) {
      const swapped = otherNameOrder(text)
      if (swapped !== null) derived.push(swapped)
    }
  }
  if (item.category === 'date' && item.date !== undefined) derived.push(item.date)
  const forms: Form[] = []
  const seen = new Set<string>()
  const add = (text: string, shown: boolean) => {
    const key = normalizeAnswer(text)
    if (key === '' || seen.has(key)) return
    seen.add(key)
    forms.push({ text, key, shown })
  }
  for (const text of authored) add(text, true)
  for (const text of derived) add(text, false)
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
  if (!itemDate) return null
  if (!typedDate) return readAsDayOfMonth(typed, forms)
  const dated = forms.flatMap((form) => {
    const date = readTypedDate(form.text)
    return date ? [{ form, date }] : []
  })
  const readable = dated.map((d) => d.form)
  if (
    !dateAnswers(
      typedDate,
      itemDate,
      dated.map((d) => d.date),
    )
  )
    return { matches: [], readable }
  const sameAsTyped = dated.filter((d) => sameDate(d.date, typedDate))
  const matches = (sameAsTyped.length > 0 ? sameAsTyped : dated.filter((d) => sameDate(d.date, itemDate))).map((d) => d.form)
  return { matches, readable }
}

/**
 * A year-less day ("20 Dec", 十二月二十日) is right when the item accepts a year-less form of that same day:
 * the authors list one where the source gives no year or the card asks only for the day.
 */
function readAsDayOfMonth(typed: string, forms: readonly Form[]): Reading | null {
  const day = readDayOfMonth(typed)
  if (!day) return null
  const yearless = forms.flatMap((form) => {
    const d = readDayOfMonth(form.text)
    return d ? [{ form, d }] : []
  })
  return {
    matches: yearless.filter((y) => y.d.month === day.month && y.d.day === day.day).map((y) => y.form),
    readable: yearless.map((y) => y.form),
  }
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
  const matches = matchingQuantities(
    quantity,
    counted.map((c) => c.q),
  ).map((i) => counted[i]!.form)
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
  return best ?? { text: item.answer.en, key: normalizeAnswer(item.answer.en), shown: true }
}

/** Each digit one mark, each Latin word one: 2025年10月21日 and 2025年10月22日 share a shape, 20-12-2025 and 2025-12-20 do not. */
function shapeOf(key: string): string {
  return key.replace(/\d/g, '9').replace(/\p{Script=Latin}+/gu, 'a')
}

/** Below this likeness a character diff mostly marks everything; the learner is better served by the answer alone. */
const READABLE_DIFF_SIMILARITY = 0.5

function verdict(correct: boolean, key: string, candidates: readonly Form[], item: CheckableItem): AnswerCheck {
  // Show (and diff against) a form as the authors wrote it; derived ones only decide.
  const shown = candidates.filter((form) => form.shown)
  const best = nearest(key, shown.length > 0 ? shown : formsOf(item).filter((form) => form.shown), item)
  const readable =
    key !== '' &&
    (correct || (similarity(key, best.key) >= READABLE_DIFF_SIMILARITY && (!/\d/.test(key) || shapeOf(key) === shapeOf(best.key))))
  const check: AnswerCheck = {
    correct,
    suggestedRating: correct ? 3 : 1,
    diff: diffTexts(key, best.key),
    showDiff: readable && !correct,
    closest: best.text,
  }
  if (correct) check.matched = best.text
  return check
}

/** Typos tolerated in a romanised name of this many letters: none below 8, one from 8, two from 16. */
export function typoAllowance(letters: number): number {
  return Math.min(2, Math.floor(letters / 8))
}

/** Typos one word may carry: none under 5 letters (Li and Lu are different people), two from 10. */
function wordAllowance(letters: number): number {
  return letters < 5 ? 0 : letters < 10 ? 1 : 2
}

const ROMAN_KEY = /^[a-z]+$/

/** The normalised words of a romanised name; null when any part is not Latin letters. */
function romanWords(text: string): string[] | null {
  const words = text
    .split(/[\s·・]+/u)
    .map(normalizeAnswer)
    .filter((w) => w !== '')
  return words.length > 0 && words.every((w) => ROMAN_KEY.test(w)) ? words : null
}

/** Typos between two names of as many words, word by word; null when a word has more than it may. */
function typosBetween(typed: readonly string[], form: readonly string[]): number | null {
  if (typed.length !== form.length) return null
  let total = 0
  for (let i = 0; i < form.length; i++) {
    const steps = damerauLevenshtein(typed[i]!, form[i]!).steps // a swapped pair of letters is one typo
    if (steps > wordAllowance(form[i]!.length)) return null
    total += steps
  }
  return total
}

/** A romanised name (with or without its titles) within its typo allowance of a form the authors wrote. */
function nearlyNamed(typedKey: string, typedTexts: readonly string[], forms: readonly Form[], item: CheckableItem): AnswerCheck | null {
  let best: { form: Form; count: number; allowed: number } | null = null
  for (const text of typedTexts) {
    const typedWords = romanWords(text)
    if (!typedWords) continue
    for (const form of forms) {
      // Only names as the authors wrote them: a typo away from a derived order ("Cha Victor") is no name anyone writes.
      if (!form.shown) continue
      const formWords = romanWords(form.text)
      if (!formWords) continue
      const allowed = typoAllowance(form.key.length)
      const count = typosBetween(typedWords, formWords)
      if (count !== null && count <= allowed && (best === null || count < best.count)) best = { form, count, allowed }
    }
  }
  if (best === null) return null
  const check = verdict(true, typedKey, [best.form], item)
  check.typos = { count: best.count, allowed: best.allowed }
  check.showDiff = true // the typos, marked
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
  // A name may come with titles around it: "Prime Minister Kishida", 岸田文雄首相.
  const keys = item.category === 'actor' ? [...new Set([key, normalizeAnswer(withoutTitles(typed))])].filter((k) => k !== '') : [key]
  const exact = forms.filter((form) => keys.includes(form.key))
  const reading = item.category === 'framing' ? null : (readAsDate(typed, item, forms) ?? readAsQuantity(typed, item, forms))
  if (reading === null) {
    if (exact.length > 0) return verdict(true, key, exact, item)
    return (
      (item.category === 'actor' ? nearlyNamed(key, [typed, withoutTitles(typed)], forms, item) : null) ?? verdict(false, key, forms, item)
    )
  }
  if (reading.matches.length > 0) return verdict(true, key, reading.matches, item)
  const textual = exact.filter((form) => !reading.readable.includes(form))
  return textual.length > 0 ? verdict(true, key, textual, item) : verdict(false, key, forms, item)
}
