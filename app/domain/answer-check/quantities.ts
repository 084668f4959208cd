/**
 * Reading a typed quantity — number, scale, unit and "more than"/"less than" — so that 80兆日元,
 * 80万亿日元 and 80 trillion yen are one answer, and 80亿 (eight billion) is a different one.
 */
import { tidyForParsing } from './normalize'
import { CHINESE_NUMERAL_CHARS, ENGLISH_SCALES, readChineseNumeral, readEnglishNumber } from './numerals'

/** What a number counts. Classifiers that only count (个, 份, 架…) carry no unit. */
export type Unit = 'jpy' | 'usd' | 'percent' | 'person' | 'year' | 'month' | 'time' | 'country'
/** "More than 300" / "less than two months": a bound rather than the number itself. */
export type Direction = 'more' | 'less'

export interface Quantity {
  value: number
  unit: Unit | null
  direction: Direction | null
}

const QUALIFIERS: Record<string, Direction | null> = {
  'more than': 'more',
  over: 'more',
  above: 'more',
  'at least': 'more',
  'in excess of': 'more',
  超过: 'more',
  逾: 'more',
  多于: 'more',
  大于: 'more',
  'less than': 'less',
  'fewer than': 'less',
  under: 'less',
  below: 'less',
  'at most': 'less',
  尚不足: 'less',
  不足: 'less',
  不到: 'less',
  少于: 'less',
  不满: 'less',
  about: null,
  around: null,
  approximately: null,
  approx: null,
  roughly: null,
  some: null,
  nearly: null,
  almost: null,
  约: null,
  大约: null,
  近: null,
  将近: null,
  大概: null,
}
const TRAILING_QUALIFIERS: Record<string, Direction> = {
  多: 'more',
  余: 'more',
  以上: 'more',
  '+': 'more',
  plus: 'more',
  'or more': 'more',
  以下: 'less',
  'or less': 'less',
}
const CURRENCY_PREFIXES: Record<string, Unit> = { us$: 'usd', $: 'usd', usd: 'usd', '¥': 'jpy', jpy: 'jpy' }
const UNITS: Record<string, Unit | null> = {
  日元: 'jpy',
  日圆: 'jpy',
  円: 'jpy',
  yen: 'jpy',
  jpy: 'jpy',
  '¥': 'jpy',
  美元: 'usd',
  美金: 'usd',
  'us dollars': 'usd',
  dollars: 'usd',
  dollar: 'usd',
  usd: 'usd',
  '%': 'percent',
  percent: 'percent',
  pct: 'percent',
  人: 'person',
  名: 'person',
  位: 'person',
  people: 'person',
  persons: 'person',
  person: 'person',
  周年: 'year',
  年: 'year',
  years: 'year',
  year: 'year',
  yrs: 'year',
  个月: 'month',
  月: 'month',
  months: 'month',
  month: 'month',
  次: 'time',
  回: 'time',
  times: 'time',
  time: 'time',
  国: 'country',
  countries: 'country',
  country: 'country',
  nations: 'country',
  个: null,
  份: null,
  项: null,
  种: null,
  件: null,
  架: null,
  届: null,
  家: null,
  条: null,
  本: null,
  aircraft: null,
  planes: null,
  documents: null,
  kinds: null,
  types: null,
}
const ADVERB_COUNTS: Record<string, number> = { once: 1, twice: 2, thrice: 3 }
const LETTER_SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, tn: 1e12 }

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
/** A sticky pattern for any of `words`, longest first; word-like entries must end at a word boundary. */
function anyOf(words: readonly string[]): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length)
  return new RegExp(` ?(${sorted.map((w) => escape(w) + (/[a-z]$/.test(w) ? '(?![a-z])' : '')).join('|')})`, 'y')
}
const QUALIFIER = anyOf(Object.keys(QUALIFIERS))
const TRAILING = anyOf(Object.keys(TRAILING_QUALIFIERS))
const CURRENCY = anyOf(Object.keys(CURRENCY_PREFIXES))
const UNIT = anyOf(Object.keys(UNITS))
const SCALE = anyOf([...Object.keys(ENGLISH_SCALES).filter((w) => w !== 'hundred'), ...Object.keys(LETTER_SCALES)])
const ORDINAL_PREFIX = / ?(?:第|the (?=\d))/y
const PERCENT_PREFIX = / ?百分之/y
const ORDINAL_SUFFIX = /(?:st|nd|rd|th)(?![a-z])/y
const NUMERAL = new RegExp(
  ` ?((?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)[${CHINESE_NUMERAL_CHARS}]*|[${CHINESE_NUMERAL_CHARS}]+)`,
  'y',
)
const WORD = /[ -]?([a-z]+)/y

/** Longer than any real quantity answer: not worth reading. */
const MAX_QUANTITY_LENGTH = 60

class Cursor {
  readonly text: string
  pos = 0
  constructor(text: string) {
    this.text = text
  }
  take(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.pos
    const m = pattern.exec(this.text)
    if (m) this.pos = pattern.lastIndex
    return m
  }
  atEnd(): boolean {
    return this.text.slice(this.pos).trim() === ''
  }
}

function readNumber(cursor: Cursor): { value: number; unit?: Unit; article: boolean } | null {
  const start = cursor.pos
  const numeral = cursor.take(NUMERAL)
  if (numeral) {
    let value = readChineseNumeral(numeral[1]!)
    if (value === null) return null
    cursor.take(ORDINAL_SUFFIX)
    const scale = cursor.take(SCALE)
    if (scale) value *= ENGLISH_SCALES[scale[1]!] ?? LETTER_SCALES[scale[1]!]!
    return { value, article: false }
  }
  const words: { word: string; end: number }[] = []
  for (let m = cursor.take(WORD); m && words.length < 12; m = cursor.take(WORD)) words.push({ word: m[1]!, end: cursor.pos })
  cursor.pos = start
  const first = words[0]?.word
  if (first !== undefined && ADVERB_COUNTS[first] !== undefined) {
    cursor.pos = words[0]!.end
    return { value: ADVERB_COUNTS[first], unit: 'time', article: false }
  }
  const read = readEnglishNumber(words.map((w) => w.word))
  if (!read) return null
  cursor.pos = words[read.words - 1]!.end
  return { value: read.value, article: read.article }
}

function mergeUnit(current: Unit | null | undefined, next: Unit | null): Unit | null | undefined {
  if (current === undefined || current === null) return next ?? current
  if (next === null || next === current) return current
  return undefined // two different units: "$80 trillion yen" is not a quantity
}

/**
 * Reads a whole answer as one quantity, or returns null when it is not one (words before or after it,
 * two numbers, an ambiguous numeral). Percentages keep their number: 5% has value 5 and unit 'percent'.
 */
export function readQuantity(text: string): Quantity | null {
  const cursor = new Cursor(tidyForParsing(text).replace(/per ?cent/g, 'percent'))
  if (cursor.text.length > MAX_QUANTITY_LENGTH) return null
  let direction: Direction | null = null
  for (let m = cursor.take(QUALIFIER); m; m = cursor.take(QUALIFIER)) direction = QUALIFIERS[m[1]!] ?? direction
  let unit: Unit | null | undefined = null
  if (cursor.take(PERCENT_PREFIX)) unit = 'percent'
  else cursor.take(ORDINAL_PREFIX)
  const currency = cursor.take(CURRENCY)
  if (currency) unit = CURRENCY_PREFIXES[currency[1]!]!
  const number = readNumber(cursor)
  if (!number) return null
  if (number.unit) unit = number.unit
  let sawUnit = false
  for (;;) {
    const trailing = cursor.take(TRAILING)
    if (trailing) {
      direction = TRAILING_QUALIFIERS[trailing[1]!]!
      continue
    }
    const named = cursor.take(UNIT)
    if (named) {
      unit = mergeUnit(unit, UNITS[named[1]!]!)
      if (unit === undefined) return null
      sawUnit = true
      continue
    }
    break
  }
  if (!cursor.atEnd()) return null
  if (number.article && !sawUnit && number.value === 1) return null // a lone "a" is not a number
  return { value: number.value, unit, direction }
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))
}

/**
 * Which of the item's reference quantities a typed quantity agrees with (an empty list when it is wrong).
 *
 * - The value must equal a reference value, scales applied: 80兆 = 80万亿 = 80 trillion, 80亿 is not.
 * - A unit, when typed, must be one the item uses: "550 billion yen" is wrong for $550 billion.
 * - A missing unit is accepted when the item's forms agree on one unit (or use none): "80万亿" for 80
 *   trillion yen, "5" for 5%. When the forms use two different units the bare number is ambiguous and is
 *   only accepted if written exactly as an accepted form.
 * - "More than"/"less than", when typed, must not contradict the item: "more than two months" is wrong
 *   for "less than two months"; leaving the qualifier out is fine (the accepted lists already do).
 */
export function matchingQuantities(typed: Quantity, references: readonly Quantity[]): number[] {
  const units = new Set(references.flatMap((r) => (r.unit === null ? [] : [r.unit])))
  const directions = new Set(references.flatMap((r) => (r.direction === null ? [] : [r.direction])))
  if (typed.unit !== null && !units.has(typed.unit)) return []
  if (typed.unit === null && units.size > 1) return []
  if (typed.direction !== null && directions.size > 0 && !directions.has(typed.direction)) return []
  return references.flatMap((r, index) => (sameValue(r.value, typed.value) ? [index] : []))
}
