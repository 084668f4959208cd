import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { answerCounts, reviewLogs, studyDays, users } from '../../db/schema'
import { databaseUrl, openDatabase } from '../../db/client'
import { groupCommitCounts } from '~/data/group-commit.server'
import { recordReview, type ReviewInput } from '~/data/reviews.server'
import { freshDatabase } from '../support/db'
import { guestCookie } from '../support/routes'

const ITEMS = ['mh-date-takaichi-administration-start', 'kd-true-false-overnight', 'kd-cloze-summit-day']

async function learners(db: Awaited<ReturnType<typeof freshDatabase>>, n: number): Promise<string[]> {
  for (let i = 0; i < n; i++) await guestCookie()
  return (await db.select({ id: users.id }).from(users)).map((u) => u.id)
}

describe('answers arriving together share one transaction (group commit)', () => {
  it('writes a group in fewer transactions than answers; a stale answer in it is refused alone', async () => {
    const db = await freshDatabase()
    const [alice, bob, carol] = await learners(db, 3)
    const now = Date.now()
    const base = { rating: 3 as const, durationMs: 1000, now }
    const before = groupCommitCounts(db)
    const results = await Promise.all([
      recordReview(db, { ...base, userId: alice!, itemId: ITEMS[0]!, reviewId: 'g-alice-1' }),
      // Bob answers the same new card twice with two review ids (two tabs): one of them is stale.
      recordReview(db, { ...base, userId: bob!, itemId: ITEMS[0]!, reviewId: 'g-bob-1' }),
      recordReview(db, { ...base, userId: bob!, itemId: ITEMS[0]!, reviewId: 'g-bob-2' }),
      recordReview(db, { ...base, userId: carol!, itemId: ITEMS[1]!, reviewId: 'g-carol-1' }),
      recordReview(db, { ...base, userId: carol!, itemId: ITEMS[2]!, reviewId: 'g-carol-2' }),
    ])
    expect(results.map((r) => r.status)).toEqual(['recorded', 'recorded', 'stale', 'recorded', 'recorded'])
    const after = groupCommitCounts(db)
    expect(after.answers - before.answers).toBe(5)
    expect(after.transactions - before.transactions).toBeLessThan(5)
    const logged = (await db.select({ id: reviewLogs.id }).from(reviewLogs)).map((r) => r.id).sort()
    expect(logged).toEqual(['g-alice-1', 'g-bob-1', 'g-carol-1', 'g-carol-2'])
    // The stale answer counted nowhere.
    const [bobCounts] = await db.select().from(answerCounts).where(eq(answerCounts.userId, bob!))
    expect(bobCounts).toMatchObject({ answers: 1 })
    const [bobDay] = await db.select().from(studyDays).where(eq(studyDays.userId, bob!))
    expect(bobDay).toMatchObject({ answers: 1 })
  })

  it('many learners answering at once, each one card after another: every answer written, none refused', async () => {
    const db = await freshDatabase()
    const ids = await learners(db, 12)
    const before = groupCommitCounts(db)
    const statuses = await Promise.all(
      ids.map(async (userId) => {
        const mine: string[] = []
        for (let k = 0; k < 9; k++) {
          const now = Date.now()
          const result = await recordReview(
            db,
            { userId, itemId: ITEMS[k % ITEMS.length]!, reviewId: `${userId}-${k}`, rating: 3, durationMs: 1000, now },
            { groupWindowMs: 1 },
          )
          mine.push(result.status)
        }
        return mine
      }),
    )
    expect(statuses.flat().filter((s) => s !== 'recorded')).toEqual([])
    const after = groupCommitCounts(db)
    expect(after.answers - before.answers).toBe(12 * 9)
    expect(after.transactions - before.transactions).toBeLessThan(12 * 9)
  })

  it('a review id reused for another card fails the whole batch, then only that answer is refused', async () => {
    const db = await freshDatabase()
    const [alice, bob] = await learners(db, 2)
    const base = { rating: 3 as const, durationMs: 1000, now: Date.now() }
    const results = await Promise.all([
      recordReview(db, { ...base, userId: alice!, itemId: ITEMS[0]!, reviewId: 'g-shared' }),
      recordReview(db, { ...base, userId: bob!, itemId: ITEMS[1]!, reviewId: 'g-shared' }),
      recordReview(db, { ...base, userId: bob!, itemId: ITEMS[2]!, reviewId: 'g-bob-own' }),
    ])
    expect(results.map((r) => r.status)).toEqual(['recorded', 'id-conflict', 'recorded'])
    expect(
      (await db.select({ id: reviewLogs.id, userId: reviewLogs.userId }).from(reviewLogs)).sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([
      { id: 'g-bob-own', userId: bob },
      { id: 'g-shared', userId: alice },
    ])
  })

  it('a double submit read twice before either copy is written is stored and counted once, both copies acknowledged', async () => {
    const db = await freshDatabase()
    const [alice] = await learners(db, 1)
    const input: ReviewInput = { userId: alice!, itemId: ITEMS[0]!, reviewId: 'g-double', rating: 3, durationMs: 1000, now: Date.now() }
    const results = await Promise.all(Array.from({ length: 6 }, () => recordReview(db, input)))
    expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'recorded'])
    expect(await db.select({ id: reviewLogs.id }).from(reviewLogs)).toHaveLength(1)
    expect(await db.select().from(answerCounts)).toMatchObject([{ answers: 1, correct: 1, durationMs: 1000 }])
    expect(await db.select().from(studyDays)).toMatchObject([{ answers: 1, durationMs: 1000 }])
  })

  it('acknowledges an answer only once its transaction is committed (another connection sees it)', async () => {
    const db = await freshDatabase()
    const [alice, bob] = await learners(db, 2)
    const other = openDatabase(databaseUrl())
    try {
      const seenAtAcknowledgement = await Promise.all(
        [alice!, bob!].map(async (userId, i) => {
          const reviewId = `g-ack-${i}`
          const result = await recordReview(db, { userId, itemId: ITEMS[i]!, reviewId, rating: 3, durationMs: 1000, now: Date.now() })
          expect(result.status).toBe('recorded')
          return (await other.$client.execute({ sql: 'select count(*) from review_logs where id = ?', args: [reviewId] })).rows[0]![0]
        }),
      )
      expect(seenAtAcknowledgement.map(Number)).toEqual([1, 1])
    } finally {
      other.$client.close()
    }
  })
})
