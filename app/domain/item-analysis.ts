/**
 * Item analysis with Moodle's definitions (docs.moodle.org "Quiz statistics calculations"), on a matrix of
 * tests (a quiz attempt, or one student's first answers) × items, each cell a mark in [0, 1] or absent:
 * - facility index: the mean mark ×100;
 * - discrimination index: the correlation of the item's mark with the rest of the test ×100;
 * - discriminative efficiency: the item's covariance with the rest of the test over the largest covariance
 *   those two sets of marks could have (both sorted), ×100.
 * The rest of the test is the mean of the test's other marks: tests of different lengths (a student answers
 * some items, a learner picks the quiz length) stay comparable; for equal lengths it is Moodle's sum up to a
 * constant factor, which a correlation ignores. Pure: runs in the browser too.
 */

export interface ItemStatistics {
  /** Tests that contain the item. */
  n: number
  /** Mean mark ×100; null without answers. */
  facility: number | null
  /** ×100; null when the item's or the rest's marks do not vary. */
  discrimination: number | null
  /** ×100; null when no covariance is possible. */
  efficiency: number | null
}

export type DiscriminationFlag = 'very-likely' | 'likely'

/** Moodle's thresholds: discrimination below 30 very likely needs checking, 30–50 likely; efficiency below 15 is dubious. */
export function itemFlags(stats: ItemStatistics): { check: DiscriminationFlag | null; dubious: boolean } {
  const d = stats.discrimination
  return {
    check: d === null ? null : d < 30 ? 'very-likely' : d < 50 ? 'likely' : null,
    dubious: stats.efficiency !== null && stats.efficiency < 15,
  }
}

/** One test: its marks by item. */
export type TestMarks = ReadonlyMap<string, number>

export function itemStatistics(tests: readonly TestMarks[], itemIds: readonly string[]): Map<string, ItemStatistics> {
  // Per test, the sum and count of its marks, so each item's "rest" is (sum - mark) / (count - 1).
  const totals = tests.map((t) => {
    let sum = 0
    for (const m of t.values()) sum += m
    return { sum, count: t.size }
  })
  const out = new Map<string, ItemStatistics>()
  for (const itemId of itemIds) {
    let markSum = 0
    let n = 0
    // A test holding only this item has no rest: it counts for facility, not for discrimination.
    const marks: number[] = []
    const rest: number[] = []
    tests.forEach((t, i) => {
      const mark = t.get(itemId)
      if (mark === undefined) return
      n++
      markSum += mark
      const { sum, count } = totals[i]!
      if (count < 2) return
      marks.push(mark)
      rest.push((sum - mark) / (count - 1))
    })
    const facility = n === 0 ? null : (100 * markSum) / n
    out.set(itemId, { n, facility, ...discriminationOf(marks, rest) })
  }
  return out
}

function discriminationOf(marks: readonly number[], rest: readonly number[]): Pick<ItemStatistics, 'discrimination' | 'efficiency'> {
  const n = marks.length
  if (n < 2) return { discrimination: null, efficiency: null }
  const meanMark = mean(marks)
  const meanRest = mean(rest)
  let covariance = 0
  let markVariance = 0
  let restVariance = 0
  for (let i = 0; i < n; i++) {
    const dm = marks[i]! - meanMark
    const dr = rest[i]! - meanRest
    covariance += dm * dr
    markVariance += dm * dm
    restVariance += dr * dr
  }
  // The largest covariance these marks allow: both lists sorted, paired in order.
  const sortedMarks = [...marks].sort((a, b) => a - b)
  const sortedRest = [...rest].sort((a, b) => a - b)
  let covarianceMax = 0
  for (let i = 0; i < n; i++) covarianceMax += (sortedMarks[i]! - meanMark) * (sortedRest[i]! - meanRest)
  // The common 1/(n-1) factors cancel in both ratios.
  const discrimination = markVariance > 0 && restVariance > 0 ? (100 * covariance) / Math.sqrt(markVariance * restVariance) : null
  const efficiency = covarianceMax > 1e-12 ? (100 * covariance) / covarianceMax : null
  return { discrimination, efficiency }
}

function mean(xs: readonly number[]): number {
  let s = 0
  for (const x of xs) s += x
  return s / xs.length
}

/** Review figures for one item over a class. */
export interface ReviewFigures {
  answers: number
  /** Share of students whose first answer was right; null if nobody answered. */
  firstCorrect: number | null
  /** Lapses (a card in review forgotten) per answer. */
  lapsesPerReview: number | null
  meanSeconds: number | null
}

export function reviewFigures(row: {
  answers: number
  firstAnswered: number
  firstRight: number
  lapses: number
  durationMs: number
}): ReviewFigures {
  return {
    answers: row.answers,
    firstCorrect: row.firstAnswered === 0 ? null : row.firstRight / row.firstAnswered,
    lapsesPerReview: row.answers === 0 ? null : row.lapses / row.answers,
    meanSeconds: row.answers === 0 ? null : row.durationMs / row.answers / 1000,
  }
}
