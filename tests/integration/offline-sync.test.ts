/** POST /sync: offline answers join the log idempotently; every touched card and cache equals its replay. */
import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { answerCounts, cardStates, items, newCardCursors, reviewLogs, studyDays } from '../../db/schema'
import { rebuildCardStates, type LoggedReview } from '~/domain/scheduling'
import { action } from '~/routes/sync'
import { action as studyAction } from '~/routes/study'
import { cardFromRow, cardStatesFor, recordReview, reviewLogFor, undoLastReview } from '~/data/reviews.server'
import { freshDatabase } from '../support/db'
import { args, call, formRequest, guest } from '../support/routes'
import { checkDatabase } from '../reliability/verify'

type Db = Awaited<ReturnType<typeof freshDatabase>>
const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Calls the route and parses its JSON body (the helper's `call` returns Responses without bodies). */
async function post(cookie: string | null, body: Record<string, string>) {
  const response = (await action(await args(formRequest('/sync', body, cookie), {}))) as Response
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & {
      refused?: Array<{ reason: string; index: number }>
      states?: Record<string, unknown>
      duplicates?: string[]
      accepted?: string[]
      error?: string
    },
  }
}
const postBatch = (cookie: string | null, userId: string, events: unknown[]) => post(cookie, { batch: JSON.stringify({ userId, events }) })

const answer = (id: string, itemId: string, rating: number, answeredAt: number, extra: Record<string, unknown> = {}) => ({
  type: 'answer',
  id,
  itemId,
  rating,
  answeredAt,
  durationMs: 4000,
  retention: 0.9,
  ...extra,
})

async function snapshot(db: Db) {
  return {
    logs: await db.select().from(reviewLogs).orderBy(reviewLogs.id),
    states: await db.select().from(cardStates).orderBy(cardStates.userId, cardStates.itemId),
    counts: await db.select().from(answerCounts).orderBy(answerCounts.userId, answerCounts.itemId),
    days: await db.select().from(studyDays).orderBy(studyDays.userId, studyDays.day),
  }
}

/** Every cache equals the log: states by replay, answer counts, study days. */
async function expectCachesMatchLog() {
  const check = await checkDatabase(process.env.DATABASE_URL!, new Set())
  expect({
    differing: check.statesDiffering,
    counts: check.answerCountsDiffering,
    days: check.studyDaysDiffering,
    duplicates: check.duplicateReviews,
  }).toEqual({ differing: 0, counts: 0, days: 0, duplicates: 0 })
}

async function someItems(db: Db, n: number, kind?: string) {
  const rows = await db.select({ id: items.id, kind: items.kind }).from(items).orderBy(items.position)
  return rows
    .filter((r) => !kind || r.kind === kind)
    .slice(0, n)
    .map((r) => r.id)
}

describe('POST /sync', () => {
  it('writes offline answers with the phone’s times, and returns states equal to the replay of the log', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const [a, b] = await someItems(db, 2)
    const t0 = Date.now() - 3 * HOUR
    const events = [
      answer('offline-a-1', a!, 3, t0),
      answer('offline-b-1', b!, 1, t0 + MINUTE),
      answer('offline-a-2', a!, 3, t0 + 20 * MINUTE),
    ]
    const res = await postBatch(me.cookie, me.id, events)
    expect(res.status).toBe(200)
    expect(res.body.accepted).toEqual(['offline-a-1', 'offline-b-1', 'offline-a-2'])
    const log = await reviewLogFor(db, me.id)
    expect(log.map((r) => [r.id, r.reviewedAt])).toEqual([
      ['offline-a-1', t0],
      ['offline-b-1', t0 + MINUTE],
      ['offline-a-2', t0 + 20 * MINUTE],
    ])
    const replay = rebuildCardStates(log as LoggedReview[])
    expect(res.body.states).toEqual({ [a!]: replay.get(a!), [b!]: replay.get(b!) })
    const states = await cardStatesFor(db, me.id)
    for (const row of states) expect(cardFromRow(row)).toEqual(replay.get(row.itemId))
    await expectCachesMatchLog()
  })

  it('a retried or doubled batch changes nothing', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const [a, b] = await someItems(db, 2)
    const t0 = Date.now() - HOUR
    const events = [
      answer('retry-a-1', a!, 3, t0),
      answer('retry-b-1', b!, 2, t0 + 1000),
      { type: 'undo', reviewId: 'retry-b-1', undoneAt: t0 + 2000 },
    ]
    expect((await postBatch(me.cookie, me.id, events)).status).toBe(200)
    const first = await snapshot(db)
    const again = await postBatch(me.cookie, me.id, events)
    expect(again.status).toBe(200)
    expect(again.body.duplicates).toEqual(['retry-a-1', 'retry-b-1'])
    expect(again.body.accepted).toEqual([])
    // The same id with another time is not a retry of that answer: refused, nothing written.
    const moved = await postBatch(me.cookie, me.id, [answer('retry-a-1', a!, 3, t0 + 500)])
    expect(moved.status).toBe(422)
    expect(moved.body.refused).toEqual([expect.objectContaining({ index: 0, reason: 'id-conflict' })])
    const doubled = await Promise.all([postBatch(me.cookie, me.id, events), postBatch(me.cookie, me.id, events)])
    expect(doubled.map((r) => r.status)).toEqual([200, 200])
    expect(await snapshot(db)).toEqual(first)
    expect(first.logs).toHaveLength(2)
  })

  it('two identical batches at once write each answer once', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const ids = await someItems(db, 5)
    const t0 = Date.now() - HOUR
    const events = ids.map((itemId, i) => answer(`race-${i}-abcdef`, itemId, 3, t0 + i * 1000))
    const results = await Promise.all(Array.from({ length: 4 }, () => postBatch(me.cookie, me.id, events)))
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200])
    expect((await db.select({ n: count() }).from(reviewLogs))[0]!.n).toBe(5)
    await expectCachesMatchLog()
  })

  describe('refuses a forged or bad batch clearly, writing nothing', () => {
    it.each([
      [
        'rating 7',
        (item: string, now: number) => [answer('good-one-1', item, 3, now - HOUR), answer('forged-1', item, 7, now - HOUR + 1)],
        'malformed',
        1,
      ],
      [
        'a time 10 minutes ahead of the server',
        (item: string, now: number) => [answer('forged-2', item, 3, now + 10 * MINUTE)],
        'future-time',
        0,
      ],
      ['an unknown item', (_item: string, now: number) => [answer('forged-3', 'no-such-item', 3, now - HOUR)], 'unknown-item', 0],
      [
        'one review id twice in a batch, at two times',
        (item: string, now: number) => [answer('twice-id-1', item, 3, now - HOUR), answer('twice-id-1', item, 3, now - HOUR + 5000)],
        'id-conflict',
        1,
      ],
      [
        'one review id twice in a batch, with two responses',
        (item: string, now: number) => [
          answer('twice-id-2', item, 3, now - HOUR, { response: 'one' }),
          answer('twice-id-2', item, 3, now - HOUR, { response: 'other' }),
        ],
        'id-conflict',
        1,
      ],
      [
        'an undo of an answer that does not exist',
        (_item: string, now: number) => [{ type: 'undo', reviewId: 'never-made', undoneAt: now }],
        'unknown-review',
        0,
      ],
    ])('%s', async (_name, events, reason, index) => {
      const db = await freshDatabase()
      const me = await guest()
      const [item] = await someItems(db, 1)
      const res = await postBatch(me.cookie, me.id, events(item!, Date.now()))
      expect(res.status).toBe(422)
      expect(res.body.refused).toEqual([expect.objectContaining({ index, reason })])
      expect((await snapshot(db)).logs).toEqual([])
      expect((await snapshot(db)).states).toEqual([])
    })

    it("another learner's card: their review id, their answer to undo, or their whole batch", async () => {
      const db = await freshDatabase()
      const alice = await guest()
      const bob = await guest()
      const [item] = await someItems(db, 1)
      const t0 = Date.now() - HOUR
      expect((await postBatch(alice.cookie, alice.id, [answer('alice-answer-1', item!, 3, t0)])).status).toBe(200)
      const before = await snapshot(db)
      const stolenId = await postBatch(bob.cookie, bob.id, [answer('alice-answer-1', item!, 3, t0)])
      expect(stolenId.status).toBe(422)
      expect(stolenId.body.refused).toEqual([expect.objectContaining({ reason: 'not-yours' })])
      const undoTheirs = await postBatch(bob.cookie, bob.id, [{ type: 'undo', reviewId: 'alice-answer-1', undoneAt: t0 + 1 }])
      expect(undoTheirs.body.refused).toEqual([expect.objectContaining({ reason: 'not-yours' })])
      const asAlice = await postBatch(bob.cookie, alice.id, [answer('bob-as-alice', item!, 1, t0 + 2)])
      expect(asAlice.status).toBe(403)
      expect(asAlice.body.error).toContain('another learner')
      const noSession = await postBatch(null, alice.id, [answer('nobody-1', item!, 1, t0 + 2)])
      expect(noSession.status).toBe(401)
      expect(await snapshot(db)).toEqual(before)
    })

    it('an unreadable batch gets a 400', async () => {
      const db = await freshDatabase()
      const me = await guest()
      expect((await post(me.cookie, { batch: '{not json' })).status).toBe(400)
      const tooMany = await postBatch(
        me.cookie,
        me.id,
        Array.from({ length: 101 }, (_, i) => answer(`many-${i}-abcdef`, 'x', 3, Date.now())),
      )
      expect(tooMany.status).toBe(400)
      expect(tooMany.body.error).toContain('more than 100')
      expect((await snapshot(db)).logs).toEqual([])
    })
  })

  it('accepts a phone clock up to 5 minutes ahead', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const [item] = await someItems(db, 1)
    const res = await postBatch(me.cookie, me.id, [answer('skewed-clock-1', item!, 3, Date.now() + 4 * MINUTE)])
    expect(res.status).toBe(200)
  })

  it('merges offline answers between online ones: befores, states and caches follow the replay, and online undo still restores exactly', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const [item] = await someItems(db, 1)
    const t0 = Date.now() - 5 * HOUR
    expect(
      (await recordReview(db, { userId: me.id, itemId: item!, reviewId: 'online-1-abc', rating: 3, durationMs: 1000, now: t0 })).status,
    ).toBe('recorded')
    expect(
      (await recordReview(db, { userId: me.id, itemId: item!, reviewId: 'online-2-abc', rating: 3, durationMs: 1000, now: t0 + 2 * HOUR }))
        .status,
    ).toBe('recorded')
    // The phone answered in between, offline.
    const res = await postBatch(me.cookie, me.id, [answer('offline-mid-1', item!, 1, t0 + HOUR)])
    expect(res.status).toBe(200)
    const log = await reviewLogFor(db, me.id)
    expect(log.map((r) => r.id)).toEqual(['online-1-abc', 'offline-mid-1', 'online-2-abc'])
    await expectCachesMatchLog()
    // The latest answer's "before" is now the state after the offline one, so an undo restores exactly that.
    const afterMid = rebuildCardStates(log.slice(0, 2) as LoggedReview[]).get(item!)
    expect(log[2]!.before).toEqual(afterMid)
    expect((await undoLastReview(db, me.id, Date.now())).status).toBe('undone')
    expect(cardFromRow((await cardStatesFor(db, me.id))[0]!)).toEqual(afterMid)
    await expectCachesMatchLog()
  })

  it('an undo event takes an answer back: a first answer undone makes the card new again and forgets the cursors', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const [a, b] = await someItems(db, 2)
    const t0 = Date.now() - HOUR
    await postBatch(me.cookie, me.id, [answer('undo-a-1', a!, 3, t0), answer('undo-b-1', b!, 3, t0 + 1000)])
    await db.insert(newCardCursors).values({ userId: me.id, deckId: 'all', position: 2 })
    const res = await postBatch(me.cookie, me.id, [{ type: 'undo', reviewId: 'undo-b-1', undoneAt: t0 + 5000 }])
    expect(res.status).toBe(200)
    expect(res.body.accepted).toEqual(['undo-b-1'])
    expect(res.body.states).toEqual({ [b!]: null })
    expect((await cardStatesFor(db, me.id)).map((s) => s.itemId)).toEqual([a])
    expect(await db.select().from(newCardCursors).where(eq(newCardCursors.userId, me.id))).toEqual([])
    const [undone] = await db.select().from(reviewLogs).where(eq(reviewLogs.id, 'undo-b-1'))
    expect(undone!.undoneAt).toBe(t0 + 5000)
    await expectCachesMatchLog()
  })

  it('grades a typed response on the server from the question its review id seeded', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const [typed] = await db.select().from(items).where(eq(items.kind, 'typed')).limit(1)
    if (!typed) return
    const t0 = Date.now() - HOUR
    const right = String(typed.data.answer.en ?? '')
    await postBatch(me.cookie, me.id, [
      answer('typed-right-1', typed.id, 3, t0, { response: right }),
      answer('typed-wrong-1', typed.id, 3, t0 + HOUR / 2, { response: 'zzz nonsense' }),
    ])
    const rows = await db.select({ id: reviewLogs.id, correct: reviewLogs.correct }).from(reviewLogs).orderBy(reviewLogs.reviewedAt)
    expect(rows).toEqual([
      { id: 'typed-right-1', correct: true },
      { id: 'typed-wrong-1', correct: false },
    ])
    await expectCachesMatchLog()
  })

  it('stays consistent when online answers and syncs touch the same cards at once', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const ids = await someItems(db, 4)
    const t0 = Date.now() - 2 * HOUR
    const online = ids.map((itemId, i) =>
      call(
        studyAction,
        formRequest('/decks/all/study', { intent: 'review', reviewId: `online-race-${i}`, itemId, rating: '3' }, me.cookie),
        { deckId: 'all' },
      ),
    )
    const offline = [0, 1, 2].map((k) =>
      postBatch(
        me.cookie,
        me.id,
        ids.map((itemId, i) => answer(`offline-race-${k}-${i}`, itemId, ((i + k) % 4) + 1, t0 + k * MINUTE + i)),
      ),
    )
    const results = await Promise.all([...online, ...offline])
    expect(results.slice(ids.length).map((r) => r.status)).toEqual([200, 200, 200])
    expect((await db.select({ n: count() }).from(reviewLogs))[0]!.n).toBeGreaterThanOrEqual(12)
    await expectCachesMatchLog()
  })
})
