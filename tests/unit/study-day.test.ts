import { describe, expect, it } from 'vitest'
import { isValidTimeZone, studyDayAt } from '~/domain/study-day'

const H = 3_600_000

describe('studyDayAt', () => {
  it('starts the day at 04:00 in the learner’s zone (Shanghai, UTC+8)', () => {
    // 2026-03-10 10:00 in Shanghai = 02:00 UTC
    const day = studyDayAt(Date.UTC(2026, 2, 10, 2), 'Asia/Shanghai')
    expect(new Date(day.start).toISOString()).toBe('2026-03-09T20:00:00.000Z') // 04:00 local
    expect(day.end - day.start).toBe(24 * H)
  })

  it('counts 02:30 local as the previous study day', () => {
    // 2026-03-10 02:30 in Shanghai
    const day = studyDayAt(Date.UTC(2026, 2, 9, 18, 30), 'Asia/Shanghai')
    expect(new Date(day.start).toISOString()).toBe('2026-03-08T20:00:00.000Z')
  })

  it('differs between zones for the same instant', () => {
    const t = Date.UTC(2026, 2, 10, 2)
    expect(studyDayAt(t, 'UTC').start).not.toBe(studyDayAt(t, 'Asia/Shanghai').start)
    expect(new Date(studyDayAt(t, 'UTC').start).toISOString()).toBe('2026-03-09T04:00:00.000Z')
  })

  it('handles a 23-hour study day across the spring DST change (New York, 02:00 on 8 March 2026)', () => {
    // 01:00 EST on 8 March belongs to the study day that began 7 March 04:00 EST and ends 8 March 04:00 EDT.
    const day = studyDayAt(Date.UTC(2026, 2, 8, 6), 'America/New_York')
    expect(new Date(day.start).toISOString()).toBe('2026-03-07T09:00:00.000Z') // 04:00 EST
    expect(new Date(day.end).toISOString()).toBe('2026-03-08T08:00:00.000Z') // 04:00 EDT
    expect(day.end - day.start).toBe(23 * H)
  })

  it('always contains the instant it was asked about', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2026, 11, 31); t += 7 * H + 13 * 60_000) {
      for (const tz of ['UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/London', 'Australia/Adelaide']) {
        const d = studyDayAt(t, tz)
        expect(d.start).toBeLessThanOrEqual(t)
        expect(d.end).toBeGreaterThan(t)
      }
    }
  })

  it('validates time zone names', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
  })
})
