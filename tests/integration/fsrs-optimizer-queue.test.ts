import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { deckItems, fsrsOptimizer, reviewLogs, users } from '../../db/schema'
import { REVIEWS_PER_BATCH } from '~/domain/fsrs-optimizer'
import { action } from '~/routes/study'
import { freshDatabase } from '../support/db'
import { call, formRequest, guestCookie } from '../support/routes'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the in-process optimiser queue', () => {
  it("runs a learner's optimisation after a batch of answers through the study action, after the response", async () => {
    const db = await freshDatabase()
    const cookie = await guestCookie()
    const [user] = await db.select({ id: users.id }).from(users)
    const itemIds = (await db.select({ itemId: deckItems.itemId }).from(deckItems).where(eq(deckItems.deckId, 'all'))).map((r) => r.itemId)
    const answer = (n: number) =>
      call(
        action,
        formRequest(
          '/decks/all/study',
          {
            intent: 'review',
            reviewId: `queue-answer-${n}`,
            itemId: itemIds[n % itemIds.length]!,
            rating: '3',
            shownAt: String(Date.now() - 3000),
          },
          cookie,
        ),
        { deckId: 'all' },
      )
    for (let n = 1; n < REVIEWS_PER_BATCH; n++) expect((await answer(n)).status).toBe(302)
    await sleep(300)
    expect(await db.select().from(fsrsOptimizer)).toEqual([]) // one answer short of a batch: nothing ran
    expect((await answer(REVIEWS_PER_BATCH)).status).toBe(302)
    // The answer was answered first; the run follows in the background.
    let state: Array<typeof fsrsOptimizer.$inferSelect> = []
    for (let i = 0; i < 100 && state.length === 0; i++) {
      await sleep(100)
      state = await db.select().from(fsrsOptimizer).where(eq(fsrsOptimizer.userId, user!.id))
    }
    // All answers today: no card was reviewed on a later day, so the defaults stay (the run is recorded).
    expect(state).toEqual([expect.objectContaining({ parametersId: null, claimedUntil: null, reviewsAtLastRun: REVIEWS_PER_BATCH })])
    expect(state[0]!.lastRunAt).toBeGreaterThan(0)
    expect(await db.$count(reviewLogs)).toBe(REVIEWS_PER_BATCH)
  }, 60_000)
})
