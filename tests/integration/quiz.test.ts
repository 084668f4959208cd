import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { items, quizAnswers, quizAttempts, reviewRequests } from '../../db/schema'
import type { Question } from '~/domain/questions'
import { asQuizItem, questionSeed, scoreAttempt } from '~/domain/quiz'
import { questionFor } from '~/data/questions.server'
import { action as setupAction } from '~/routes/quiz'
import { action as answerAction, loader as questionLoader } from '~/routes/quiz-attempt'
import { action as resultAction, loader as resultLoader } from '~/routes/quiz-result'
import { freshDatabase } from '../support/db'
import { args, call, formRequest, getRequest, guestCookie, settle } from '../support/routes'

async function learner() {
  return guestCookie()
}
async function start(cookie: string, fields: Record<string, string>) {
  return settle<{ result: { error?: Record<string, string[]> } }>(setupAction(await args(formRequest('/quiz', fields, cookie), {})))
}
const question = (cookie: string, id: string) =>
  call<{ position: number; total: number; question: Question; prompt: { en: string } }>(questionLoader, getRequest(`/quiz/${id}`, cookie), {
    attemptId: id,
  })
const answer = (cookie: string, id: string, fields: Record<string, string>) =>
  call(answerAction, formRequest(`/quiz/${id}`, fields, cookie), { attemptId: id })

describe('quiz scoring (pure)', () => {
  it('counts right answers before the deadline; unanswered and late answers are wrong', () => {
    const answers = [
      { position: 0, correct: true, answeredAt: 100 },
      { position: 1, correct: false, answeredAt: 100 },
      { position: 2, correct: true, answeredAt: 300 },
    ]
    expect(scoreAttempt(answers, 4, null)).toEqual({ score: 2, total: 4, missedPositions: [1, 3] })
    expect(scoreAttempt(answers, 4, 200)).toEqual({ score: 1, total: 4, missedPositions: [1, 2, 3] })
  })
})

describe('quiz mode', () => {
  it('stores an attempt and each answer, scores it and sends the missed items to review', async () => {
    const db = await freshDatabase()
    const cookie = await learner()
    const started = await start(cookie, { deckId: 'dates', count: '3' })
    expect(started.status).toBe(302)
    const id = started.location!.split('/').pop()!
    const [attempt] = await db.select().from(quizAttempts)
    expect(attempt).toMatchObject({ id, finishedAt: null, deadline: null })
    expect(attempt!.itemIds).toHaveLength(3)
    for (let i = 0; i < 3; i++) {
      const q = await question(cookie, id)
      expect(q.body).toMatchObject({ position: i, total: 3, question: { kind: 'choice' } }) // flip cards: a choice among comparable answers
      const res = await answer(cookie, id, { position: String(i), response: i === 0 ? 'not a date at all' : '' })
      expect(res.location).toBe(i === 2 ? `/quiz/${id}/result` : `/quiz/${id}`)
    }
    // A retried POST for an answered position changes nothing.
    await answer(cookie, id, { position: '0', response: 'something else' })
    expect(await db.select({ n: count() }).from(quizAnswers)).toEqual([{ n: 3 }])
    expect((await db.select().from(quizAnswers).where(eq(quizAnswers.position, 0)))[0]!.response).toBe('not a date at all')
    const result = await call<{ score: number; total: number; mistakes: unknown[] }>(
      resultLoader,
      getRequest(`/quiz/${id}/result`, cookie),
      { attemptId: id },
    )
    expect(result.body).toMatchObject({ score: 0, total: 3 })
    expect(result.body.mistakes).toHaveLength(3)
    expect((await db.select().from(quizAttempts))[0]).toMatchObject({ score: 0 })
    const sent = await call(resultAction, formRequest(`/quiz/${id}/result`, { intent: 'request-review' }, cookie), { attemptId: id })
    expect(sent.location).toBe(`/quiz/${id}/result?added=3`)
    expect(await db.select({ n: count() }).from(reviewRequests)).toEqual([{ n: 3 }])
  })

  it('grades a correct answer as correct', async () => {
    await freshDatabase()
    const cookie = await learner()
    const id = (await start(cookie, { deckId: 'kinds', count: '8' })).location!.split('/').pop()!
    let correct = 0
    for (let i = 0; i < 8; i++) {
      const q = (await question(cookie, id)).body
      const response =
        q.question.kind === 'true-false'
          ? 'true'
          : q.question.kind === 'attribution'
            ? 'japanese-official'
            : q.question.kind === 'cloze'
              ? 'Tokyo'
              : q.question.kind === 'typed'
                ? '2025-10-28'
                : ''
      if (response) correct++
      await answer(cookie, id, { position: String(q.position), response })
    }
    const result = await call<{ score: number }>(resultLoader, getRequest(`/quiz/${id}/result`, cookie), { attemptId: id })
    expect(result.body.score).toBe(correct)
  })

  it('asks flip cards as a choice among comparable answers, grades the right option right, and leaves out flip cards without enough of them', async () => {
    const db = await freshDatabase()
    const cookie = await learner()
    const id = (await start(cookie, { deckId: 'all', count: '100' })).location!.split('/').pop()!
    const [attempt] = await db.select().from(quizAttempts)
    // The six fixture date cards have five comparable dates each; the two actor cards only one other name.
    expect([...attempt!.itemIds].sort()).toEqual(
      [
        'mh-date-takaichi-administration-start',
        'mh-date-asean-summits-kuala-lumpur',
        'mh-date-apec-ministerial-gyeongju',
        'mh-date-g7-foreign-ministers-niagara',
        'mh-date-japan-us-summit-takaichi-trump',
        'mh-date-motegi-rubio-meeting',
      ].sort(),
    )
    const answers = new Map((await db.select({ id: items.id, data: items.data }).from(items)).map((r) => [r.id, r.data.answer]))
    for (let i = 0; i < attempt!.itemIds.length; i++) {
      const q = (await question(cookie, id)).body
      if (q.question.kind !== 'choice') throw new Error(`expected a choice, got ${q.question.kind}`)
      expect(q.question.options).toHaveLength(4)
      const right = answers.get(attempt!.itemIds[q.position]!)!
      const index = q.question.options.findIndex((o) => o.en === right.en)
      expect(index).toBeGreaterThanOrEqual(0)
      await answer(cookie, id, { position: String(q.position), response: String(index) })
    }
    const result = await call<{ score: number; total: number }>(resultLoader, getRequest(`/quiz/${id}/result`, cookie), { attemptId: id })
    expect(result.body).toMatchObject({ score: 6, total: 6, percent: 100, byCategory: [{ category: 'date', right: 6, total: 6 }] })
  })

  it('the result gives a percentage and a breakdown by category', async () => {
    await freshDatabase()
    const cookie = await learner()
    const id = (await start(cookie, { deckId: 'kinds', count: '8' })).location!.split('/').pop()!
    for (let i = 0; i < 8; i++) {
      const q = (await question(cookie, id)).body
      await answer(cookie, id, { position: String(q.position), response: q.question.kind === 'typed' ? '2025-10-28' : '' })
    }
    const result = await call<{
      score: number
      total: number
      percent: number
      byCategory: Array<{ category: string; right: number; total: number }>
    }>(resultLoader, getRequest(`/quiz/${id}/result`, cookie), { attemptId: id })
    expect(result.body).toMatchObject({ score: 1, total: 8, percent: 13 })
    expect(result.body.byCategory.reduce((n, c) => n + c.total, 0)).toBe(8)
    expect(result.body.byCategory.reduce((n, c) => n + c.right, 0)).toBe(1)
  })

  it('asks flip cards among the comparable answers most alike in form; an attempt started before keeps its options', async () => {
    const db = await freshDatabase()
    const cookie = await learner()
    // Comparable answers outside the deck: two more dates, and one unlike them in form (a sentence). Every card
    // then has at least six others to draw from, and the sentence is the one left out.
    const [model] = await db.select().from(items).where(eq(items.id, 'mh-date-motegi-rubio-meeting'))
    const sentence = { en: 'The two ministers agreed to meet again at a later date', zh: '两位部长同意日后再次会面' }
    const extra = [
      ['mh-date-zz-sentence', sentence],
      ['mh-date-zz-fifth', { en: '5 November 2025', zh: '2025 年 11 月 5 日' }],
      ['mh-date-zz-ninth', { en: '9 November 2025', zh: '2025 年 11 月 9 日' }],
    ] as const
    for (const [extraId, answer] of extra) {
      await db.insert(items).values({ ...model!, id: extraId, position: 999, data: { ...model!.data, id: extraId, answer } })
    }
    const id = (await start(cookie, { deckId: 'dates', count: '1' })).location!.split('/').pop()!
    const [attempt] = await db.select().from(quizAttempts)
    expect(attempt!.config.flipAs).toBe('alike')
    const [item] = await db.select({ data: items.data, bank: items.bank }).from(items).where(eq(items.id, attempt!.itemIds[0]!))
    const asked = { ...asQuizItem(item!.data), bank: item!.bank }
    // A seed whose question, drawn from all comparable answers, shows the sentence.
    let shows: string | undefined
    for (let i = 0; i < 64 && !shows; i++) {
      const q = await questionFor(db, asked, questionSeed(`seed-${i}`, 0))
      if (q.kind === 'choice' && q.options.some((o) => o.en === sentence.en)) shows = `seed-${i}`
    }
    expect(shows).toBeDefined()
    await db.update(quizAttempts).set({ seed: shows! }).where(eq(quizAttempts.id, id))
    const options = async () => {
      const q = (await question(cookie, id)).body.question
      return q.kind === 'choice' ? q.options.map((o) => o.en) : []
    }
    expect(await options()).toHaveLength(4)
    expect(await options()).not.toContain(sentence.en)
    await db
      .update(quizAttempts)
      .set({ config: { ...attempt!.config, flipAs: 'choice' } })
      .where(eq(quizAttempts.id, id))
    expect(await options()).toContain(sentence.en)
  })

  it('keeps showing and grading an attempt started before flip cards were asked as choices as it was asked (typed)', async () => {
    const db = await freshDatabase()
    const cookie = await learner()
    const id = (await start(cookie, { deckId: 'dates', count: '1' })).location!.split('/').pop()!
    const [attempt] = await db.select().from(quizAttempts)
    const { flipAs: _dropped, ...oldConfig } = attempt!.config
    await db.update(quizAttempts).set({ config: oldConfig }).where(eq(quizAttempts.id, id))
    expect((await question(cookie, id)).body.question).toEqual({ kind: 'typed' })
  })

  it('does not count answers after the time limit', async () => {
    const db = await freshDatabase()
    const cookie = await learner()
    const id = (await start(cookie, { deckId: 'dates', count: '2', timeLimitMinutes: '5' })).location!.split('/').pop()!
    await db
      .update(quizAttempts)
      .set({ deadline: Date.now() - 1 })
      .where(eq(quizAttempts.id, id))
    await answer(cookie, id, { position: '0', response: '2025-10-21' })
    expect(await db.select({ n: count() }).from(quizAnswers)).toEqual([{ n: 0 }])
    const q = await question(cookie, id)
    expect(q.location).toBe(`/quiz/${id}/result`)
  })

  it("hides another learner's attempt (404) and writes nothing for them", async () => {
    const db = await freshDatabase()
    const alice = await learner()
    const bob = await learner()
    const id = (await start(alice, { deckId: 'dates', count: '2' })).location!.split('/').pop()!
    expect((await question(bob, id)).status).toBe(404)
    expect((await answer(bob, id, { position: '0', response: 'x' })).status).toBe(404)
    expect((await call(resultLoader, getRequest(`/quiz/${id}/result`, bob), { attemptId: id })).status).toBe(404)
    expect(await db.select({ n: count() }).from(quizAnswers)).toEqual([{ n: 0 }])
  })

  it.each([
    [{ count: '0' }, 'count', 'errorQuizCount'],
    [{ count: '101' }, 'count', 'errorQuizCount'],
    [{ count: 'ten' }, 'count', 'errorQuizCount'],
    [{ count: '5', timeLimitMinutes: '0' }, 'timeLimitMinutes', 'errorQuizTime'],
    [{ count: '5', deckId: 'no-such-deck' }, 'deckId', 'errorQuizDeck'],
    [{ count: '5', category: 'gossip' }, 'category', 'errorChoice'],
  ])('refuses a bad setup %o with a field message, creating nothing', async (fields, field, message) => {
    const db = await freshDatabase()
    const res = await start(await learner(), fields)
    expect(res.status).toBe(400)
    expect(res.body.result.error?.[field]).toEqual([message])
    expect(await db.select({ n: count() }).from(quizAttempts)).toEqual([{ n: 0 }])
  })

  it('says so when no item matches, creating nothing', async () => {
    const db = await freshDatabase()
    const res = await start(await learner(), { count: '5', source: 'c5-summit-breakout' })
    expect(res.status).toBe(400)
    expect(res.body.result.error?.['']).toEqual(['quizNoItems'])
    expect(await db.select({ n: count() }).from(quizAttempts)).toEqual([{ n: 0 }])
  })
})
