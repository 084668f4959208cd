import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bucketOf, dueForecast, heatmapWeeks, streaks, trueRetention, type DayTotals } from '~/domain/stats'
import { addDays } from '~/domain/study-day'

const day = (d: string, reviewAnswers: number, reviewPassed: number, answers = reviewAnswers): DayTotals => ({
  day: d,
  answers,
  durationMs: 0,
  reviewAnswers,
  reviewPassed,
})

describe('streaks', () => {
  it('counts the current run to today, or to yesterday while today is still empty', () => {
    const active = new Set(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-02', '2026-12-03'])
    expect(streaks(active, '2026-12-03')).toEqual({ current: 2, longest: 3 })
    expect(streaks(active, '2026-12-04')).toEqual({ current: 2, longest: 3 })
    expect(streaks(active, '2026-12-05')).toEqual({ current: 0, longest: 3 })
    expect(streaks(new Set(), '2026-12-03')).toEqual({ current: 0, longest: 0 })
  })

  it('runs across month and year ends', () => {
    expect(streaks(new Set(['2025-12-30', '2025-12-31', '2026-01-01', '2026-02-28', '2026-03-01']), '2026-03-01')).toEqual({
      current: 2,
      longest: 3,
    })
  })

  it('never reports a current streak longer than the longest (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 })), fc.integer({ min: 0, max: 62 }), (offsets, t) => {
        const active = new Set(offsets.map((o) => addDays('2026-01-01', o)))
        const s = streaks(active, addDays('2026-01-01', t))
        expect(s.current).toBeLessThanOrEqual(s.longest)
        expect(s.longest).toBeLessThanOrEqual(active.size)
      }),
    )
  })
})

describe('true retention', () => {
  it('is the share of passed answers on cards in review within the window', () => {
    const days = [day('2026-11-01', 10, 1), day('2026-11-27', 10, 9), day('2026-12-03', 4, 3, 20)]
    expect(trueRetention(days, '2026-12-03', '2026-12-03')).toEqual({ answers: 4, passed: 3, rate: 0.75 })
    expect(trueRetention(days, '2026-11-27', '2026-12-03')).toEqual({ answers: 14, passed: 12, rate: 12 / 14 })
    expect(trueRetention(days, '2026-11-04', '2026-12-03').answers).toBe(14)
    expect(trueRetention([day('2026-12-03', 0, 0, 5)], '2026-12-03', '2026-12-03').rate).toBeNull()
  })
})

describe('heatmap', () => {
  it('lays 365 days out as Monday-first weeks ending today, with levels by quartile', () => {
    const totals = new Map([
      ['2026-12-03', 40],
      ['2026-12-01', 1],
      ['2025-12-04', 10],
      ['2025-12-03', 99],
    ])
    const weeks = heatmapWeeks(totals, '2026-12-03')
    const cells = weeks.flat().filter((c) => c !== null)
    expect(cells).toHaveLength(365)
    expect(cells[0]!.day).toBe('2025-12-04')
    expect(cells.at(-1)).toEqual({ day: '2026-12-03', answers: 40, level: 4 })
    expect(cells.find((c) => c.day === '2026-12-01')!.level).toBe(1)
    expect(cells.find((c) => c.day === '2026-12-02')!.level).toBe(0)
    expect(weeks.every((w) => w.length === 7)).toBe(true)
    // 2025-12-04 was a Thursday: three empty slots before it in the first week.
    expect(weeks[0]!.slice(0, 3)).toEqual([null, null, null])
  })
})

describe('forecast and buckets', () => {
  it('puts overdue cards on today', () => {
    expect(
      dueForecast(
        new Map([
          [-3, 2],
          [0, 1],
          [1, 4],
          [29, 1],
          [40, 9],
        ]),
        30,
      ),
    ).toEqual([3, 4, ...Array(27).fill(0), 1])
  })

  it('buckets by ascending limits, the last bucket open-ended', () => {
    expect([0.5, 1, 2.9, 365, 5000].map((v) => bucketOf(v, [1, 3, 7, 14, 30, 90, 180, 365]))).toEqual([0, 1, 1, 8, 8])
  })
})
