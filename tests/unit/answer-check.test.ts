import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkTypedAnswer, normalizeAnswer, type AnswerCheck, type CheckableItem, type DiffPart } from '~/domain/answer-check'

// Items as they stand in content/banks/*.yaml (only the fields the checker reads).
const motegi: CheckableItem = {
  category: 'actor',
  answer: { en: 'Motegi Toshimitsu', zh: '茂木敏充' },
  accepted: ['Motegi Toshimitsu', 'Toshimitsu Motegi', 'Motegi', '茂木敏充', '茂木'],
}
const takaichi: CheckableItem = {
  category: 'actor',
  answer: { en: 'Prime Minister Takaichi Sanae', zh: '高市早苗首相' },
  accepted: ['Takaichi Sanae', 'Sanae Takaichi', 'Takaichi', '高市早苗', '高市'],
}
const luYaodong: CheckableItem = {
  category: 'actor',
  answer: { en: 'Lü Yaodong', zh: '吕耀东' },
  accepted: ['吕耀东', 'Lü Yaodong', 'Lu Yaodong', 'Lyu Yaodong', 'Yaodong Lü', 'Yaodong Lu'],
}
const xiJinping: CheckableItem = {
  category: 'actor',
  answer: { en: 'Chinese President Xi Jinping', zh: '中国国家主席习近平' },
  accepted: ['Xi Jinping', 'Xi', '习近平'],
}
const hashimotoCabinet: CheckableItem = {
  category: 'actor',
  answer: { en: 'The Hashimoto cabinet (in 1997)', zh: '桥本内阁（1997 年）' },
  accepted: ['桥本内阁', 'Hashimoto cabinet', 'Hashimoto', '桥本', '橋本'],
}
const victorCha: CheckableItem = {
  category: 'actor',
  answer: { en: 'Victor D. Cha', zh: '维克多·查（Victor D. Cha）' },
  accepted: ['Victor Cha', 'Victor D. Cha', 'Cha', '维克多·查', '查'],
}
const takaichiStart: CheckableItem = {
  category: 'date',
  answer: { en: '21 October 2025', zh: '2025 年 10 月 21 日' },
  accepted: ['2025-10-21', 'October 21, 2025', '21 Oct 2025', '2025年10月21日', '10月21日'],
  date: '2025-10-21',
}
const motegiBorn: CheckableItem = {
  category: 'date',
  answer: { en: '1955', zh: '1955 年' },
  accepted: ['1955', '1955年'],
  date: '1955',
}
const quadRestart: CheckableItem = {
  category: 'date',
  answer: { en: 'November 2017', zh: '2017 年 11 月' },
  accepted: ['2017-11', 'November 2017', 'Nov 2017', '2017年11月'],
  date: '2017-11',
}
const gcapStatement: CheckableItem = {
  category: 'date',
  answer: {
    en: "December 2022 (a footnote cites the joint leaders' statement on the Global Combat Air Programme dated 9 December 2022)",
    zh: '2022 年 12 月（脚注引用的全球空中作战计划共同首脑声明日期为 2022 年 12 月 9 日）',
  },
  accepted: ['2022-12', 'December 2022', 'Dec 2022', '2022年12月', '2022-12-09', '9 December 2022', 'December 9, 2022', '2022年12月9日'],
  date: '2022-12',
}
const aseanSummits: CheckableItem = {
  category: 'date',
  answer: { en: '26–27 October 2025', zh: '2025 年 10 月 26 日至 27 日' },
  accepted: [
    '2025-10-26/2025-10-27',
    '26–27 October 2025',
    '26-27 October 2025',
    'October 26–27, 2025',
    'October 26-27, 2025',
    '2025年10月26日至27日',
    '10月26日至27日',
  ],
  date: '2025-10-26/2025-10-27',
}
const motegiFirstTerm: CheckableItem = {
  category: 'date',
  answer: { en: '2019 to 2021', zh: '2019 年至 2021 年' },
  accepted: ['2019/2021', '2019–2021', '2019-2021', '2019 to 2021', '2019—2021年', '2019年至2021年'],
  date: '2019/2021',
}
const gaikoIssue: CheckableItem = {
  category: 'date',
  answer: { en: 'Vol. 95, January/February 2026 (pp. 6–13)', zh: '第 95 卷，2026 年 1—2 月号（第 6—13 页）' },
  accepted: ['2026-01/2026-02', 'January/February 2026', 'Jan./Feb. 2026', '2026年1—2月号', '2026年1-2月号', 'Vol. 95'],
  date: '2026-01/2026-02',
}
const aseanVenue: CheckableItem = {
  category: 'event',
  answer: { en: 'Kuala Lumpur, Malaysia', zh: '马来西亚吉隆坡' },
  accepted: ['Kuala Lumpur', 'Kuala Lumpur, Malaysia', '吉隆坡', '马来西亚吉隆坡'],
  date: '2025-10-26/2025-10-27',
}
const eightyTrillionYen: CheckableItem = {
  category: 'number',
  answer: { en: 'About 80 trillion yen', zh: '约 80 万亿日元' },
  accepted: ['80万亿日元', '80兆日元', '80 trillion yen', '¥80 trillion', '80万亿', '80兆'],
}
const fiveHundredFiftyBillion: CheckableItem = {
  category: 'number',
  answer: { en: '$550 billion', zh: '5500 亿美元' },
  accepted: ['5500亿美元', '$550 billion', '550 billion dollars', 'US$550 billion', '550 billion', '5500亿'],
}
const natoFivePercent: CheckableItem = {
  category: 'number',
  answer: { en: '5% of GDP', zh: 'GDP 的 5%' },
  accepted: ['5%', '5 percent', '5 per cent', '百分之五'],
}
const coreDefence: CheckableItem = {
  category: 'number',
  answer: { en: '3.5% core defence spending and 1.5% supporting spending', zh: '3.5% 为核心防卫预算，1.5% 为辅助性支持' },
  accepted: ['3.5%', '3.5% and 1.5%', '3.5 percent', '百分之三点五'],
}
const lessThanTwoMonths: CheckableItem = {
  category: 'number',
  answer: { en: 'Less than two months', zh: '尚不足两个月' },
  accepted: ['less than two months', 'under two months', '不足两个月', '2个月', 'two months'],
}
const protesters: CheckableItem = {
  category: 'number',
  answer: { en: 'More than 300', zh: '超过 300 名' },
  accepted: ['300', 'more than 300', 'over 300', '超过300名', '300多人', '300多'],
}
const fourMillionViews: CheckableItem = {
  category: 'number',
  answer: { en: 'Over four million times', zh: '超过 400 万次' },
  accepted: ['over four million', 'more than four million', '4 million', 'four million', '4,000,000', '400万', '400万次', '四百万'],
}
const millionViews: CheckableItem = {
  category: 'number',
  answer: { en: 'More than a million views', zh: '超过百万' },
  accepted: ['more than a million', 'over a million', '1 million', 'one million', '1,000,000', '100万', '百万', '超过百万'],
}
const dietSession: CheckableItem = {
  category: 'number',
  answer: { en: 'The 205th session', zh: '第 205 届（第二百五回国会）' },
  accepted: ['205', '205th', '第205届', '第二百五回', '第205回'],
}
const centralAsianStates: CheckableItem = {
  category: 'number',
  answer: { en: 'Five', zh: '五个（中亚五国）' },
  accepted: ['5', 'five', '五', '五国', '5国'],
}
const moreThanAYear: CheckableItem = {
  category: 'number',
  answer: { en: 'More than a year', zh: '一年多' },
  accepted: ['more than a year', 'over a year', '一年多', '1年多'],
}
const reciprocityFraming: CheckableItem = {
  category: 'framing',
  answer: {
    en: 'Japanese side (Motegi): a “win-win” for both Japan and the U.S., to be secured by implementing the agreement. / Chinese side (Hua Haonan): mostly a unilateral concession by Japan, lacking substantive reciprocity.',
    zh: '日方（茂木）：日美“双赢”，要通过落实协议来实现；中方（华浩男评论）：更多是日方的单方面让步，缺乏实质性互惠。',
  },
  accepted: [],
}

const allItems = [
  motegi,
  takaichi,
  luYaodong,
  xiJinping,
  hashimotoCabinet,
  victorCha,
  takaichiStart,
  motegiBorn,
  quadRestart,
  gcapStatement,
  aseanSummits,
  motegiFirstTerm,
  gaikoIssue,
  aseanVenue,
  eightyTrillionYen,
  fiveHundredFiftyBillion,
  natoFivePercent,
  coreDefence,
  lessThanTwoMonths,
  protesters,
  fourMillionViews,
  millionViews,
  dietSession,
  centralAsianStates,
  moreThanAYear,
  reciprocityFraming,
]

function textOf(parts: readonly DiffPart[], kinds: readonly DiffPart['kind'][]): string {
  return parts
    .filter((p) => kinds.includes(p.kind))
    .map((p) => p.text)
    .join('')
}

function expectRight(typed: string, item: CheckableItem): AnswerCheck {
  const check = checkTypedAnswer(typed, item)
  expect(check, `"${typed}" should be right`).toMatchObject({ correct: true, suggestedRating: 3 })
  expect(check.matched).toBe(check.closest)
  return check
}

function expectWrong(typed: string, item: CheckableItem): AnswerCheck {
  const check = checkTypedAnswer(typed, item)
  expect(check, `"${typed}" should be wrong`).toMatchObject({ correct: false, suggestedRating: 1 })
  expect(check.matched).toBeUndefined()
  return check
}

describe('normalizeAnswer', () => {
  it('ignores width, case, spacing and the punctuation of both scripts', () => {
    expect(normalizeAnswer('ＭＯＴＥＧＩ　Ｔｏｓｈｉｍｉｔｓｕ')).toBe('motegitoshimitsu')
    expect(normalizeAnswer('  “Motegi, Toshimitsu!” ')).toBe('motegitoshimitsu')
    expect(normalizeAnswer('《读卖新闻》')).toBe('读卖新闻')
    expect(normalizeAnswer('斯科特·贝森特')).toBe('斯科特贝森特')
    expect(normalizeAnswer('「令和新選組」。')).toBe('令和新选组')
    expect(normalizeAnswer('Okonjo-Iweala')).toBe('okonjoiweala')
  })

  it('treats Traditional and Simplified characters as the same (c5-actor-hashimoto-cabinet lists both 橋本 and 桥本)', () => {
    expect(normalizeAnswer('橋本')).toBe(normalizeAnswer('桥本'))
    expect(normalizeAnswer('橋本內閣')).toBe('桥本内阁')
  })

  it('drops accents a learner may not type (c5-actor-lu-yaodong: Lü / Lu)', () => {
    expect(normalizeAnswer('Lü Yaodong')).toBe(normalizeAnswer('Lu Yaodong'))
  })

  it('keeps a decimal point and a range dash between digits, so 3.5 is not 35 and 50–70 is not 5070', () => {
    expect(normalizeAnswer('3.5%')).toBe('3.5')
    expect(normalizeAnswer('3.5%')).not.toBe(normalizeAnswer('35%'))
    expect(normalizeAnswer('50%~70%')).toBe('50-70')
    expect(normalizeAnswer('50–70%')).toBe(normalizeAnswer('50-70%'))
    expect(normalizeAnswer('50-70%')).not.toBe(normalizeAnswer('5070'))
    expect(normalizeAnswer('2025/10/21')).toBe(normalizeAnswer('2025-10-21'))
    expect(normalizeAnswer('1,000,000')).toBe('1000000')
  })
})

// Generators for property tests: realistic answer text — letters, digits, accented Latin, CJK from real
// names (Traditional and Simplified), and the punctuation and spaces of both scripts.
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüÉÜ'
const digits = '0123456789'
const cjk = '茂木敏充高市早苗橋桥本岸田文雄習习近平賴赖清德呂吕耀東东華华浩男細细谷雄一船洋讀读賣卖新聞闻產产經经万亿兆日元美'
const punctuation = '。，、；：「」『』（）《》“”‘’·—…!?.,;:\'"()[]-/%$¥+~'
const spaces = [' ', '\t', '\u3000', '\u00a0', '\n']
const charsOf = (s: string) => Array.from(s)
const answerText = fc
  .array(fc.constantFrom(...charsOf(letters + digits + cjk + punctuation), ...spaces), { maxLength: 30 })
  .map((cs) => cs.join(''))
const textWithoutDigits = fc
  .array(fc.constantFrom(...charsOf(letters + cjk + punctuation), ...spaces), { maxLength: 30 })
  .map((cs) => cs.join(''))

function insertAt(base: string, insertions: readonly { at: number; text: string }[]): string {
  const chars = Array.from(base)
  for (const { at, text } of insertions) chars.splice(at % (chars.length + 1), 0, text)
  return chars.join('')
}

describe('normalizeAnswer (properties)', () => {
  it('is idempotent on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => normalizeAnswer(normalizeAnswer(s)) === normalizeAnswer(s)),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(answerText, (s) => normalizeAnswer(normalizeAnswer(s)) === normalizeAnswer(s)),
      { numRuns: 300 },
    )
  }, 60_000) // hundreds of generated cases: a correctness check, not a timing one (slow on a loaded machine)

  it('ignores whitespace inserted anywhere (digits included)', () => {
    const insertion = fc.record({ at: fc.nat(), text: fc.constantFrom(...spaces) })
    fc.assert(
      fc.property(answerText, fc.array(insertion, { maxLength: 5 }), (s, ins) => normalizeAnswer(insertAt(s, ins)) === normalizeAnswer(s)),
      { numRuns: 300 },
    )
  })

  it('ignores punctuation inserted anywhere in text without digits (between digits a "." or "-" means something)', () => {
    const insertion = fc.record({ at: fc.nat(), text: fc.constantFrom(...charsOf(punctuation)) })
    fc.assert(
      fc.property(
        textWithoutDigits,
        fc.array(insertion, { maxLength: 5 }),
        (s, ins) => normalizeAnswer(insertAt(s, ins)) === normalizeAnswer(s),
      ),
      { numRuns: 300 },
    )
  })

  it('ignores case', () => {
    fc.assert(
      fc.property(answerText, (s) => normalizeAnswer(s.toUpperCase()) === normalizeAnswer(s.toLowerCase())),
      { numRuns: 300 },
    )
  })

  it('ignores full-width forms of ASCII', () => {
    const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000')
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...charsOf(' !"#$%&()*+,-./0123456789:;<=>?@ABCXYZabcxyz[]^_`{|}~')) }),
        (s) => normalizeAnswer(toFullWidth(s)) === normalizeAnswer(s),
      ),
      { numRuns: 300 },
    )
  })

  it('treats Traditional and Simplified forms of real names from the banks as equal, however decorated', () => {
    const pairs: [string, string][] = [
      ['橋本', '桥本'], // c5-actor-hashimoto-cabinet
      ['令和新選組', '令和新选组'], // c5-actor-reiwa-shinsengumi
      ['船橋洋一', '船桥洋一'], // yh-actor-funabashi-yoichi
      ['習近平', '习近平'], // mh-actor-xi-jinping
      ['賴清德', '赖清德'], // yh-actor-lai-ching-te
      ['呂耀東', '吕耀东'], // c5-actor-lu-yaodong
      ['華浩男', '华浩男'], // hh-actor-hua-haonan
      ['細谷雄一', '细谷雄一'], // mh-actor-hosoya
      ['尹錫悅', '尹锡悦'], // yh-actor-yoon-government
      ['麥肯錫', '麦肯锡'], // mh-actor-mckinsey
      ['讀賣新聞', '读卖新闻'], // hh-actor-yomiuri-hidden-protagonist
      ['產經新聞', '产经新闻'], // hh-actor-sankei-photo-caption
      ['馬可·魯比奧', '马可·鲁比奥'], // mh-actor-rubio
      ['日本氣象廳', '日本气象厅'], // c5-actor-japan-meteorological-agency
    ]
    const decoration = fc.constantFrom('', ' ', '　', '「', '」', '《', '》', '·', '。', '，')
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        decoration,
        decoration,
        ([traditional, simplified], before, after) => normalizeAnswer(before + traditional + after) === normalizeAnswer(simplified),
      ),
      { numRuns: 200 },
    )
  })
})

describe('checkTypedAnswer: names (actor items)', () => {
  it('mh-actor-motegi: accepts every accepted form, whatever the width, case and spacing', () => {
    for (const typed of [
      'Motegi Toshimitsu',
      'toshimitsu motegi',
      'MOTEGI',
      '茂木敏充',
      '茂木',
      'ＭＯＴＥＧＩ　ＴＯＳＨＩＭＩＴＳＵ',
      ' Motegi,Toshimitsu ',
    ]) {
      expectRight(typed, motegi)
    }
    expect(checkTypedAnswer('toshimitsu motegi', motegi).matched).toBe('Toshimitsu Motegi')
  })

  it('mh-actor-xi-jinping: a two-word romanised name matches in either order, though only one order is listed', () => {
    expect(xiJinping.accepted).not.toContain('Jinping Xi')
    expectRight('Jinping Xi', xiJinping)
    expectRight('習近平', xiJinping) // Traditional
  })

  it('c5-actor-lu-yaodong: the reversed order of a listed romanisation, and the name without its umlaut', () => {
    expect(luYaodong.accepted).not.toContain('Yaodong Lyu')
    expectRight('Yaodong Lyu', luYaodong)
    expectRight('Lu Yaodong', luYaodong)
    expectRight('呂耀東', luYaodong)
  })

  it('c5-actor-hashimoto-cabinet: a Traditional form typed for a Simplified one', () => {
    expectRight('橋本內閣', hashimotoCabinet)
    expect(checkTypedAnswer('橋本內閣', hashimotoCabinet).matched).toBe('桥本内阁')
  })

  it('mh-actor-takaichi: the answer texts themselves are right, with their own punctuation or without', () => {
    expect(checkTypedAnswer('Prime Minister Takaichi Sanae', takaichi).matched).toBe('Prime Minister Takaichi Sanae')
    expectRight('高市早苗首相。', takaichi)
    expectRight('sanae takaichi', takaichi)
  })

  it('yh-actor-victor-cha-traditional-security: longer names are not reordered', () => {
    expectRight('Victor D. Cha', victorCha)
    expectWrong('Cha D. Victor', victorCha)
  })

  it('mh-actor-motegi: another person is wrong, and the diff shows what differed from the nearest form', () => {
    const check = expectWrong('Kishida Fumio', motegi)
    expect(textOf(check.diff, ['same', 'extra'])).toBe('kishidafumio')
    expect(textOf(check.diff, ['same', 'missing'])).toBe(normalizeAnswer(check.closest))
    expect(check.diff.some((p) => p.kind === 'extra')).toBe(true)
    expect(check.diff.some((p) => p.kind === 'missing')).toBe(true)
  })

  it('mh-actor-motegi: a misspelling beyond the tolerance shows the missing and extra characters against the name it resembles', () => {
    const check = expectWrong('Motegi Tashimitzo', motegi)
    expect(check.closest).toBe('Motegi Toshimitsu')
    expect(check.showDiff).toBe(true)
    expect(check.diff).toEqual([
      { kind: 'same', text: 'motegit' },
      { kind: 'extra', text: 'a' },
      { kind: 'missing', text: 'o' },
      { kind: 'same', text: 'shimit' },
      { kind: 'extra', text: 'zo' },
      { kind: 'missing', text: 'su' },
    ])
  })

  it('mh-actor-motegi: an empty or punctuation-only answer is wrong and everything is missing', () => {
    for (const typed of ['', '   ', '。，']) {
      const check = expectWrong(typed, motegi)
      expect(check.diff).toEqual([{ kind: 'missing', text: normalizeAnswer(check.closest) }])
    }
  })
})

describe('checkTypedAnswer: dates', () => {
  it('mh-date-takaichi-administration-start: the same day in other formats', () => {
    for (const typed of [
      '2025/10/21',
      '21st October 2025',
      'Oct. 21 2025',
      'october 21 2025',
      '2025年10月21号',
      '２０２５年１０月２１日',
      'on 21 October 2025',
      '2025.10.21',
    ]) {
      expectRight(typed, takaichiStart)
    }
  })

  it('mh-date-takaichi-administration-start: the matched form is the accepted form nearest to what was typed', () => {
    expect(checkTypedAnswer('2025年10月21号', takaichiStart).matched).toBe('2025年10月21日')
    expect(checkTypedAnswer('Oct. 21 2025', takaichiStart).matched).toBe('October 21, 2025')
  })

  it('mh-date-takaichi-administration-start: wrong day, wrong year, and a month where the day is asked are wrong', () => {
    expectWrong('2025-10-22', takaichiStart)
    expectWrong('22 October 2025', takaichiStart)
    expectWrong('2024年10月21日', takaichiStart)
    expectWrong('October 2025', takaichiStart)
    expectWrong('2025', takaichiStart)
    expectWrong('10月22日', takaichiStart)
  })

  it('mh-date-takaichi-administration-start: the diff of a wrong day points at the day', () => {
    const check = expectWrong('2025年10月22日', takaichiStart)
    expect(check.closest).toBe('2025年10月21日')
    expect(check.diff).toEqual([
      { kind: 'same', text: '2025年10月2' },
      { kind: 'extra', text: '2' },
      { kind: 'missing', text: '1' },
      { kind: 'same', text: '日' },
    ])
  })

  it('mh-date-takaichi-administration-start: a year-less day counts, in any format, only when the item lists a year-less form', () => {
    expectRight('10月21日', takaichiStart) // listed
    expectRight('October 21', takaichiStart) // the same year-less day, written another way
    expectRight('21 Oct', takaichiStart)
    expectWrong('October 22', takaichiStart)
    expectWrong('9 December', gcapStatement) // no year-less form listed: the year is part of the answer
  })

  it('mh-date-motegi-born: a year item accepts the year in any form, and extra detail that agrees with it', () => {
    expectRight('1955年', motegiBorn)
    expectRight('in 1955', motegiBorn)
    expectRight('1955年6月', motegiBorn) // the source gives only the year; the month can be neither confirmed nor refuted
    expectWrong('1956', motegiBorn)
    expectWrong('1956年6月', motegiBorn)
  })

  it('yh-date-quad-restart: a month item accepts the month, and a year alone is not enough', () => {
    expectRight('2017.11', quadRestart)
    expectRight('2017年11月份', quadRestart)
    expectRight('Nov. 2017', quadRestart)
    expectRight('2017-11-12', quadRestart)
    expectWrong('2017-10', quadRestart)
    expectWrong('November 2018', quadRestart)
    expectWrong('2017', quadRestart)
  })

  it('yh-date-gcap-joint-statement: when an accepted form pins the day, only that day is right', () => {
    expectRight('9 Dec 2022', gcapStatement)
    expectRight('2022年12月9号', gcapStatement)
    expectRight('Dec. 2022', gcapStatement)
    expectWrong('2022-12-25', gcapStatement)
  })

  it('mh-date-asean-summits-kuala-lumpur: a range in other formats is right', () => {
    for (const typed of [
      '2025-10-26/27',
      '26 to 27 October 2025',
      'Oct 26-27 2025',
      '2025年10月26日-27日',
      '2025年10月26日到10月27日',
      '26 October – 27 October 2025',
    ]) {
      expectRight(typed, aseanSummits)
    }
  })

  it('mh-date-asean-summits-kuala-lumpur: either end alone, or a different span, is wrong', () => {
    expectWrong('26 October 2025', aseanSummits)
    expectWrong('2025-10-27', aseanSummits)
    expectWrong('26–28 October 2025', aseanSummits)
    expectWrong('October 2025', aseanSummits)
  })

  it('mh-date-motegi-first-term-as-foreign-minister: a span of years', () => {
    expectRight('from 2019 to 2021', motegiFirstTerm)
    expectRight('2019年-2021年', motegiFirstTerm)
    expectWrong('2019', motegiFirstTerm)
    expectWrong('2019-2022', motegiFirstTerm)
  })

  it('mh-date-gaiko-issue: a span of months', () => {
    expectRight('2026年1月至2月', gaikoIssue)
    expectRight('January – February 2026', gaikoIssue)
    expectWrong('January 2026', gaikoIssue)
  })

  it('mh-event-asean-summits-venue: an event item’s date is not its answer', () => {
    expectRight('Kuala Lumpur', aseanVenue)
    expectWrong('26–27 October 2025', aseanVenue)
    expectWrong('2025-10-26/2025-10-27', aseanVenue)
  })
})

describe('checkTypedAnswer: numbers', () => {
  it('c5-number-yamamoto-80-trillion-yen: 兆, 万亿 and trillion are the same scale, with any way of writing yen', () => {
    for (const typed of ['80兆円', '８０兆日元', '80萬億日圓', 'eighty trillion yen', '80 trillion JPY', '80.0兆日元', '约80万亿日元']) {
      expectRight(typed, eightyTrillionYen)
    }
  })

  it('c5-number-yamamoto-80-trillion-yen: the number without its unit is right — all the item’s forms are in yen', () => {
    expectRight('八十万亿', eightyTrillionYen)
    expectRight('80,000,000,000,000', eightyTrillionYen)
  })

  it('c5-number-yamamoto-80-trillion-yen: the wrong scale, a wrong number or another currency is wrong', () => {
    expectWrong('80亿', eightyTrillionYen)
    expectWrong('80亿日元', eightyTrillionYen)
    expectWrong('80 billion yen', eightyTrillionYen)
    expectWrong('8兆日元', eightyTrillionYen)
    expectWrong('80', eightyTrillionYen)
    expectWrong('80 trillion dollars', eightyTrillionYen)
    expectWrong('$80 trillion', eightyTrillionYen)
  })

  it('c5-number-yamamoto-80-trillion-yen: the diff of the wrong scale shows the missing 万', () => {
    const check = expectWrong('80亿日元', eightyTrillionYen)
    expect(check.closest).toBe('80万亿日元')
    expect(check.diff).toEqual([
      { kind: 'same', text: '80' },
      { kind: 'missing', text: '万' },
      { kind: 'same', text: '亿日元' },
    ])
  })

  it('hh-number-investment-550-billion-dollars: 5500亿美元 = $550 billion = 550 billion dollars, however written', () => {
    for (const typed of [
      '$550bn',
      '5500億美元',
      '550,000,000,000 dollars',
      '0.55 trillion USD',
      'five hundred and fifty billion dollars',
      'US$ 550 billion',
    ]) {
      expectRight(typed, fiveHundredFiftyBillion)
    }
  })

  it('hh-number-investment-550-billion-dollars: another currency or scale is wrong', () => {
    expectWrong('550 billion yen', fiveHundredFiftyBillion)
    expectWrong('5500亿日元', fiveHundredFiftyBillion)
    expectWrong('$55 billion', fiveHundredFiftyBillion)
    expectWrong('5500万美元', fiveHundredFiftyBillion)
  })

  it('hh-number-nato-standard-5-percent: 5% = 百分之五 = 5 percent; the bare number is accepted', () => {
    for (const typed of ['５％', '5.0%', '5 pct', '百分之五', '5']) expectRight(typed, natoFivePercent)
    expectWrong('50%', natoFivePercent)
    expectWrong('0.5%', natoFivePercent)
    expectWrong('5 people', natoFivePercent)
  })

  it('hh-number-core-defence-3-5-percent: the decimal point matters', () => {
    expectRight('3.50%', coreDefence)
    expectRight('3.5 per cent', coreDefence)
    const check = expectWrong('35%', coreDefence)
    expect(check.closest).toBe('3.5%')
    expect(check.diff).toEqual([
      { kind: 'same', text: '3' },
      { kind: 'missing', text: '.' },
      { kind: 'same', text: '5' },
    ])
  })

  it('c5-number-takaichi-less-than-two-months: "less than" may be left out or reworded, not reversed', () => {
    expectRight('fewer than 2 months', lessThanTwoMonths)
    expectRight('不到两个月', lessThanTwoMonths)
    expectRight('2 months', lessThanTwoMonths)
    expectWrong('more than two months', lessThanTwoMonths)
    expectWrong('three months', lessThanTwoMonths)
  })

  it('hh-number-protesters-300: people, 名 and 人 are one unit; "over" and 多 agree', () => {
    expectRight('over 300 people', protesters)
    expectRight('300多名', protesters)
    expectRight('三百多人', protesters)
    expectWrong('less than 300', protesters)
    expectWrong('301', protesters)
    expectWrong('300 times', protesters)
  })

  it('mh-number-x-video-four-million: Chinese numerals, 万 and English scales agree', () => {
    expectRight('4,000,000 times', fourMillionViews)
    expectRight('四百萬次', fourMillionViews)
    expectRight('4m', fourMillionViews)
    expectWrong('40万次', fourMillionViews)
    expectWrong('four thousand', fourMillionViews)
  })

  it('mh-number-social-media-million-views: "a million" and 一百万', () => {
    expectRight('一百万', millionViews)
    expectRight('a million', millionViews)
    expectWrong('10万', millionViews)
  })

  it('yh-number-205th-diet: 二百零五 is 205; the ambiguous 二百五 (205 in Japanese, 250 in Chinese) is only right as listed', () => {
    expectRight('第二百零五届', dietSession)
    expectRight('the 205th', dietSession)
    expectRight('第二百五回', dietSession) // listed
    expectWrong('二百五', dietSession)
    expectWrong('250', dietSession)
  })

  it('c5-number-central-asian-states-5: a counting word is fine, another unit is not', () => {
    expectRight('5 countries', centralAsianStates)
    expectRight('5个', centralAsianStates)
    expectRight('五個', centralAsianStates)
    expectWrong('5 people', centralAsianStates)
    expectWrong('6', centralAsianStates)
  })

  it('c5-number-gap-more-than-a-year: "a year" is one year', () => {
    expectRight('more than 1 year', moreThanAYear)
    expectRight('一年多', moreThanAYear)
    expectWrong('more than two years', moreThanAYear)
    expectWrong('less than a year', moreThanAYear)
  })

  it('a bare number is not accepted when the item’s forms use two different units (constructed item: no bank item does)', () => {
    const mixed: CheckableItem = { category: 'number', answer: { en: '3 years', zh: '3次' }, accepted: [] }
    expectRight('three years', mixed)
    expectRight('三次', mixed)
    expectWrong('3', mixed)
  })
})

describe('checkTypedAnswer: framing items', () => {
  it('fr-eco-us-deal-reciprocity: right only on the whole answer text, punctuation and spacing aside', () => {
    expectRight(reciprocityFraming.answer.zh.replace(/[，。：；]/g, ' '), reciprocityFraming)
    expectRight(reciprocityFraming.answer.en.toUpperCase(), reciprocityFraming)
    expectWrong('日方（茂木）：日美“双赢”', reciprocityFraming)
    expectWrong('Japan: win-win; China: unilateral concession', reciprocityFraming)
  })
})

describe('checkTypedAnswer (properties)', () => {
  it('never throws on arbitrary unicode, and its diff rebuilds both texts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), answerText), fc.constantFrom(...allItems), (typed, item) => {
        const check = checkTypedAnswer(typed, item)
        expect(check.suggestedRating).toBe(check.correct ? 3 : 1)
        expect(textOf(check.diff, ['same', 'extra'])).toBe(normalizeAnswer(typed))
        expect(textOf(check.diff, ['same', 'missing'])).toBe(normalizeAnswer(check.closest))
        if (check.correct) expect(check.matched).toBe(check.closest)
      }),
      { numRuns: 400 },
    )
  })

  it('stays fast and total on a very long input', () => {
    const long = '茂木'.repeat(3000) + '-'.repeat(3000) + '2025'.repeat(500)
    for (const item of [motegi, takaichiStart, eightyTrillionYen, reciprocityFraming]) {
      expect(checkTypedAnswer(long, item).correct).toBe(false)
    }
  })

  it('every accepted form and answer text of every sample item checks as right against its own item', () => {
    for (const item of allItems) {
      for (const form of [...item.accepted, item.answer.en, item.answer.zh]) {
        expect(checkTypedAnswer(form, item).correct, `${form}`).toBe(true)
      }
    }
  })
})
