/**
 * The learner's study day: limits ("20 new cards a day") reset at a fixed local hour in the learner's own
 * time zone, not at UTC midnight. Like Anki we roll over at 04:00, so a late-night session counts as the
 * day it belongs to.
 */
export const DAY_ROLLOVER_HOUR = 4

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** Wall-clock fields of instant `t` in `timeZone`. */
function wallClock(t: number, timeZone: string) {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  )
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** Offset of `timeZone` from UTC at instant `t`, in ms (UTC+8 → +28 800 000). */
function offsetAt(t: number, timeZone: string): number {
  const w = wallClock(t, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - (t - (t % 1000))
}

/** The instant a local wall-clock time occurs (for a time skipped by DST, the instant just after the gap). */
function instantOf(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour)
  let t = guess - offsetAt(guess, timeZone)
  t = guess - offsetAt(t, timeZone) // second pass settles DST transitions
  return t
}

export interface StudyDay {
  /** First instant of the study day. */
  start: number
  /** First instant of the next study day. */
  end: number
}

export function studyDayAt(now: number, timeZone: string, rolloverHour = DAY_ROLLOVER_HOUR): StudyDay {
  const w = wallClock(now, timeZone)
  // Before the rollover hour we are still in yesterday's study day.
  const base = new Date(Date.UTC(w.year, w.month - 1, w.day - (w.hour < rolloverHour ? 1 : 0)))
  const y = base.getUTCFullYear()
  const m = base.getUTCMonth() + 1
  const d = base.getUTCDate()
  const start = instantOf(y, m, d, rolloverHour, timeZone)
  const next = new Date(Date.UTC(y, m - 1, d + 1))
  const end = instantOf(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), rolloverHour, timeZone)
  return { start, end }
}

/** The study day (YYYY-MM-DD) that instant `t` belongs to: the calendar date of its 04:00-to-04:00 day. */
export function studyDateAt(t: number, timeZone: string, rolloverHour = DAY_ROLLOVER_HOUR): string {
  const w = wallClock(t, timeZone)
  const base = new Date(Date.UTC(w.year, w.month - 1, w.day - (w.hour < rolloverHour ? 1 : 0)))
  return base.toISOString().slice(0, 10)
}

/** The calendar date `days` after `date` (both YYYY-MM-DD; days may be negative). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** The last millisecond of a calendar date (YYYY-MM-DD) in a time zone: when "due on" that date ends. */
export function endOfLocalDate(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, m - 1, d + 1))
  return instantOf(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, timeZone) - 1
}
