/**
 * Errors a user can reach travel as message keys (issue 10.4): thrown pages and action errors carry a key the page
 * shows in the viewer's language; the English `error` detail stays for developers and API clients.
 */
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { classes, classMembers, reviewLogs } from '../../db/schema'
import { action as classAction, loader as classLoader } from '~/routes/class'
import { action as classesAction } from '~/routes/classes'
import { action as languageAction } from '~/routes/language'
import { loader as notFoundLoader } from '~/routes/not-found'
import { loader as quizLoader } from '~/routes/quiz-attempt'
import { action as studyAction, loader as studyLoader } from '~/routes/study'
import { action as syncAction } from '~/routes/sync'
import { createClass, signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { args, call, formRequest, getRequest, guestCookie } from '../support/routes'

type Keyed = { message: string; error?: string }

describe('thrown error pages carry a message key', () => {
  it('404s: an unknown address, deck, quiz and another instructor’s class', async () => {
    await freshDatabase()
    const page = await call<Keyed>(notFoundLoader, getRequest('/no/such/page'))
    expect([page.status, page.body]).toEqual([404, { message: 'notFoundText' }])
    const deck = await call<Keyed>(studyLoader, getRequest('/decks/nope/study'), { deckId: 'nope' })
    expect([deck.status, deck.body]).toEqual([404, { message: 'errorNoSuchDeck' }])
    const quiz = await call<Keyed>(quizLoader, getRequest('/quiz/nope', await guestCookie()), { attemptId: 'nope' })
    expect([quiz.status, quiz.body]).toEqual([404, { message: 'errorNoSuchQuiz' }])
    const owner = await signUp('instructor')
    const classId = await createClass(owner.cookie)
    const stranger = await signUp('instructor')
    const klass = await call<Keyed>(classLoader, getRequest(`/classes/${classId}`, stranger.cookie), { classId })
    expect([klass.status, klass.body]).toEqual([404, { message: 'errorNoSuchClass' }])
  })

  it('401 when a session has ended, 400 for an unknown language', async () => {
    const db = await freshDatabase()
    const ended = await call<Keyed>(
      studyAction,
      formRequest(
        '/decks/all/study',
        { intent: 'review', reviewId: 'abcdefgh2', itemId: 'mh-actor-motegi', rating: '3' },
        'sd_session=no-such-session',
      ),
      { deckId: 'all' },
    )
    expect([ended.status, ended.body]).toEqual([401, { message: 'errorSessionEnded' }])
    const language = await call<Keyed>(languageAction, formRequest('/language', { lang: 'fr', redirectTo: '/' }))
    expect([language.status, language.body]).toEqual([400, { message: 'errorUnknownLanguage' }])
    expect(await db.select({ n: count() }).from(reviewLogs)).toEqual([{ n: 0 }])
  })
})

describe('action errors carry a message key', () => {
  it('the study page: a bad form, an unknown card, an answer id used for another answer', async () => {
    const db = await freshDatabase()
    const cookie = await guestCookie()
    const bad = await call<Keyed>(
      studyAction,
      formRequest('/decks/all/study', { intent: 'review', reviewId: 'abcdefgh1', itemId: 'mh-actor-motegi', rating: '5' }, cookie),
      { deckId: 'all' },
    )
    expect(bad.status).toBe(400)
    expect(bad.body.message).toBe('errorBadForm')
    const unknown = await call<Keyed>(
      studyAction,
      formRequest('/decks/all/study', { intent: 'check', reviewId: 'abcdefgh1', itemId: 'no-such-item' }, cookie),
      { deckId: 'all' },
    )
    expect([unknown.status, unknown.body.message]).toEqual([404, 'errorNoSuchCard'])
    const notInDeck = await call<Keyed>(
      studyAction,
      formRequest('/decks/dates/study', { intent: 'review', reviewId: 'abcdefgh3', itemId: 'mh-actor-motegi', rating: '3' }, cookie),
      { deckId: 'dates' },
    )
    expect([notInDeck.status, notInDeck.body.message]).toEqual([404, 'errorCardNotInDeck'])
    const other = await guestCookie()
    const fields = { intent: 'review', reviewId: 'shared-review-id', itemId: 'mh-actor-motegi', rating: '3' }
    expect((await call(studyAction, formRequest('/decks/all/study', fields, cookie), { deckId: 'all' })).status).toBe(302)
    const reused = await call<Keyed>(studyAction, formRequest('/decks/all/study', fields, other), { deckId: 'all' })
    expect([reused.status, reused.body.message]).toEqual([409, 'errorReviewIdUsed'])
    expect(await db.select({ n: count() }).from(reviewLogs)).toEqual([{ n: 1 }])
  })

  it('the class page: a forged intent and removing someone who is not a member write nothing', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const classId = await createClass(teacher.cookie)
    const forged = await call<Keyed>(classAction, formRequest(`/classes/${classId}`, { intent: 'drop-table' }, teacher.cookie), { classId })
    expect([forged.status, forged.body.message]).toEqual([400, 'errorBadForm'])
    const stranger = await call<Keyed>(
      classAction,
      formRequest(`/classes/${classId}`, { intent: 'remove-student', userId: 'not-a-member' }, teacher.cookie),
      { classId },
    )
    expect([stranger.status, stranger.body.message]).toEqual([404, 'errorNotInClass'])
    const classesForged = await call<Keyed>(classesAction, formRequest('/classes', { intent: 'archive' }, teacher.cookie))
    expect([classesForged.status, classesForged.body.message]).toEqual([400, 'errorBadForm'])
    expect(await db.select({ n: count() }).from(classes)).toEqual([{ n: 1 }])
    expect((await db.select().from(classes))[0]!.archivedAt).toBeNull()
    expect(await db.select({ n: count() }).from(classMembers)).toEqual([{ n: 0 }])
  })
})

describe('the offline sync answers with message keys the phone shows in the learner’s language', () => {
  async function sync(cookie: string | null, batch: string) {
    const response = (await syncAction(await args(formRequest('/sync', { batch }, cookie), {}))) as Response
    return { status: response.status, body: (await response.json()) as { message?: string; error?: string } }
  }

  it('no session, another learner’s answers, an unreadable batch', async () => {
    const db = await freshDatabase()
    const events = JSON.stringify({
      userId: 'someone-else',
      events: [
        {
          type: 'answer',
          id: 'offline-answer-1',
          itemId: 'mh-actor-motegi',
          rating: 3,
          answeredAt: Date.now() - 60_000,
          durationMs: 4000,
          retention: 0.9,
        },
      ],
    })
    expect(await sync(null, events)).toEqual({
      status: 401,
      body: { status: 'error', message: 'errorSyncSignIn', error: expect.stringContaining('sign in') },
    })
    const cookie = await guestCookie()
    const other = await sync(cookie, events)
    expect([other.status, other.body.message]).toEqual([403, 'errorSyncOtherLearner'])
    const unreadable = await sync(cookie, '{not json')
    expect([unreadable.status, unreadable.body.message]).toEqual([400, 'errorSyncMalformed'])
    expect(await db.select({ n: count() }).from(reviewLogs)).toEqual([{ n: 0 }])
  })
})
