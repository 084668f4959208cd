/**
 * The formats and tolerances a newcomer's trial found missing (issue 14, item 8): day-first dates, Chinese
 * numerals in dates, year-less days, pinyin ü typed as v, titles around names, typos in long names, and a
 * verdict that shows the answer as written rather than a machine form or a raw diff.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkTypedAnswer, typoAllowance, type CheckableItem } from '~/domain/answer-check'
import { chineseDateDigits } from '~/domain/answer-check/dates'
import { withoutTitles } from '~/domain/answer-check/names'
import { buildQuestion, gradeResponse } from '~/domain/questions'
import type { KindItem } from '~/domain/kinds'

// As in content/banks/c5-summit.yaml.
const c5Summit: CheckableItem = {
  category: 'date',
  answer: { en: 'Around 20 December 2025', zh: '2025 年 12 月 20 日前后' },
  accepted: ['2025-12-20', '20 December 2025', 'December 20, 2025', '2025年12月20日', '12月20日', '20 December'],
  date: '2025-12-20',
}
const kishida: CheckableItem = {
  category: 'actor',
  answer: { en: 'Kishida Fumio', zh: '岸田文雄' },
  accepted: ['岸田文雄', 'Kishida Fumio', 'Fumio Kishida', 'Kishida', '岸田'],
}
const luYaodong: CheckableItem = {
  category: 'actor',
  answer: { en: 'Lü Yaodong', zh: '吕耀东' },
  accepted: ['吕耀东', 'Lü Yaodong', 'Lu Yaodong', 'Lyu Yaodong', 'Yaodong Lü', 'Yaodong Lu'],
}
const motegi: CheckableItem = {
  category: 'actor',
  answer: { en: 'Motegi Toshimitsu', zh: '茂木敏充' },
  accepted: ['Motegi Toshimitsu', 'Toshimitsu Motegi', 'Motegi', '茂木敏充', '茂木'],
}

const right = (typed: string, item: CheckableItem) => expect(checkTypedAnswer(typed, item).correct, `"${typed}" should be right`).toBe(true)
const wrong = (typed: string, item: CheckableItem) =>
  expect(checkTypedAnswer(typed, item).correct, `"${typed}" should be wrong`).toBe(false)

const CHINESE_DIGITS = '〇一二三四五六七八九'
/** 2025 → 二〇二五 (a year is read digit by digit). */
const chineseYear = (year: number) => Array.from(String(year), (d) => CHINESE_DIGITS[Number(d)]).join('')
/** 1–31 as a Chinese number: 十, 十二, 二十, 二十一. */
function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n]!
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`
}
const pad = (n: number) => String(n).padStart(2, '0')

/** Any real calendar day from 1990 to 2035. */
const calendarDay = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2035, 11, 31)), noInvalidDate: true })
  .map((d) => ({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
  }))
const dateItem = (d: { year: number; month: number; day: number }): CheckableItem => {
  const iso = `${d.year}-${pad(d.month)}-${pad(d.day)}`
  return { category: 'date', answer: { en: iso, zh: `${d.year}年${d.month}月${d.day}日` }, accepted: [iso], date: iso }
}

describe('typed dates: day-first, Chinese numerals, year-less days', () => {
  it('c5: accepts 20/12/2025, 20.12.2025, 20-12-2025 and 12/20/2025 (unambiguous either way)', () => {
    for (const typed of ['20/12/2025', '20.12.2025', '20-12-2025', '12/20/2025']) right(typed, c5Summit)
    for (const typed of ['21/12/2025', '20/11/2025', '20.12.2024']) wrong(typed, c5Summit)
  })

  it('c5: accepts Chinese numerals, with and without the year', () => {
    for (const typed of ['二〇二五年十二月二十日', '二零二五年十二月二十日', '十二月二十日', '十二月二十号']) right(typed, c5Summit)
    for (const typed of ['二〇二五年十二月二十一日', '十一月二十日', '二〇二四年十二月二十日']) wrong(typed, c5Summit)
  })

  it('c5: accepts "20 Dec" and other spellings of the listed year-less day', () => {
    for (const typed of ['20 Dec', 'Dec 20', '20th December', 'december 20']) right(typed, c5Summit)
    wrong('21 Dec', c5Summit)
  })

  it('reads Chinese numerals in dates only as dates read them', () => {
    expect(chineseDateDigits('二〇二五年十二月二十日')).toBe('2025年12月20日')
    expect(chineseDateDigits('十月二十一日')).toBe('10月21日')
  })

  it('property: an unambiguous numeric day-first or month-first date is the same day as its ISO form', () => {
    fc.assert(
      fc.property(calendarDay, (d) => {
        const item = dateItem(d)
        const dayFirst = `${d.day}/${d.month}/${d.year}`
        const dotted = `${pad(d.day)}.${pad(d.month)}.${d.year}`
        const unambiguous = d.day > 12 || d.day === d.month
        expect(checkTypedAnswer(dayFirst, item).correct).toBe(unambiguous)
        expect(checkTypedAnswer(dotted, item).correct).toBe(unambiguous)
        if (d.day > 12) expect(checkTypedAnswer(`${d.month}/${d.day}/${d.year}`, item).correct).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('property: an ambiguous numeric date (both numbers could be the month) is never graded right', () => {
    fc.assert(
      fc.property(
        calendarDay.filter((d) => d.day <= 12 && d.day !== d.month),
        (d) => {
          // The learner may mean either; guessing would grade a convention, not knowledge.
          expect(checkTypedAnswer(`${d.day}/${d.month}/${d.year}`, dateItem(d)).correct).toBe(false)
          expect(checkTypedAnswer(`${d.month}/${d.day}/${d.year}`, dateItem(d)).correct).toBe(false)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('property: a date in Chinese numerals is the same day; a different day is wrong', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: 1, max: 27 }), (d, shift) => {
        const item = dateItem(d)
        expect(checkTypedAnswer(`${chineseYear(d.year)}年${chineseNumber(d.month)}月${chineseNumber(d.day)}日`, item).correct).toBe(true)
        const other = ((d.day - 1 + shift) % 28) + 1
        if (other !== d.day)
          expect(checkTypedAnswer(`${chineseYear(d.year)}年${chineseNumber(d.month)}月${chineseNumber(other)}日`, item).correct).toBe(false)
      }),
      { numRuns: 300 },
    )
  })
})

describe('typed names: pinyin ü, titles, typos', () => {
  it('accepts pinyin ü typed as v (Lv/Lü), in either name order', () => {
    for (const typed of ['Lv Yaodong', 'lv yaodong', 'Yaodong Lv', 'Lü Yaodong', 'Lyu Yaodong']) right(typed, luYaodong)
    wrong('Li Yaodong', luYaodong)
  })

  it('accepts titles around the name, in English and Chinese', () => {
    for (const typed of [
      'Prime Minister Kishida',
      'then Prime Minister Kishida Fumio',
      'Former Prime Minister Fumio Kishida',
      '岸田文雄首相',
      '时任首相岸田文雄',
      '岸田首相',
    ])
      right(typed, kishida)
    for (const typed of ['Prime Minister Motegi', '首相', 'Prime Minister']) wrong(typed, kishida)
    right('Foreign Minister Motegi', motegi)
    right('茂木外相', motegi)
  })

  it('strips titles, never the name itself', () => {
    expect(withoutTitles('Chinese President Xi Jinping')).toBe('Xi Jinping')
    expect(withoutTitles('中国国家主席习近平')).toBe('习近平')
    expect(withoutTitles('Prime Minister')).toBe('Prime Minister')
  })

  it('tolerates small typos in long names and says so in the verdict; short names must be exact', () => {
    const one = checkTypedAnswer('Motegi Toshimitzu', motegi)
    expect(one).toMatchObject({ correct: true, typos: { count: 1, allowed: 2 }, showDiff: true })
    expect(checkTypedAnswer('Kishida Fumoi', kishida)).toMatchObject({ correct: true, typos: { count: 1, allowed: 1 } }) // a swapped pair is one typo
    wrong('Kishida Fumoo Fumio', kishida)
    wrong('Kishdia', kishida) // 7 letters: no tolerance
    wrong('Li Yaodong', luYaodong) // a short word (a family name) must be exact
    expect(checkTypedAnswer('Motegi Toshimitzo', motegi)).toMatchObject({ correct: true, typos: { count: 2, allowed: 2 } })
    wrong('Motegi Tashimitzo', motegi) // three typos in 16 letters: too many
    expect(checkTypedAnswer('Kishida Fumio', kishida).typos).toBeUndefined()
  })

  it('property: any one changed letter in a long name is accepted as one typo; the allowance grows with length', () => {
    const name = 'motegi toshimitsu'
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: name.length - 1 }).filter((i) => name[i] !== ' '),
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
        (i, letter) => {
          const typed = name.slice(0, i) + letter + name.slice(i + 1)
          const check = checkTypedAnswer(typed, motegi)
          expect(check.correct).toBe(true)
          expect(check.typos?.count ?? 0).toBe(typed === name ? 0 : 1)
        },
      ),
      { numRuns: 200 },
    )
    expect([4, 7, 8, 15, 16, 40].map(typoAllowance)).toEqual([0, 0, 1, 1, 2, 2])
  })
})

describe('the verdict shows the answer as written', () => {
  it('never shows the item’s machine date as the expected answer, nor a diff of two date layouts', () => {
    const check = checkTypedAnswer('21/12/2025', { ...c5Summit, accepted: ['20 December 2025'] })
    expect(check.correct).toBe(false)
    expect(check.closest).not.toBe('2025-12-20')
    expect(check.showDiff).toBe(false)
    expect(checkTypedAnswer('21/12/2025', c5Summit).showDiff).toBe(false) // 21-12-2025 against 2025-12-20 would read "2025-12-2025"
    expect(checkTypedAnswer('2025年12月21日', c5Summit).showDiff).toBe(true) // same layout: the diff points at the day
  })

  it('shows no diff against an unrelated name', () => {
    expect(checkTypedAnswer('Kishida Fumio', motegi).showDiff).toBe(false)
  })

  it('a typed card’s verdict carries the answer as the card writes it, and an empty diff where it would be noise', () => {
    const item = {
      id: 'c5-date',
      kind: 'typed',
      ...c5Summit,
      prompt: { en: 'When?', zh: '何时？' },
      explanation: { en: '.', zh: '。' },
      tags: [],
      sources: [],
    } as unknown as KindItem
    const question = buildQuestion(item, [], 'seed')
    const verdict = gradeResponse(item, question, '21/12/2025')
    expect(verdict.detail).toMatchObject({
      kind: 'typed',
      expected: { en: 'Around 20 December 2025', zh: '2025 年 12 月 20 日前后' },
      diff: [],
    })
  })
})
