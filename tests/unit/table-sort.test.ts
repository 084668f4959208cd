import { describe, expect, it } from 'vitest'
import { checkRank, quizSortValue, reviewSortValue, type AnalysedRow } from '~/domain/item-analysis-sort'
import { readSort, sortHref, sortRows } from '~/domain/table-sort'

const names = { param: 'sort', dirParam: 'dir' }

describe('readSort', () => {
  const keys = ['name', 'n']
  const fallback = { key: 'name', dir: 'asc' } as const
  it('reads a known column and its direction', () => {
    expect(readSort(new URLSearchParams('sort=n&dir=desc'), names, keys, fallback)).toEqual({ key: 'n', dir: 'desc' })
    expect(readSort(new URLSearchParams('sort=n'), names, keys, fallback)).toEqual({ key: 'n', dir: 'asc' })
    expect(readSort(new URLSearchParams('sort=n&dir=sideways'), names, keys, fallback)).toEqual({ key: 'n', dir: 'asc' })
  })
  it('falls back on a missing or unknown column (no property of the row is reachable by name)', () => {
    expect(readSort(new URLSearchParams(''), names, keys, fallback)).toBe(fallback)
    expect(readSort(new URLSearchParams('sort=constructor&dir=desc'), names, keys, fallback)).toBe(fallback)
    expect(readSort(new URLSearchParams('isort=n'), names, keys, fallback)).toBe(fallback)
  })
})

describe('sortRows', () => {
  const rows = [
    { id: 'a', v: 2 as number | null, s: 'b' },
    { id: 'b', v: null, s: 'a' },
    { id: 'c', v: 1, s: 'c' },
    { id: 'd', v: 2, s: 'a' },
    { id: 'e', v: 1, s: 'c' },
  ]
  const ids = (r: typeof rows) => r.map((x) => x.id).join('')
  it('sorts numbers both ways, ties in incoming order both ways, no value last both ways', () => {
    expect(ids(sortRows(rows, (r) => r.v, 'asc', 'en'))).toBe('ceadb')
    expect(ids(sortRows(rows, (r) => r.v, 'desc', 'en'))).toBe('adceb')
  })
  it('sorts text as the locale does and leaves its input alone', () => {
    const copy = [...rows]
    expect(ids(sortRows(rows, (r) => r.s, 'asc', 'en'))).toBe('bdace')
    expect(ids(sortRows(rows, (r) => r.s, 'desc', 'en'))).toBe('ceabd')
    expect(rows).toEqual(copy)
  })
  it('orders Chinese text by its reading in zh-Hans (安 ān before 北 běi before 中 zhōng)', () => {
    const zh = [{ s: '中国' }, { s: '北京' }, { s: '安全' }]
    expect(sortRows(zh, (r) => r.s, 'asc', 'zh-Hans').map((r) => r.s)).toEqual(['安全', '北京', '中国'])
  })
  it('compares numbers in text by value (item 2 before item 10)', () => {
    expect(sortRows([{ s: 'item 10' }, { s: 'item 2' }], (r) => r.s, 'asc', 'en').map((r) => r.s)).toEqual(['item 2', 'item 10'])
  })
})

describe('sortHref', () => {
  it('links a column ascending, flips the active one, keeps the other parameters', () => {
    const search = new URLSearchParams('qsort=n&qdir=desc&picks=x')
    expect(sortHref(search, names, 'n', { key: null, dir: 'asc' })).toBe('?qsort=n&qdir=desc&picks=x&sort=n&dir=asc')
    expect(sortHref(new URLSearchParams('sort=n&dir=asc'), names, 'n', { key: 'n', dir: 'asc' })).toBe('?sort=n&dir=desc')
    expect(sortHref(new URLSearchParams('sort=n&dir=desc'), names, 'n', { key: 'n', dir: 'desc' })).toBe('?sort=n&dir=asc')
    expect(sortHref(new URLSearchParams('sort=n&dir=desc'), names, 'facility', { key: 'n', dir: 'desc' })).toBe('?sort=facility&dir=asc')
  })
})

describe('item analysis columns', () => {
  const stats = { n: 12, facility: 40, discrimination: 25, efficiency: 10 }
  const row: AnalysedRow = {
    prompt: { en: 'Who chaired?', zh: '谁担任主席？' },
    review: { stats, check: 'very-likely', dubious: true, lapsesPerReview: 0.25, meanSeconds: 4.5 },
    quiz: { stats: { n: 3, facility: 100, discrimination: null, efficiency: null }, check: null, dubious: false },
    learnerFlags: 2,
  }
  it('ranks the check column worst first: very likely > likely > none, dubious above sound in each', () => {
    const ranks = [
      checkRank({ check: null, dubious: false }),
      checkRank({ check: null, dubious: true }),
      checkRank({ check: 'likely', dubious: false }),
      checkRank({ check: 'likely', dubious: true }),
      checkRank({ check: 'very-likely', dubious: false }),
      checkRank({ check: 'very-likely', dubious: true }),
    ]
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(new Set(ranks).size).toBe(6)
  })
  it('reads review and quiz figures from their own halves, the prompt in the reader’s language', () => {
    expect(reviewSortValue(row, 'n', 'en')).toBe(12)
    expect(reviewSortValue(row, 'facility', 'en')).toBe(40)
    expect(reviewSortValue(row, 'discrimination', 'en')).toBe(25)
    expect(reviewSortValue(row, 'efficiency', 'en')).toBe(10)
    expect(reviewSortValue(row, 'check', 'en')).toBe(5)
    expect(reviewSortValue(row, 'lapses', 'en')).toBe(0.25)
    expect(reviewSortValue(row, 'meanTime', 'en')).toBe(4.5)
    expect(reviewSortValue(row, 'learnerFlags', 'en')).toBe(2)
    expect(reviewSortValue(row, 'prompt', 'zh-Hans')).toBe('谁担任主席？')
    expect(quizSortValue(row, 'n', 'en')).toBe(3)
    expect(quizSortValue(row, 'facility', 'en')).toBe(100)
    expect(quizSortValue(row, 'discrimination', 'en')).toBeNull()
    expect(quizSortValue(row, 'check', 'en')).toBe(0)
    expect(quizSortValue(row, 'prompt', 'en')).toBe('Who chaired?')
  })
})
