/**
 * Wrong options alike in form to the right answer. A quiz asks a flip card as a choice among its answer and
 * other items' answers; drawn at random, those can give the answer away by their form alone (a bare year among
 * sentences, "Five" among names). Here the other answers closest in form are kept, so the choice turns on what
 * the learner knows. Pure and deterministic: a question is rebuilt from its seed (docs/decisions/0002).
 */
import type { Bilingual } from './content/fields'
import type { SiblingAnswer } from './kinds/kind'

/**
 * How many of the closest answers a question draws its wrong options from: two more than it shows, so attempts
 * vary (measured on the banks: with exactly the closest three, the same three options came every time and an
 * answer longer than them always stood out as the longest).
 */
export const ALIKE_POOL = 5

const NUMBER_WORD =
  /^(?:about|around|almost|nearly|over|under|more than|less than|fewer than|only|some)?\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a hundred|hundreds|dozens)\b/i
const MONTH = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\d\s*月/i
const YEAR = /(?:^|\D)(?:19|20)\d\d(?:\D|$)/

interface Form {
  /** Starts as a number or count ("Five", "More than 30", "90%"). */
  count: boolean
  /** Names a month or a year: a date. */
  date: boolean
  digits: boolean
  /** Words in the English text, characters in the Chinese text (log scale compares them). */
  enWords: number
  zhChars: number
}

function formOf(answer: Bilingual): Form {
  const en = answer.en.trim()
  const zh = answer.zh.trim()
  return {
    count: NUMBER_WORD.test(en),
    date: MONTH.test(en) || MONTH.test(zh) || YEAR.test(en),
    digits: /\d/.test(en),
    enWords: Math.max(1, en.split(/\s+/).length),
    zhChars: Math.max(1, [...zh.replace(/\s/g, '')].length),
  }
}

/** How unlike two answers look: differing kinds of answer weigh most, then length (by ratio, in both languages). */
export function formDistance(a: Bilingual, b: Bilingual): number {
  const x = formOf(a)
  const y = formOf(b)
  const differs = (p: boolean, q: boolean) => (p === q ? 0 : 1)
  return (
    2 * differs(x.count, y.count) +
    2 * differs(x.date, y.date) +
    differs(x.digits, y.digits) +
    Math.abs(Math.log(x.enWords / y.enWords)) +
    Math.abs(Math.log(x.zhChars / y.zhChars))
  )
}

/**
 * How far off in form an answer may be and still serve as a wrong option. Measured on the banks: 7 of 182 flip
 * cards have fewer than three comparable answers this close (a bare "Five" among sentences, a day with no month
 * among full dates); a quiz leaves them out (app/domain/quiz.ts).
 */
export const ALIKE_MAX_DISTANCE = 3

/** The other answers, one of each, never the right one (as the choice kind itself draws them), with their distance. */
function distinctOthers(answer: Bilingual, siblings: readonly SiblingAnswer[]) {
  const key = (a: Bilingual) => a.en.trim().toLowerCase()
  const seen = new Set([key(answer)])
  return siblings
    .filter((s) => !seen.has(key(s.answer)) && seen.add(key(s.answer)))
    .map((sibling, index) => ({ sibling, index, distance: formDistance(answer, sibling.answer) }))
}

/** How many other answers are alike enough in form to serve as wrong options. */
export function alikeAnswerCount(answer: Bilingual, siblings: readonly SiblingAnswer[]): number {
  return distinctOthers(answer, siblings).filter((o) => o.distance <= ALIKE_MAX_DISTANCE).length
}

/**
 * The other answers a question draws its wrong options from: the closest in form, up to ALIKE_POOL of those
 * within ALIKE_MAX_DISTANCE, and never fewer than `wanted` (the closest, however far) while there are that many.
 * In their given order: the seed then picks among them by position.
 */
export function alikeInForm(answer: Bilingual, siblings: readonly SiblingAnswer[], wanted = 3): SiblingAnswer[] {
  return distinctOthers(answer, siblings)
    .sort((p, q) => p.distance - q.distance || p.index - q.index)
    .filter((o, rank) => rank < wanted || (rank < ALIKE_POOL && o.distance <= ALIKE_MAX_DISTANCE))
    .sort((p, q) => p.index - q.index)
    .map((o) => o.sibling)
}
