/**
 * The app against a libSQL server over HTTP (DATABASE_URL=http://127.0.0.1:8080, the Hrana test server started
 * by tests/support/libsql-global-setup.ts, which also ran `npm run setup` against it): the content load under
 * the server's 1 MiB request cap, the study loop, idempotent retries, undo, a quiz and the class dashboard,
 * through the same route loaders and actions the app serves. One database for the file, so every test makes
 * its own learners.
 */
import { createClient } from '@libsql/client'
import { count, eq, isNull } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import { describe, expect, inject, it } from 'vitest'
import type { Database } from '../../db/client'
import { loadContent } from '../../db/load-content'
import * as schema from '../../db/schema'
import { cardStates, classes, contentMeta, deckItems, items, quizAnswers, quizAttempts, reviewLogs, users } from '../../db/schema'
import { cardFromRow, cardStatesFor, reviewLogFor } from '~/data/reviews.server'
import { rebuildCardStates, type LoggedReview } from '~/domain/scheduling'
import { loader as assignmentLoader } from '~/routes/assignment'
import { action as quizSetupAction } from '~/routes/quiz'
import { action as quizAnswerAction, loader as quizQuestionLoader } from '~/routes/quiz-attempt'
import { loader as quizResultLoader } from '~/routes/quiz-result'
import { action as studyAction, loader as studyLoader } from '~/routes/study'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { getDb } from '~/utils/db.server'
import { resolveVisitor } from '~/utils/request-context.server'
import { createAssignment, createClass, join, signUp } from '../support/actors'
import { checkDatabase } from '../reliability/verify'
import { HRANA_URL } from '../support/hrana-server'
import { args, call, cookieFrom, formRequest, getRequest, settle } from '../support/routes'

const skipped = inject('libsqlSkipped')
process.env.DATABASE_URL = HRANA_URL
const DECK = 'timeline'

type StudyData = { card: { itemId: string; reviewId: string; shownAt: number; queue: string } | null }

const openStudy = (cookie: string | null, deckId = DECK) =>
  call<StudyData>(studyLoader, getRequest(`/decks/${deckId}/study`, cookie), { deckId })
const answer = (cookie: string | null, fields: Record<string, string>, deckId = DECK) =>
  call<{ error?: string }>(studyAction, formRequest(`/decks/${deckId}/study`, fields, cookie), { deckId })

async function userIdOf(cookie: string): Promise<string> {
  const { user } = await resolveVisitor(getRequest('/', cookie))
  if (!user) throw new Error('no session')
  return user.id
}

/** The charter's invariant: card state is a cache that replaying the learner's log rebuilds exactly. */
async function expectStateEqualsReplay(db: Database, userId: string) {
  const rebuilt = rebuildCardStates((await reviewLogFor(db, userId)) as LoggedReview[])
  const stored = new Map((await cardStatesFor(db, userId)).map((row) => [row.itemId, cardFromRow(row)]))
  expect(stored).toEqual(rebuilt)
}

describe.skipIf(skipped !== '')('the app on a libSQL server (Hrana over HTTP)', () => {
  it('npm run setup migrated and loaded the whole content over HTTP', async () => {
    expect(inject('libsqlSetupOutput')).toMatch(/content: \d+ new, .*; [2-9]\d* batch\(es\)/)
    const db = getDb()
    expect(db.$client.protocol).toBe('http')
    const { bundle } = loadContentFromDisk()
    expect(await db.select({ n: count() }).from(items).where(isNull(items.retiredAt))).toEqual([{ n: bundle.items.length }])
    expect(await db.select({ n: count() }).from(contentMeta)).toEqual([{ n: 2 }])
  })

  it('reloads every item in requests under 1 MiB, and loads the unchanged content in one', async () => {
    const bodies: number[] = []
    const recording: typeof fetch = async (input, init) => {
      const request = new Request(input, init)
      bodies.push((await request.clone().arrayBuffer()).byteLength)
      return fetch(request)
    }
    const client = createClient({ url: HRANA_URL, fetch: recording })
    const db = drizzle(client, { schema }) as Database
    try {
      const { bundle } = loadContentFromDisk()
      const edited = {
        ...bundle,
        items: bundle.items.map((i) => ({ ...i, explanation: { en: `${i.explanation.en} `, zh: i.explanation.zh } })),
      }
      const changed = await loadContent(db, edited)
      expect(changed.updated).toBe(bundle.items.length)
      expect(changed.batches).toBeGreaterThan(1)
      expect(Math.max(...bodies)).toBeLessThan(1024 * 1024)
      console.log(
        `libSQL server: ${bundle.items.length} items reloaded in ${changed.batches} batches, ${bodies.length} requests, largest ${Math.round(Math.max(...bodies) / 1024)} KiB`,
      )
      bodies.length = 0
      const back = await loadContent(db, bundle)
      expect(back.updated).toBe(bundle.items.length)
      const again = await loadContent(db, bundle)
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: bundle.items.length, batches: 1 })
    } finally {
      client.close()
    }
  })

  it('study loop: a visitor answers cards, becomes a guest, and the state is the replay of the log', async () => {
    const db = getDb()
    const first = await openStudy(null)
    expect(first.status).toBe(200)
    const card = first.body.card!
    expect(card.queue).toBe('new')
    const res = await answer(null, {
      intent: 'review',
      reviewId: card.reviewId,
      itemId: card.itemId,
      rating: '3',
      shownAt: String(card.shownAt),
    })
    expect(res.status).toBe(302)
    const cookie = cookieFrom(res.headers)!
    expect(cookie).toMatch(/^sd_session=/)
    const seen = [card.itemId]
    for (let i = 0; i < 4; i++) {
      const next = (await openStudy(cookie)).body.card!
      expect(seen).not.toContain(next.itemId) // new cards, the answered ones are in learning
      seen.push(next.itemId)
      expect(
        (await answer(cookie, { intent: 'review', reviewId: next.reviewId, itemId: next.itemId, rating: String((i % 4) + 1) })).status,
      ).toBe(302)
    }
    const userId = await userIdOf(cookie)
    expect(await db.select({ n: count() }).from(reviewLogs).where(eq(reviewLogs.userId, userId))).toEqual([{ n: 5 }])
    expect(await db.select({ n: count() }).from(cardStates).where(eq(cardStates.userId, userId))).toEqual([{ n: 5 }])
    await expectStateEqualsReplay(db, userId)
  })

  it('a retried answer (same review id) is recorded once, concurrent retries included', async () => {
    const db = getDb()
    const page = await openStudy(null)
    const card = page.body.card!
    const fields = { intent: 'review', reviewId: card.reviewId, itemId: card.itemId, rating: '3' }
    const cookie = cookieFrom((await answer(null, fields)).headers)!
    const userId = await userIdOf(cookie)
    const before = await cardStatesFor(db, userId)
    expect((await answer(cookie, fields)).status).toBe(302)
    const retries = await Promise.all(Array.from({ length: 8 }, () => answer(cookie, fields)))
    expect(retries.map((r) => r.status)).toEqual(Array(8).fill(302))
    expect(await db.select({ n: count() }).from(reviewLogs).where(eq(reviewLogs.userId, userId))).toEqual([{ n: 1 }])
    expect(await cardStatesFor(db, userId)).toEqual(before)
  })

  it('concurrent answers to one card (different review ids): each recorded or refused whole, never two from one state', async () => {
    const db = getDb()
    const { cookie } = await signUp('student')
    const card = (await openStudy(cookie)).body.card!
    const results = await Promise.all(
      ['1', '2', '3', '4', '3', '2'].map((rating, i) =>
        answer(cookie, { intent: 'review', reviewId: `${card.reviewId}-c${i}`, itemId: card.itemId, rating }),
      ),
    )
    const recorded = results.filter((r) => r.status === 302).length
    expect(recorded).toBeGreaterThanOrEqual(1)
    expect(results.filter((r) => r.status === 409)).toHaveLength(6 - recorded) // "answered elsewhere in the meantime"
    const userId = await userIdOf(cookie)
    const log = await reviewLogFor(db, userId)
    expect(log).toHaveLength(recorded)
    // A later answer may follow an earlier one (it saw the new state), but no two start from the same state.
    expect(new Set(log.map((r) => r.before.reps)).size).toBe(recorded)
    await expectStateEqualsReplay(db, userId)
  })

  it('undo restores the previous state exactly, and a replayed undone answer stays undone', async () => {
    const db = getDb()
    const card = (await openStudy(null)).body.card!
    const cookie = cookieFrom(
      (await answer(null, { intent: 'review', reviewId: card.reviewId, itemId: card.itemId, rating: '4' })).headers,
    )!
    const userId = await userIdOf(cookie)
    const afterFirst = await cardStatesFor(db, userId)
    await answer(cookie, { intent: 'review', reviewId: `${card.reviewId}-again`, itemId: card.itemId, rating: '1' })
    expect(await cardStatesFor(db, userId)).not.toEqual(afterFirst)
    const undo = await answer(cookie, { intent: 'undo' })
    expect(undo.location).toBe(`/decks/${DECK}/study?card=${card.itemId}&msg=undone`)
    expect(await cardStatesFor(db, userId)).toEqual(afterFirst)
    expect((await answer(cookie, { intent: 'undo' })).location).toContain('msg=undone')
    expect(await cardStatesFor(db, userId)).toEqual([])
    expect((await answer(cookie, { intent: 'undo' })).location).toBe(`/decks/${DECK}/study?msg=nothing`)
    expect((await answer(cookie, { intent: 'review', reviewId: card.reviewId, itemId: card.itemId, rating: '4' })).status).toBe(302)
    expect(await cardStatesFor(db, userId)).toEqual([])
    expect((await reviewLogFor(db, userId)).map((r) => r.undoneAt !== null)).toEqual([true, true])
    await expectStateEqualsReplay(db, userId)
  })

  it('a quiz stores its attempt and answers, ignores a retried answer, and scores', async () => {
    const db = getDb()
    const { cookie } = await signUp('student')
    const started = await settle(quizSetupAction(await args(formRequest('/quiz', { deckId: DECK, count: '3' }, cookie), {})))
    expect(started.status).toBe(302)
    const id = started.location!.split('/').pop()!
    const [attempt] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, id))
    expect(attempt!.itemIds).toHaveLength(3)
    for (let i = 0; i < 3; i++) {
      const q = await call<{ position: number; total: number }>(quizQuestionLoader, getRequest(`/quiz/${id}`, cookie), { attemptId: id })
      expect(q.body).toMatchObject({ position: i, total: 3 })
      const res = await call(quizAnswerAction, formRequest(`/quiz/${id}`, { position: String(i), response: '' }, cookie), { attemptId: id })
      expect(res.location).toBe(i === 2 ? `/quiz/${id}/result` : `/quiz/${id}`)
    }
    await call(quizAnswerAction, formRequest(`/quiz/${id}`, { position: '0', response: 'a retry' }, cookie), { attemptId: id })
    expect(await db.select({ n: count() }).from(quizAnswers).where(eq(quizAnswers.attemptId, id))).toEqual([{ n: 3 }])
    const result = await call<{ score: number; total: number }>(quizResultLoader, getRequest(`/quiz/${id}/result`, cookie), {
      attemptId: id,
    })
    expect(result.body).toMatchObject({ score: 0, total: 3 }) // nothing answered is right
    expect((await db.select().from(quizAttempts).where(eq(quizAttempts.id, id)))[0]).toMatchObject({ score: 0 })
  })

  it("the class dashboard shows each student's progress", async () => {
    const db = getDb()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie, 'libSQL class')
    const assignmentId = await createAssignment(teacher.cookie, classId, { deckId: DECK })
    const [klass] = await db.select().from(classes).where(eq(classes.id, classId))
    const alice = await signUp('student', null, 'Alice')
    const bob = await signUp('student', null, 'Bob')
    await join(alice.cookie, klass!.joinCode)
    await join(bob.cookie, klass!.joinCode)
    for (const rating of ['4', '1']) {
      const card = (await openStudy(alice.cookie)).body.card!
      expect((await answer(alice.cookie, { intent: 'review', reviewId: card.reviewId, itemId: card.itemId, rating })).status).toBe(302)
    }
    const dash = await settle<{
      students: Array<{ name: string; started: number; reviews7d: number }>
      items: Array<{ answers: number; correctShare: number | null }>
      totalItems: number
    }>(
      assignmentLoader(
        await args(getRequest(`/classes/${classId}/assignments/${assignmentId}?sort=started&dir=desc`, teacher.cookie), {
          classId,
          assignmentId,
        }),
      ),
    )
    expect(dash.status).toBe(200)
    expect(dash.body.totalItems).toBeGreaterThan(2)
    expect(await db.select({ n: count() }).from(deckItems).where(eq(deckItems.deckId, DECK))).toEqual([{ n: dash.body.totalItems }])
    expect(dash.body.students.map((s) => [s.name, s.started, s.reviews7d])).toEqual([
      ['Alice', 2, 2],
      ['Bob', 0, 0],
    ])
    expect(
      dash.body.items
        .filter((i) => i.answers > 0)
        .map((i) => i.correctShare)
        .sort(),
    ).toEqual([0, 1])
    const aliceId = (await db.select({ id: users.id }).from(users).where(eq(users.email, alice.email)))[0]!.id
    await expectStateEqualsReplay(db, aliceId)
  })

  it('afterwards the whole database agrees with its log: each answer once, every state its replay, caches exact', async () => {
    const check = await checkDatabase(HRANA_URL, new Set())
    expect(check.storedReviews).toBeGreaterThan(10)
    expect(check).toMatchObject({
      duplicateReviews: 0,
      statesDiffering: 0,
      answerCountsDiffering: 0,
      studyDaysDiffering: 0,
      integrity: 'ok',
    })
  })
})
