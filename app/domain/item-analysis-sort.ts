/** The columns the item-analysis tables sort by, and each row's value in them. Pure: runs in the browser too. */
import type { DiscriminationFlag, ItemStatistics } from './item-analysis'
import type { SortValue } from './table-sort'

interface Checked {
  stats: ItemStatistics
  check: DiscriminationFlag | null
  dubious: boolean
}

/** The parts of an analysed item the tables show. */
export interface AnalysedRow {
  prompt: { en: string; zh: string }
  review: Checked & { lapsesPerReview: number | null; meanSeconds: number | null }
  quiz: Checked
  learnerFlags: number
}

export const quizSortKeys = ['prompt', 'n', 'facility', 'discrimination', 'efficiency', 'check'] as const
export const reviewSortKeys = [...quizSortKeys, 'lapses', 'meanTime', 'learnerFlags'] as const
export type QuizSortKey = (typeof quizSortKeys)[number]
export type ReviewSortKey = (typeof reviewSortKeys)[number]

/**
 * How much an item needs checking, worst highest: "very likely" over "likely" over nothing, and within each a
 * dubious efficiency above a sound one.
 */
export function checkRank(c: { check: DiscriminationFlag | null; dubious: boolean }): number {
  const discrimination = c.check === 'very-likely' ? 2 : c.check === 'likely' ? 1 : 0
  return discrimination * 2 + (c.dubious ? 1 : 0)
}

function checkedValue(c: Checked, key: QuizSortKey): SortValue {
  switch (key) {
    case 'n':
      return c.stats.n
    case 'facility':
      return c.stats.facility
    case 'discrimination':
      return c.stats.discrimination
    case 'efficiency':
      return c.stats.efficiency
    case 'check':
      return checkRank(c)
    case 'prompt':
      return null
  }
}

const promptIn = (row: AnalysedRow, lang: string) => (lang === 'en' ? row.prompt.en : row.prompt.zh)

export function reviewSortValue(row: AnalysedRow, key: ReviewSortKey, lang: string): SortValue {
  switch (key) {
    case 'prompt':
      return promptIn(row, lang)
    case 'lapses':
      return row.review.lapsesPerReview
    case 'meanTime':
      return row.review.meanSeconds
    case 'learnerFlags':
      return row.learnerFlags
    default:
      return checkedValue(row.review, key)
  }
}

export function quizSortValue(row: AnalysedRow, key: QuizSortKey, lang: string): SortValue {
  return key === 'prompt' ? promptIn(row, lang) : checkedValue(row.quiz, key)
}
