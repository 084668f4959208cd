/**
 * Reading a typed date and judging it at the precision the source gives. A learner may write the same day
 * as 2025-10-21, 21 Oct 2025, October 21, 2025 or 2025年10月21日; a card should not care which.
 */
import { tidyForParsing } from './normalize'
import { readChineseNumeral } from './numerals'

/** A calendar date at year, month or day precision (month and day are absent when not known). */
export interface DatePoint {
  year: number
  month?: number
  day?: number
}

/** One date, or a span from start to end given at the same precision at both ends. */
export interface DateValue {
  start: DatePoint
  end?: DatePoint
}

type Partial3 = { year?: number; month?: number; day?: number }

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'

const ISO = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/
/** 20/12/2025, 20.12.2025, 12/20/2025: read only when unambiguous (one of the first two numbers cannot be a month). */
const NUMERIC_DAY_MONTH = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/
const CHINESE = /^(?:(\d{4}) ?年)? ?(?:(\d{1,2}) ?月份?)? ?(?:(\d{1,2}) ?[日号])?$/
const DAY_MONTH_YEAR = new RegExp(`^${DAY} ?(?:of )?${MONTH}(?:,? (\\d{4}))?$`)
const MONTH_DAY_YEAR = new RegExp(`^${MONTH} ?(?:${DAY})?(?:(?:, ?| )(\\d{4}))?$`)
const DAY_YEAR = new RegExp(`^${DAY}(?:,? (\\d{4}))?$`) // only meaningful as the end of a range: "October 26–27, 2025"
const LEAD_IN = /^(?:on|in|from|the) /

/** Range separators: dashes of every length, tilde, slash, 至/到, "to", "until", "through". */
const RANGE_SEPARATOR = / ?(?:[-–—―‒−~〜/]|至|到|\bto\b|\buntil\b|\bthrough\b) ?/g

/** Longer than any real date: skip reading rather than try every split of a long text. */
const MAX_DATE_LENGTH = 60

function num(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text)
}

function readPart(text: string): Partial3 | null {
  const s = text.trim().replace(LEAD_IN, '')
  if (s === '') return null
  let m = ISO.exec(s)
  if (m) return { year: num(m[1]), month: num(m[2]), day: num(m[3]) }
  m = NUMERIC_DAY_MONTH.exec(s)
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (a === b || (a > 12 && b <= 12)) return { year, month: b, day: a }
    if (b > 12 && a <= 12) return { year, month: a, day: b }
    return null // 03/04/2025: 3 April or March 4? Guessing would grade the learner on a convention.
  }
  m = CHINESE.exec(s)
  if (m && (m[1] ?? m[2] ?? m[3]) !== undefined) return { year: num(m[1]), month: num(m[2]), day: num(m[3]) }
  m = DAY_MONTH_YEAR.exec(s)
  if (m) return { day: num(m[1]), month: MONTHS[m[2]!], year: num(m[3]) }
  m = MONTH_DAY_YEAR.exec(s)
  if (m) return { month: MONTHS[m[1]!], day: num(m[2]), year: num(m[3]) }
  m = DAY_YEAR.exec(s)
  if (m) return { day: num(m[1]), year: num(m[2]) }
  return null
}

function precisionOf(p: Partial3): number {
  return p.day !== undefined ? 3 : p.month !== undefined ? 2 : 1
}

function complete(p: Partial3): DatePoint | null {
  if (p.year === undefined) return null
  if (p.day !== undefined && p.month === undefined) return null
  if (p.month !== undefined && (p.month < 1 || p.month > 12)) return null
  if (p.day !== undefined) {
    const d = new Date(Date.UTC(p.year, p.month! - 1, p.day))
    if (p.day < 1 || d.getUTCDate() !== p.day) return null
  }
  const point: DatePoint = { year: p.year }
  if (p.month !== undefined) point.month = p.month
  if (p.day !== undefined) point.day = p.day
  return point
}

function sortKey(p: DatePoint): number {
  return p.year * 10_000 + (p.month ?? 0) * 100 + (p.day ?? 0)
}

/** Fills what a range leaves implicit: "26–27 October 2025" shares month and year, "2025年10月26日至27日" too. */
function readRange(left: Partial3, right: Partial3): DateValue | null {
  const start = { ...left }
  const end = { ...right }
  if (end.month === undefined && end.day !== undefined) end.month = start.month
  if (end.year === undefined) end.year = start.year
  if (start.month === undefined && start.day !== undefined) start.month = end.month
  if (start.year === undefined) start.year = end.year
  const a = complete(start)
  const b = complete(end)
  if (!a || !b || precisionOf(a) !== precisionOf(b) || sortKey(a) >= sortKey(b)) return null
  return { start: a, end: b }
}

const CHINESE_NUMERAL_RUN = /[〇零一二两三四五六七八九十]+/g
const CHINESE_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
}

/**
 * Chinese numerals in a date to Arabic digits: a year is read digit by digit (二〇二五 → 2025), a month or day
 * as a number (十二 → 12, 二十一 → 21). Only date reading uses this: elsewhere 一九九七 is not a quantity.
 */
export function chineseDateDigits(text: string): string {
  return text.replace(CHINESE_NUMERAL_RUN, (run) => {
    if (!run.includes('十')) return Array.from(run, (ch) => CHINESE_DIGIT[ch] ?? ch).join('')
    const value = readChineseNumeral(run)
    return value === null ? run : String(value)
  })
}

function tidyDate(text: string): string {
  return chineseDateDigits(tidyForParsing(text))
}

/**
 * A day of a month with no year ("20 Dec", 十二月二十日); null for anything else. Such an answer counts only
 * where the item itself accepts a year-less form (the source gives none, or the card asks for the day).
 */
export function readDayOfMonth(text: string): { month: number; day: number } | null {
  const s = tidyDate(text)
  if (s.length > MAX_DATE_LENGTH) return null
  const p = readPart(s)
  if (!p || p.year !== undefined || p.month === undefined || p.day === undefined) return null
  return complete({ year: 2024, month: p.month, day: p.day }) ? { month: p.month, day: p.day } : null // 2024: a leap year, so 29 February reads
}

/** Reads a date or date range as people write it, in English, Chinese or ISO form; null when it is not one. */
export function readTypedDate(text: string): DateValue | null {
  const s = tidyDate(text)
  if (s.length > MAX_DATE_LENGTH) return null
  const whole = readPart(s)
  if (whole) {
    const point = complete(whole)
    return point ? { start: point } : null
  }
  for (const m of s.matchAll(RANGE_SEPARATOR)) {
    const left = readPart(s.slice(0, m.index))
    const right = left && readPart(s.slice(m.index + m[0].length))
    const range = left && right && readRange(left, right)
    if (range) return range
  }
  return null
}

const CONTENT_POINT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/** Reads an item's `date` field (2025, 2025-10, 2025-10-21, or two of them joined by "/"). */
export function readContentDate(value: string): DateValue | null {
  const parts = value.split('/')
  const points: DatePoint[] = []
  for (const part of parts) {
    const m = CONTENT_POINT.exec(part)
    const point = m && complete({ year: num(m[1]), month: num(m[2]), day: num(m[3]) })
    if (!point) return null
    points.push(point)
  }
  if (points.length === 1) return { start: points[0]! }
  if (points.length === 2 && precisionOf(points[0]!) === precisionOf(points[1]!)) return { start: points[0]!, end: points[1]! }
  return null
}

function samePoint(a: DatePoint, b: DatePoint): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day
}

/** Two dates are the same when they name the same day, month or year at the same precision. */
export function sameDate(a: DateValue, b: DateValue): boolean {
  if (!samePoint(a.start, b.start)) return false
  if (a.end === undefined || b.end === undefined) return a.end === b.end
  return samePoint(a.end, b.end)
}

function truncate(p: DatePoint, precision: number): DatePoint {
  const out: DatePoint = { year: p.year }
  if (precision >= 2 && p.month !== undefined) out.month = p.month
  if (precision >= 3 && p.day !== undefined) out.day = p.day
  return out
}

/**
 * Whether a typed date answers an item whose date is `itemDate`, given the dates its accepted forms name.
 *
 * - Same date at the same precision as the item, or as one of its accepted forms: right.
 * - Less precise than the item ("October 2025" for 21 October 2025): wrong — the card asks for the day.
 * - More precise than a single-date item: the source cannot say, so the extra detail is accepted when it
 *   agrees at the item's precision ("2025-03-01" for a 2025 item) — unless an accepted form pins that detail
 *   (the item dated 2022-12 also accepts 2022-12-09; then another day of December 2022 is wrong).
 * - Ranges must be given whole, at the item's precision: a single day of a two-day meeting, even its first
 *   day, is wrong, because the card asks for the span; a range is likewise wrong for a single-date item.
 */
export function dateAnswers(typed: DateValue, itemDate: DateValue, accepted: readonly DateValue[]): boolean {
  const references = [itemDate, ...accepted]
  if (references.some((r) => sameDate(typed, r))) return true
  if (typed.end !== undefined || itemDate.end !== undefined) return false
  const itemPrecision = precisionOf(itemDate.start)
  const typedPrecision = precisionOf(typed.start)
  if (typedPrecision <= itemPrecision) return false
  if (!samePoint(truncate(typed.start, itemPrecision), itemDate.start)) return false
  const pinned = accepted.filter((r) => r.end === undefined && precisionOf(r.start) >= typedPrecision)
  return pinned.length === 0 || pinned.some((r) => samePoint(truncate(r.start, typedPrecision), typed.start))
}
