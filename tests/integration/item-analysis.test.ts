import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { answerCounts, classes, users } from '../../db/schema'
import { flagItem } from '~/data/flags.server'
import { liveItem, questionFor } from '~/data/questions.server'
import { recordReview, undoLastReview } from '~/data/reviews.server'
import type { Question } from '~/domain/questions'
import { action as setupAction } from '~/routes/quiz'
import { action as answerAction, loader as questionLoader } from '~/routes/quiz-attempt'
import { loader as resultLoader } from '~/routes/quiz-result'
import { loader as itemsLoader } from '~/routes/assignment-items'
import { loader as matrixLoader } from '~/routes/assignment-items-export'
import type { AnalysedItem } from '~/data/item-analysis.server'
import { createAssignment, createClass, join, signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { args, call, formRequest, getRequest, settle } from '../support/routes'

const CHOICE = 'kd-choice-asean-chair'
const TYPED = 'kd-typed-meeting-day'

async function userIdOf(email: string) {
  const db = (await import('~/utils/db.server')).getDb()
  return (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id
}

/** Answers an item through the app's own review code; for a choice item, picks the option with this English text. */
async function answer(userId: string, itemId: string, opts: { pick?: string; typed?: string; durationMs?: number; now: number }) {
  const db = (await import('~/utils/db.server')).getDb()
  const reviewId = randomUUID()
  const item = (await liveItem(db, itemId))!
  const question = await questionFor(db, item, reviewId)
  const response = question.kind === 'choice' ? String(question.options.findIndex((o) => o.en === opts.pick)) : opts.typed!
  const res = await recordReview(db, { userId, itemId, reviewId, rating: 3, durationMs: opts.durationMs ?? 1000, now: opts.now, response })
  expect(res.status).toBe('recorded')
}

describe('item analysis', () => {
  it('reports first answers, time, Moodle statistics, wrong options by text (review and quiz) and a matrix CSV; strangers get 404', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie)
    const assignmentId = await createAssignment(teacher.cookie, classId, { deckId: 'kinds' })
    const [klass] = await db.select().from(classes)
    const people = {
      alice: await signUp('student', null, 'Alice'),
      bob: await signUp('student', null, 'Bob'),
      carol: await signUp('student', null, 'Carol'),
    }
    for (const p of Object.values(people)) await join(p.cookie, klass!.joinCode)
    const [alice, bob, carol] = await Promise.all([userIdOf(people.alice.email), userIdOf(people.bob.email), userIdOf(people.carol.email)])
    let now = Date.now() - 3_600_000
    const tick = () => (now += 1000)

    // Choice: all three first answers wrong (Canada twice, Japan once) — each shown in its own shuffle.
    await answer(alice, CHOICE, { pick: 'Canada', now: tick() })
    await answer(alice, CHOICE, { pick: 'Malaysia', now: tick() })
    await answer(bob, CHOICE, { pick: 'Canada', now: tick() })
    await answer(carol, CHOICE, { pick: 'Japan', now: tick() })
    // Typed: Alice and Carol right first; Bob's right answer is undone, so his first answer is the wrong one.
    await answer(alice, TYPED, { typed: '28 October 2025', durationMs: 4000, now: tick() })
    await answer(bob, TYPED, { typed: '28 October 2025', durationMs: 9000, now: tick() })
    expect((await undoLastReview(db, bob, tick())).status).toBe('undone')
    await answer(bob, TYPED, { typed: '1 May 2020', durationMs: 2000, now: tick() })
    await answer(carol, TYPED, { typed: '2025-10-28', durationMs: 6000, now: tick() })
    const bobsCounts = await db.select().from(answerCounts).where(eq(answerCounts.userId, bob))
    expect(bobsCounts.find((r) => r.itemId === TYPED)).toMatchObject({ answers: 1, correct: 0, durationMs: 2000, firstCorrect: 0 })

    // A quiz on the assignment: Alice picks South Korea on the choice question, answers nothing else right.
    const started = await settle(setupAction(await args(formRequest('/quiz', { assignmentId, count: '8' }, people.alice.cookie), {})))
    expect(started.status).toBe(302)
    const attemptId = started.location!.split('/').pop()!
    for (let i = 0; i < 8; i++) {
      const q = await call<{ position: number; question: Question }>(
        questionLoader,
        getRequest(`/quiz/${attemptId}`, people.alice.cookie),
        { attemptId },
      )
      const response =
        q.body.question.kind === 'choice' ? String(q.body.question.options.findIndex((o) => o.en === 'South Korea')) : 'no idea'
      await call(answerAction, formRequest(`/quiz/${attemptId}`, { position: String(q.body.position), response }, people.alice.cookie), {
        attemptId,
      })
    }
    await call(resultLoader, getRequest(`/quiz/${attemptId}/result`, people.alice.cookie), { attemptId })

    const page = await settle<{ items: AnalysedItem[]; quizAttempts: number }>(
      itemsLoader(
        await args(getRequest(`/classes/${classId}/assignments/${assignmentId}/items`, teacher.cookie), { classId, assignmentId }),
      ),
    )
    expect(page.status).toBe(200)
    expect(page.body.items).toHaveLength(8)
    expect(page.body.quizAttempts).toBe(1)
    const choice = page.body.items.find((i) => i.itemId === CHOICE)!
    const typed = page.body.items.find((i) => i.itemId === TYPED)!
    expect(choice.review).toMatchObject({ answers: 4, firstCorrect: 0, lapsesPerReview: 0, meanSeconds: 1 })
    expect(choice.review.stats).toMatchObject({ n: 3, facility: 0, discrimination: null })
    expect(typed.review).toMatchObject({ answers: 3, firstCorrect: 2 / 3, meanSeconds: 4 })
    // Each student's first answers: Alice 0,1; Bob 0,0; Carol 0,1 — the typed item has no rest variance.
    expect(typed.review.stats).toMatchObject({ n: 3, discrimination: null })
    // Wrong options are counted for the one item asked for, from the meaning stored with each answer.
    expect([choice.hasOptions, typed.hasOptions, choice.wrongPicks]).toEqual([true, false, null])
    const withPicks = await settle<{ items: AnalysedItem[] }>(
      itemsLoader(
        await args(getRequest(`/classes/${classId}/assignments/${assignmentId}/items?picks=${CHOICE}`, teacher.cookie), {
          classId,
          assignmentId,
        }),
      ),
    )
    expect(withPicks.body.items.find((i) => i.itemId === CHOICE)!.wrongPicks).toEqual([
      { pick: { kind: 'option', text: { en: 'Canada', zh: '加拿大' } }, count: 2 },
      { pick: { kind: 'option', text: { en: 'Japan', zh: '日本' } }, count: 1 },
      { pick: { kind: 'option', text: { en: 'South Korea', zh: '韩国' } }, count: 1 },
    ])
    expect(withPicks.body.items.find((i) => i.itemId === TYPED)!.wrongPicks).toBeNull()
    expect(choice.quiz.stats).toMatchObject({ n: 1, facility: 0 })
    expect([choice.learnerFlags, typed.learnerFlags]).toEqual([0, 0])
    // Two learners report the choice item (one twice: a new report replaces the old): 2 beside it.
    await flagItem(db, alice, CHOICE, 'unclear', '', tick())
    await flagItem(db, alice, CHOICE, 'wrong', '', tick())
    await flagItem(db, bob, CHOICE, 'other', '', tick())
    const flagged = await settle<{ items: AnalysedItem[] }>(
      itemsLoader(
        await args(getRequest(`/classes/${classId}/assignments/${assignmentId}/items`, teacher.cookie), { classId, assignmentId }),
      ),
    )
    expect(flagged.body.items.find((i) => i.itemId === CHOICE)!.learnerFlags).toBe(2)

    // Sorted by a column from the query string: each table by its own parameters, ties in deck order.
    type Sorted = { items: AnalysedItem[]; quizItems: AnalysedItem[]; reviewSort: unknown; quizSort: unknown }
    const sorted = async (query: string, cookie = teacher.cookie) =>
      (
        await settle<Sorted>(
          itemsLoader(
            await args(getRequest(`/classes/${classId}/assignments/${assignmentId}/items?${query}`, cookie), { classId, assignmentId }),
          ),
        )
      ).body
    const deckOrder = flagged.body.items.map((i) => i.itemId)
    const byFlags = await sorted('sort=learnerFlags&dir=desc')
    expect(byFlags.reviewSort).toEqual({ key: 'learnerFlags', dir: 'desc' })
    expect(byFlags.items.map((i) => i.itemId)).toEqual([CHOICE, ...deckOrder.filter((id) => id !== CHOICE)])
    const byN = (await sorted('sort=n&dir=asc')).items
    expect(byN.map((i) => i.review.stats.n)).toEqual(byN.map((i) => i.review.stats.n).sort((a, b) => a - b))
    expect(byN.filter((i) => i.review.stats.n === 0).map((i) => i.itemId)).toEqual(
      deckOrder.filter((id) => byN.find((i) => i.itemId === id)!.review.stats.n === 0),
    )
    const byFacility = (await sorted('sort=facility&dir=desc')).items
    expect(byFacility.slice(0, 2).map((i) => i.itemId)).toEqual([TYPED, CHOICE])
    expect(byFacility.slice(2).every((i) => i.review.stats.facility === null)).toBe(true)
    // The quiz table keeps its own order (only items in a quiz) and leaves the review table's alone.
    const quizByN = await sorted('qsort=n&qdir=desc&sort=prompt')
    expect(quizByN.quizSort).toEqual({ key: 'n', dir: 'desc' })
    expect(quizByN.quizItems.every((i) => i.quiz.stats.n > 0)).toBe(true)
    expect(quizByN.quizItems.map((i) => i.quiz.stats.n)).toEqual(quizByN.quizItems.map((i) => i.quiz.stats.n).sort((a, b) => b - a))
    // Prompts sort in the reader's language.
    const zhByPrompt = (await sorted('sort=prompt', `${teacher.cookie}; sd_lang=zh-Hans`)).items.map((i) => i.prompt.zh)
    expect(zhByPrompt).toEqual([...zhByPrompt].sort(new Intl.Collator('zh-Hans', { numeric: true }).compare))
    const enByPrompt = quizByN.items.map((i) => i.prompt.en)
    expect(enByPrompt).toEqual([...enByPrompt].sort(new Intl.Collator('en', { numeric: true }).compare))
    expect(zhByPrompt).not.toEqual(quizByN.items.map((i) => i.prompt.zh))
    // An unknown column leaves the deck's order.
    expect((await sorted('sort=__proto__&dir=desc')).items.map((i) => i.itemId)).toEqual(deckOrder)

    const csv = await matrixLoader(
      await args(getRequest(`/classes/${classId}/assignments/${assignmentId}/items.csv`, teacher.cookie), { classId, assignmentId }),
    )
    const lines = (await csv.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    const header = lines[0]!.split(',')
    const col = (id: string) => header.indexOf(`"${id}"`)
    const row = (name: string) => lines.find((l) => l.startsWith(`"${name}",`))!.split(',')
    expect(lines).toHaveLength(4)
    expect([row('Alice')[col(CHOICE)], row('Alice')[col(TYPED)], row('Bob')[col(TYPED)], row('Carol')[col(TYPED)]]).toEqual([
      '"0"',
      '"1"',
      '"0"',
      '"1"',
    ])
    expect(row('Alice')[col('kd-ordering-sequence')] ?? '""').toBe('""')

    // Everyone else: 404 (students, another instructor), sign-in for the anonymous.
    const other = await signUp('instructor')
    for (const cookie of [people.alice.cookie, other.cookie]) {
      for (const [loader, path] of [
        [itemsLoader, 'items'],
        [matrixLoader, 'items.csv'],
      ] as const) {
        const res = await settle(
          loader(await args(getRequest(`/classes/${classId}/assignments/${assignmentId}/${path}`, cookie), { classId, assignmentId })),
        )
        expect(res.status).toBe(404)
      }
    }
    expect(
      (
        await settle(
          itemsLoader(await args(getRequest(`/classes/${classId}/assignments/${assignmentId}/items`, null), { classId, assignmentId })),
        )
      ).status,
    ).toBe(302)
  })

  it('counts wrong picks by what was shown (the stored meaning), even after the item is edited', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie)
    const assignmentId = await createAssignment(teacher.cookie, classId, { deckId: 'kinds' })
    const [klass] = await db.select().from(classes)
    const dan = await signUp('student', null, 'Dan')
    await join(dan.cookie, klass!.joinCode)
    const danId = await userIdOf(dan.email)
    let now = Date.now() - 3_600_000
    await answer(danId, CHOICE, { pick: 'Canada', now: (now += 1000) })
    // Framing pair: each displayed side given the other side's perspective.
    const FRAMING = 'kd-framing-pair-summit'
    const item = (await liveItem(db, FRAMING))!
    const question = await questionFor(db, item, 'framing-review')
    if (question.kind !== 'framing-pair' || item.kind !== 'framing-pair') throw new Error('not a framing pair')
    const perspectiveOf = (text: { en: string }) => item.sides.find((s) => s.text.en === text.en)!.perspective
    const swapped = question.sides.map((_, i) => perspectiveOf(question.sides[1 - i]!)).join(',')
    const res = await recordReview(db, {
      userId: danId,
      itemId: FRAMING,
      reviewId: 'framing-review',
      rating: 1,
      durationMs: 1000,
      now: now + 1000,
      response: swapped,
    })
    expect(res.status).toBe('recorded')
    // The author then renames the option Dan picked: he still picked "Canada", not what sits in its place now.
    await db.run(
      sql`update items set data = json_set(data, '$.distractors[1].en', 'Australia', '$.distractors[1].zh', '澳大利亚') where id = ${CHOICE}`,
    )
    const picksOf = async (itemId: string) =>
      (
        await settle<{ items: AnalysedItem[] }>(
          itemsLoader(
            await args(getRequest(`/classes/${classId}/assignments/${assignmentId}/items?picks=${itemId}`, teacher.cookie), {
              classId,
              assignmentId,
            }),
          ),
        )
      ).body.items.find((i) => i.itemId === itemId)!.wrongPicks
    expect(await picksOf(CHOICE)).toEqual([{ pick: { kind: 'option', text: { en: 'Canada', zh: '加拿大' } }, count: 1 }])
    // In the item's own side order, whatever order Dan saw them in.
    expect(await picksOf(FRAMING)).toEqual([
      { pick: { kind: 'perspectives', given: ['chinese-commentary', 'japanese-official'] }, count: 1 },
    ])
  })
})
