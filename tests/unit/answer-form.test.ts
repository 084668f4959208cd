/**
 * A quiz's flip card asked as a choice draws its wrong options from the comparable answers most alike in form
 * (app/domain/answer-form.ts), so fewer options give the answer away by their form. Measured on the real banks
 * with form-only guessers (a test-wise learner's tricks), against wrong options drawn from all comparable answers.
 */
import { describe, expect, it, vi } from 'vitest'
import { alikeAnswerCount, alikeInForm, ALIKE_POOL, formDistance } from '~/domain/answer-form'
import type { ContentItem } from '~/domain/content/schema'
import { buildQuestion } from '~/domain/questions'
import { asQuizItem } from '~/domain/quiz'
import { loadContentFromDisk } from '~/utils/content-files.server'

const text = (en: string, zh: string) => ({ en, zh })
const sibling = (id: string, en: string, zh: string) => ({ id, answer: text(en, zh) })

describe('alikeInForm', () => {
  const siblings = [
    sibling('a', 'The government announced it would invest heavily abroad', '政府宣布将大举对外投资'),
    sibling('b', '2019', '2019年'),
    sibling('c', 'Prime Minister Ishiba Shigeru', '石破茂首相'),
    sibling('d', '2021', '2021年'),
    sibling('e', 'October 2024', '2024年10月'),
    sibling('f', '2018', '2018年'),
    sibling('g', 'A meeting of foreign ministers in Canada', '在加拿大举行的外长会议'),
    sibling('h', '2022', '2022年'),
    sibling('i', '1997', '1997年'),
  ]

  it('keeps the answers closest in form, in their given order', () => {
    const kept = alikeInForm(text('2023', '2023年'), siblings)
    expect(kept).toHaveLength(ALIKE_POOL)
    expect(kept.map((s) => s.id)).toEqual(['b', 'd', 'f', 'h', 'i'])
  })

  it('never keeps the answer itself or a repeated answer, and keeps all when there are few', () => {
    const few = [
      sibling('a', '2023', '2023年'),
      sibling('b', '2019', '2019年'),
      sibling('c', '2019 ', '2019年'),
      sibling('d', 'Five', '五个'),
    ]
    expect(alikeInForm(text('2023', '2023年'), few).map((s) => s.id)).toEqual(['b', 'd'])
  })

  it('counts and draws only answers alike enough, but never fewer than the options wanted', () => {
    const sentences = [
      sibling('s1', 'The ministers met again in Tokyo after the summit', '部长们在峰会后于东京再次会面'),
      sibling('s2', 'The prime minister spoke first at the opening session', '首相在开幕会议上首先发言'),
      sibling('s3', 'Both sides agreed to strengthen their economic cooperation', '双方同意加强经济合作'),
      sibling('y1', '2019', '2019年'),
    ]
    const five = text('Five', '五个')
    expect(alikeAnswerCount(five, sentences)).toBe(0)
    expect(alikeInForm(five, sentences)).toHaveLength(3)
    const year = text('2023', '2023年')
    expect(alikeAnswerCount(year, sentences)).toBe(1)
    expect(alikeInForm(year, sentences).map((s) => s.id)).toContain('y1')
  })

  it('weighs the kind of answer (a count, a date) above its length', () => {
    const count = text('Five', '五个')
    expect(formDistance(count, text('Eight', '八个'))).toBeLessThan(formDistance(count, text('Japan', '日本')))
    const date = text('May 2025', '2025年5月')
    expect(formDistance(date, text('27 October 2025', '2025年10月27日'))).toBeLessThan(formDistance(date, text('Tokyo Bay', '东京湾')))
  })
})

// Tens of thousands of questions: more than the default 5 s on a busy shared machine.
vi.setConfig({ testTimeout: 120_000 })

/**
 * Guessers that see only the options' form: a test-wise learner's tricks. Each returns the option it picks, or -1
 * when its trick does not apply (no option stands out that way).
 */
type Guesser = (options: ReadonlyArray<{ en: string }>) => number
const oddOneOut =
  (has: (en: string) => boolean): Guesser =>
  (options) => {
    const marks = options.map((o) => has(o.en))
    const count = marks.filter(Boolean).length
    return count === 1 ? marks.indexOf(true) : count === options.length - 1 ? marks.indexOf(false) : -1
  }
const GUESSERS: Record<string, Guesser> = {
  longest: (options) => options.reduce((best, o, i) => (o.en.length > options[best]!.en.length ? i : best), 0),
  onlyWithDigits: oddOneOut((en) => /\d/.test(en)),
  onlyDate: oddOneOut((en) =>
    /\b(?:19|20)\d\d\b|January|February|March|April|May|June|July|August|September|October|November|December/.test(en),
  ),
  onlyLong: oddOneOut((en) => en.split(/\s+/).length > 6),
}

describe('on the real banks, a form-only guesser gains nothing from alike options', () => {
  const { bundle } = loadContentFromDisk()
  const items = bundle.items as Array<ContentItem & { file: string }>
  const comparable = (item: ContentItem & { file: string }) =>
    items
      .filter((s) => s.file === item.file && s.category === item.category && s.id !== item.id)
      .map((s) => ({ id: s.id, answer: s.answer }))
  const distinctCount = (item: ContentItem & { file: string }) =>
    new Set(
      comparable(item)
        .map((s) => s.answer.en.trim().toLowerCase())
        .filter((a) => a !== item.answer.en.trim().toLowerCase()),
    ).size
  // Before: flip cards with three distinct comparable answers, drawn at random. Now: three alike in form, drawn alike.
  const before = items.filter((item) => item.kind === 'flip' && distinctCount(item) >= 3)
  const now = items.filter((item) => item.kind === 'flip' && alikeAnswerCount(item.answer, comparable(item)) >= 3)

  /**
   * For each guesser, the score of a learner who uses its trick where it applies and guesses blindly elsewhere
   * (chance: 0.25).
   */
  function hitRates(alike: boolean): Record<string, number> {
    const hits = Object.fromEntries(Object.keys(GUESSERS).map((g) => [g, 0]))
    const guesses = Object.fromEntries(Object.keys(GUESSERS).map((g) => [g, 0]))
    let questions = 0
    for (const item of alike ? now : before) {
      const siblings = comparable(item)
      for (let s = 0; s < 100; s++) {
        const question = buildQuestion(
          asQuizItem(item, 'choice'),
          alike ? alikeInForm(item.answer, siblings) : siblings,
          `attempt-${s}:${item.id}`,
        )
        if (question.kind !== 'choice') throw new Error('expected a choice')
        const right = question.options.findIndex((o) => o.en === item.answer.en)
        for (const [name, guess] of Object.entries(GUESSERS)) {
          const picked = guess(question.options)
          if (picked < 0) continue
          guesses[name]!++
          if (picked === right) hits[name]!++
        }
        questions++
      }
    }
    // Where a trick applies, the learner follows it if its pick is right more often than chance, else picks among the rest.
    const score = (name: string) => {
      const applied = guesses[name]!
      const p = hits[name]! / Math.max(1, applied)
      return (applied * Math.max(p, (1 - p) / 3) + 0.25 * (questions - applied)) / questions
    }
    return Object.fromEntries(Object.keys(GUESSERS).map((name) => [name, score(name)]))
  }

  it('the longest option tells less, no trick tells notably more, and all together they tell less', () => {
    // A few cards leave quizzes: those with fewer than three comparable answers alike in form.
    expect(now.length).toBeGreaterThan(before.length * 0.9)
    const random = hitRates(false)
    const alike = hitRates(true)
    console.log('form-only guessers, share right (chance 0.25):', { random, alike })
    // The length tell (authored answers run longer than others) shrinks by a good part of its excess over chance.
    expect(alike.longest!).toBeLessThanOrEqual(random.longest! - 0.02)
    // An answer that is the only date or number of its source and category still stands out: a point or so more.
    for (const name of Object.keys(GUESSERS)) expect(alike[name], name).toBeLessThanOrEqual(random[name]! + 0.015)
    const excess = (rates: Record<string, number>) => Object.values(rates).reduce((sum, r) => sum + (r - 0.25), 0)
    expect(excess(alike)).toBeLessThan(excess(random))
  })
})
