/**
 * A learner's statistics from plain totals: streaks, true retention, the review heatmap's weeks, the due
 * forecast and histograms. Pure; the database gives per-day totals and bucket counts (app/data/stats.server.ts).
 */
import { addDays } from './study-day'

/** One study day's totals (a row of the study_days cache, or of the log grouped by day). */
export interface DayTotals {
  day: string
  answers: number
  durationMs: number
  /** Answers on cards that were in review (not new or learning) … */
  reviewAnswers: number
  /** … and how many of those passed (any rating but Again). */
  reviewPassed: number
}

export interface Streaks {
  /** Consecutive study days with answers, ending today (or yesterday, while today has none yet). */
  current: number
  longest: number
}

export function streaks(activeDays: ReadonlySet<string>, today: string): Streaks {
  let current = 0
  let day = activeDays.has(today) ? today : addDays(today, -1)
  while (activeDays.has(day)) {
    current++
    day = addDays(day, -1)
  }
  let longest = 0
  let run = 0
  let previous: string | null = null
  for (const d of [...activeDays].sort()) {
    run = previous !== null && addDays(previous, 1) === d ? run + 1 : 1
    longest = Math.max(longest, run)
    previous = d
  }
  return { current, longest }
}

export interface Retention {
  answers: number
  passed: number
  /** passed / answers, or null with no answers on cards in review. */
  rate: number | null
}

/**
 * True retention over the study days from `from` to `to` (inclusive): the share of answers on cards in
 * review that passed — what the scheduler's desired retention aims at.
 */
export function trueRetention(days: readonly DayTotals[], from: string, to: string): Retention {
  let answers = 0
  let passed = 0
  for (const d of days) {
    if (d.day < from || d.day > to) continue
    answers += d.reviewAnswers
    passed += d.reviewPassed
  }
  return { answers, passed, rate: answers === 0 ? null : passed / answers }
}

export interface HeatCell {
  day: string
  answers: number
  /** 0 (none) to 4 (the busiest days), by quartile of the active days' counts. */
  level: 0 | 1 | 2 | 3 | 4
}

/**
 * The last `dayCount` study days ending today, as weeks (columns, oldest first) of up to seven days from
 * Monday to Sunday; days before the first or after today are null.
 */
export function heatmapWeeks(totals: ReadonlyMap<string, number>, today: string, dayCount = 365): Array<Array<HeatCell | null>> {
  const first = addDays(today, -(dayCount - 1))
  const counts = [...totals.entries()]
    .filter(([d, n]) => n > 0 && d >= first && d <= today)
    .map(([, n]) => n)
    .sort((a, b) => a - b)
  const quartile = (q: number) => counts[Math.floor(q * (counts.length - 1))] ?? 0
  const limits = [quartile(0.25), quartile(0.5), quartile(0.75)]
  const levelOf = (n: number): HeatCell['level'] => (n <= 0 ? 0 : n <= limits[0]! ? 1 : n <= limits[1]! ? 2 : n <= limits[2]! ? 3 : 4)
  const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7 // Monday = 0
  const weeks: Array<Array<HeatCell | null>> = []
  let week: Array<HeatCell | null> = Array.from({ length: weekday(first) }, () => null)
  for (let day = first; day <= today; day = addDays(day, 1)) {
    const answers = totals.get(day) ?? 0
    week.push({ day, answers, level: levelOf(answers) })
    if (week.length === 7) {
      weeks.push(week)
      week = []
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)])
  return weeks
}

/** Cards due on each of the next `days` study days (index 0 = today, overdue cards included). */
export function dueForecast(dueByDayOffset: ReadonlyMap<number, number>, days: number): number[] {
  return Array.from({ length: days }, (_, i) =>
    i === 0 ? [...dueByDayOffset].filter(([d]) => d <= 0).reduce((n, [, c]) => n + c, 0) : (dueByDayOffset.get(i) ?? 0),
  )
}

/** Buckets for the stability histogram, in days (a card's memory half-life, roughly). */
export const STABILITY_BUCKETS = [1, 3, 7, 14, 30, 90, 180, 365] as const

/** Which bucket a value falls in, given ascending upper limits: the last bucket is everything above. */
export function bucketOf(value: number, limits: readonly number[]): number {
  const i = limits.findIndex((limit) => value < limit)
  return i === -1 ? limits.length : i
}
