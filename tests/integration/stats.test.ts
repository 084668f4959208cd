import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { users, userSettings } from '../../db/schema'
import { recordReview, undoLastReview } from '~/data/reviews.server'
import { learnerStats } from '~/data/stats.server'
import { studyDateAt } from '~/domain/study-day'
import { loader } from '~/routes/stats'
import { freshDatabase } from '../support/db'
import { args, getRequest, guestCookie, settle } from '../support/routes'

const DAY = 86_400_000

const learner = guestCookie

describe('statistics', () => {
  it('counts answers per study day in the learner’s time zone, keeps them through undo, and reports retention, forecast and states', async () => {
    const db = await freshDatabase()
    const cookie = await learner()
    const [user] = await db.select().from(users)
    await db.update(userSettings).set({ timeZone: 'Asia/Shanghai' }).where(eq(userSettings.userId, user!.id))
    const now = Date.now()
    const threeDaysAgo = now - 3 * DAY
    const answer = (itemId: string, reviewId: string, rating: 1 | 2 | 3 | 4, at: number) =>
      recordReview(db, { userId: user!.id, itemId, reviewId, rating, durationMs: 60_000, now: at })
    // Three days ago: two new cards, both Easy (into review); then today each comes back as a review, one passed, one failed.
    expect((await answer('mh-date-takaichi-administration-start', 'st-1', 4, threeDaysAgo)).status).toBe('recorded')
    expect((await answer('kd-true-false-overnight', 'st-2', 4, threeDaysAgo + 1000)).status).toBe('recorded')
    expect((await answer('mh-date-takaichi-administration-start', 'st-3', 3, now - 2000)).status).toBe('recorded')
    expect((await answer('kd-true-false-overnight', 'st-4', 1, now - 1000)).status).toBe('recorded')
    expect((await answer('kd-cloze-summit-day', 'st-5', 3, now)).status).toBe('recorded')
    expect((await undoLastReview(db, user!.id, now + 1)).status).toBe('undone')

    const stats = await learnerStats(db, user!.id, null, 'Asia/Shanghai', now)
    const today = studyDateAt(now, 'Asia/Shanghai')
    expect(stats.today).toBe(today)
    const byDay = new Map(stats.days.map((d) => [d.day, d]))
    expect(byDay.get(studyDateAt(threeDaysAgo, 'Asia/Shanghai'))).toMatchObject({ answers: 2, durationMs: 120_000 })
    // The undone answer is gone from today's totals.
    expect(byDay.get(today)).toMatchObject({ answers: 2, reviewAnswers: 2, reviewPassed: 1 })
    expect(stats.states.learning + stats.states.review + stats.states.relearning).toBe(2)
    expect(stats.states.relearning).toBe(1)

    const page = await settle<{
      streaks: { current: number; longest: number }
      retention: { today: { rate: number | null } }
      forecast: number[]
      daysStudied: number
    }>(loader(await args(getRequest('/stats', cookie), {})))
    expect(page.status).toBe(200)
    expect(page.body.daysStudied).toBe(2)
    expect(page.body.streaks).toEqual({ current: 1, longest: 1 })
    expect(page.body.retention.today.rate).toBe(0.5)
    expect(page.body.forecast).toHaveLength(90)
    expect(page.body.forecast.reduce((a, b) => a + b, 0)).toBe(2)
  })

  it('filters by deck, and refuses an unknown deck with 404', async () => {
    await freshDatabase()
    const cookie = await learner()
    expect((await settle(loader(await args(getRequest('/stats?deck=all', cookie), {})))).status).toBe(200)
    expect((await settle(loader(await args(getRequest('/stats?deck=no-such-deck', cookie), {})))).status).toBe(404)
  })

  it('shows empty statistics to a visitor with no progress', async () => {
    await freshDatabase()
    const page = await settle<{ daysStudied: number; states: { fresh: number } }>(loader(await args(getRequest('/stats'), {})))
    expect(page.status).toBe(200)
    expect(page.body.daysStudied).toBe(0)
    expect(page.body.states.fresh).toBeGreaterThan(0)
  })
})
