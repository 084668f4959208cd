/**
 * Number words in Chinese and English, read into values, so that 二十, twenty and 20 (or 四百万 and
 * 4 million) compare as the same number.
 */

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const CHINESE_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
/** 兆 is 10^12 as in Japanese and Taiwanese usage (80兆日元 = 80万亿日元), not the SI "mega" of mainland technical writing. */
const CHINESE_BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8, 兆: 1e12 }

/** Characters a Chinese (or mixed Arabic–Chinese) numeral is made of. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿兆点'
const ARABIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|^\.\d+/

/**
 * Reads 八十, 四百万, 5500亿, 2.5万亿, 80兆, 百万, 三点五. Returns null for forms whose value is ambiguous:
 * 二百五 is 250 in colloquial Chinese but 205 in Japanese (第二百五回国会), and 一万五 may be 15,000 or
 * 10,005 — a checker that guesses would mark right answers wrong or wrong answers right.
 */
export function readChineseNumeral(text: string): number | null {
  const point = text.indexOf('点')
  if (point >= 0) return readChineseDecimal(text.slice(0, point), text.slice(point + 1))
  let total = 0
  let section = 0
  let pending: number | null = null
  let lastSmall = Infinity
  let lastBig = 0
  let afterZero = false
  let sawValue = false
  let rest = text
  while (rest !== '') {
    const arabic = ARABIC.exec(rest)
    if (arabic) {
      if (pending !== null) return null
      pending = Number(arabic[0].replaceAll(',', ''))
      sawValue = true
      rest = rest.slice(arabic[0].length)
      continue
    }
    const ch = rest[0]!
    rest = rest.slice(1)
    const digit = CHINESE_DIGITS[ch]
    const small = CHINESE_SMALL_UNITS[ch]
    const big = CHINESE_BIG_UNITS[ch]
    if (digit === 0) {
      if (pending !== null) return null
      afterZero = true
    } else if (digit !== undefined) {
      if (pending !== null) return null // 一九九七: digit by digit is a year, not a quantity
      pending = digit
      sawValue = true
    } else if (small !== undefined) {
      if (small >= lastSmall) return null
      if (pending === null && (section !== 0 || afterZero)) return null
      section += (pending ?? 1) * small
      pending = null
      lastSmall = small
      afterZero = false
      sawValue = true
    } else if (big !== undefined) {
      if (!sawValue) return null
      if (pending !== null && lastSmall >= 100 && lastSmall !== Infinity && !afterZero) return null
      const value = section + (pending ?? 0)
      total = big > lastBig && lastBig !== 0 ? (total + value) * big : lastBig === 0 ? value * big : total + value * big
      lastBig = big
      section = 0
      pending = null
      lastSmall = Infinity
      afterZero = false
    } else {
      return null
    }
  }
  if (!sawValue) return null
  // A bare digit after 百/千 or after a big unit, with no 零: 二百五, 一万五 — ambiguous, see above.
  if (pending !== null && !afterZero && ((lastSmall >= 100 && lastSmall !== Infinity) || (lastBig !== 0 && section === 0))) return null
  return total + section + (pending ?? 0)
}

function readChineseDecimal(whole: string, fraction: string): number | null {
  const digits = /^[零〇一二三四五六七八九]+/.exec(fraction)?.[0] ?? ''
  if (digits === '') return null
  const scale = fraction.slice(digits.length)
  const integer = whole === '' ? null : readChineseNumeral(whole)
  if (integer === null) return null
  let value = Number(`${integer}.${Array.from(digits, (d) => CHINESE_DIGITS[d]).join('')}`)
  for (const ch of scale) {
    const big = CHINESE_BIG_UNITS[ch]
    if (big === undefined) return null
    value *= big
  }
  return value
}

const ENGLISH_UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
}
const ENGLISH_TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
}
const ENGLISH_ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
}
/** English scale words, also after digits: 550 billion, 4 million, 2.5 trillion. */
export const ENGLISH_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }

/** A number written in English words, and how many words it took. */
export interface WordNumber {
  value: number
  words: number
  /** Only "a"/"an": a number only when a scale or unit follows ("a million", "more than a year"). */
  article: boolean
}

/**
 * Reads number words from the start of `words` — "four million", "one hundred", "twenty-five" (split on
 * the hyphen beforehand), "a million", "tenth" — and says how many words it used; null when the first
 * word is not a number word.
 */
export function readEnglishNumber(words: readonly string[]): WordNumber | null {
  let total = 0
  let current = 0
  let used = 0
  let last: 'unit' | 'tens' | 'hundred' | 'scale' | 'a' | null = null
  let pendingAnd = false // "one hundred and five": the "and" counts only if a number word follows it
  for (const word of words) {
    const unit = ENGLISH_UNITS[word]
    const tens = ENGLISH_TENS[word]
    const ordinal = ENGLISH_ORDINALS[word]
    const scale = ENGLISH_SCALES[word]
    if ((word === 'a' || word === 'an') && used === 0) {
      current = 1
      last = 'a'
    } else if (unit !== undefined && last !== 'unit' && last !== 'a' && !(last === 'tens' && unit >= 10)) {
      current += unit
      last = 'unit'
    } else if (tens !== undefined && (last === null || last === 'hundred' || last === 'scale')) {
      current += tens
      last = 'tens'
    } else if (ordinal !== undefined && last !== 'unit' && last !== 'a') {
      if (ordinal === 100) current = (current || 1) * 100
      else current += ordinal
      return { value: total + current, words: used + (pendingAnd ? 2 : 1), article: false }
    } else if (word === 'hundred' && (last === 'unit' || last === 'tens' || last === 'a' || last === null)) {
      current = (current || 1) * 100
      last = 'hundred'
    } else if (scale !== undefined && scale > 100 && last !== null && last !== 'scale') {
      total += current * scale
      current = 0
      last = 'scale'
    } else if (word === 'and' && last === 'hundred' && !pendingAnd) {
      pendingAnd = true
      continue
    } else {
      break
    }
    used += pendingAnd ? 2 : 1
    pendingAnd = false
  }
  if (used === 0) return null
  return { value: total + current, words: used, article: last === 'a' }
}
