import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cardStates, reviewLogs, users } from '../../db/schema'
import { newCard, rebuildCardStates, scheduleReview, type LoggedReview, type RatingValue } from '~/domain/scheduling'
import { action, loader } from '~/routes/study'
import { formatDueInWords } from '~/i18n'
import { studyDayAt } from '~/domain/study-day'
import { cardFromRow, cardStatesFor, recordReview, reviewLogFor, undoLastReview } from '~/data/reviews.server'
import { freshDatabase } from '../support/db'
import { call, cookieFrom, formRequest, getRequest, guestCookie } from '../support/routes'

type StudyData = {
  card: { itemId: string; reviewId: string; shownAt: number; queue: string; intervals: Record<string, string> } | null
  remaining: { fresh: number; learning: number; due: number }
  nextDueText: string | null
}

/** The study page of a learner (a new guest unless a cookie is given). */
async function openStudy(deckId = 'all', cookie: string | null = null, query = '') {
  cookie ??= await guestCookie()
  const res = await call<StudyData>(loader, getRequest(`/decks/${deckId}/study${query}`, cookie), { deckId })
  return { ...res, cookie }
}

async function answer(cookie: string, fields: Record<string, string>, deckId = 'all') {
  return call<{ error: string }>(action, formRequest(`/decks/${deckId}/study`, fields, cookie), { deckId })
}

async function counts(db: Awaited<ReturnType<typeof freshDatabase>>) {
  const [logs] = await db.select({ n: count() }).from(reviewLogs)
  const [states] = await db.select({ n: count() }).from(cardStates)
  return { logs: logs!.n, states: states!.n }
}

describe('study loop through the route loader and action', () => {
  it('shows a visitor the first new card without creating anything; the first answer creates the guest', async () => {
    const db = await freshDatabase()
    const visit = await call<StudyData>(loader, getRequest('/decks/all/study'), { deckId: 'all' })
    expect(visit.status).toBe(200)
    expect(visit.headers.get('Set-Cookie')).toBeNull()
    expect(await db.select({ n: count() }).from(users)).toEqual([{ n: 0 }])
    expect(visit.body.card?.itemId).toBe('mh-date-takaichi-administration-start')
    expect(visit.body.card?.queue).toBe('new')
    expect(Object.keys(visit.body.card!.intervals)).toEqual(['1', '2', '3', '4'])
    const card = visit.body.card!
    const res = await call(
      action,
      formRequest('/decks/all/study', {
        intent: 'review',
        reviewId: card.reviewId,
        itemId: card.itemId,
        rating: '3',
        shownAt: String(card.shownAt),
      }),
      { deckId: 'all' },
    )
    expect(res.status).toBe(302)
    expect(res.headers.get('Set-Cookie')).toContain('HttpOnly')
    const first = { cookie: cookieFrom(res.headers) }
    expect(first.cookie).toMatch(/^sd_session=/)
    expect(res.location).toBe('/decks/all/study')
    expect(await counts(db)).toEqual({ logs: 1, states: 1 })
    const [log] = await db.select().from(reviewLogs)
    expect(log).toMatchObject({ id: card.reviewId, itemId: card.itemId, rating: 3, undoneAt: null, retention: 0.9 })
    expect(log!.before.state).toBe(0)
    // The next visit shows the next new card (the first is in learning, due in minutes).
    const second = await openStudy('all', first.cookie)
    expect(second.body.card?.itemId).toBe('mh-date-asean-summits-kuala-lumpur')
    expect(second.body.remaining.learning).toBe(1)
    expect(await db.select({ n: count() }).from(users)).toEqual([{ n: 1 }])
  })

  it('is idempotent on the review id: a retried POST and a double tap change nothing twice', async () => {
    const db = await freshDatabase()
    const { body, cookie } = await openStudy()
    const fields = { intent: 'review', reviewId: body.card!.reviewId, itemId: body.card!.itemId, rating: '3' }
    expect((await answer(cookie!, fields)).status).toBe(302)
    const stateAfterFirst = await cardStatesFor(db, (await db.select().from(users))[0]!.id)
    expect((await answer(cookie!, fields)).status).toBe(302)
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => answer(cookie!, fields)))
    expect(concurrent.map((r) => r.status)).toEqual(Array(10).fill(302))
    expect(await counts(db)).toEqual({ logs: 1, states: 1 })
    expect(await cardStatesFor(db, (await db.select().from(users))[0]!.id)).toEqual(stateAfterFirst)
  })

  it('records exactly one of many concurrent first answers to the same new card (different review ids)', async () => {
    const db = await freshDatabase()
    const { body, cookie } = await openStudy()
    const results = await Promise.all(
      ['1', '2', '3', '4', '3', '2'].map((rating, i) =>
        answer(cookie!, { intent: 'review', reviewId: `concurrent-${i}`, itemId: body.card!.itemId, rating }),
      ),
    )
    expect(results.filter((r) => r.status === 302)).toHaveLength(1)
    expect(results.filter((r) => r.status === 409)).toHaveLength(5)
    expect(await counts(db)).toEqual({ logs: 1, states: 1 })
  })

  it.each([
    [{ rating: '5' }, 400, 'rating: must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)'],
    [{ rating: 'good' }, 400, 'rating:'],
    [{ reviewId: '' }, 400, 'reviewId:'],
    [{ itemId: 'no-such-item' }, 404, 'There is no card "no-such-item".'],
    [{ itemId: 'Bad Id!' }, 400, 'itemId:'],
    [{ intent: 'delete-everything' }, 400, 'intent'],
  ])('refuses bad input %o with %i and a clear message, writing nothing', async (override, status, message) => {
    const db = await freshDatabase()
    const { body, cookie } = await openStudy()
    const res = await answer(cookie!, {
      intent: 'review',
      reviewId: body.card!.reviewId,
      itemId: body.card!.itemId,
      rating: '3',
      ...override,
    })
    expect(res.status).toBe(status)
    expect(res.body.error).toContain(message)
    expect(await counts(db)).toEqual({ logs: 0, states: 0 })
  })

  it('refuses a card that is not in the deck, an unknown deck, and a session that has ended', async () => {
    const db = await freshDatabase()
    const { cookie } = await openStudy('dates')
    const notInDeck = await answer(cookie!, { intent: 'review', reviewId: 'abcdefgh1', itemId: 'mh-actor-motegi', rating: '3' }, 'dates')
    expect(notInDeck.status).toBe(404)
    const noDeck = await call(loader, getRequest('/decks/nope/study', cookie), { deckId: 'nope' })
    expect(noDeck.status).toBe(404)
    const ended = await call<{ error: string }>(
      action,
      formRequest(
        '/decks/all/study',
        { intent: 'review', reviewId: 'abcdefgh2', itemId: 'mh-actor-motegi', rating: '3' },
        'sd_session=no-such-session',
      ),
      { deckId: 'all' },
    )
    expect(ended.status).toBe(401)
    // The dead cookie is cleared, so reloading continues as a visitor.
    expect(ended.headers.get('Set-Cookie')).toMatch(/^sd_session=; Path=\/; Max-Age=0/)
    expect(await counts(db)).toEqual({ logs: 0, states: 0 })
  })

  it("refuses to reuse another learner's review id, writing nothing", async () => {
    const db = await freshDatabase()
    const alice = await openStudy()
    const bob = await openStudy()
    const fields = { intent: 'review', reviewId: alice.body.card!.reviewId, itemId: alice.body.card!.itemId, rating: '3' }
    expect((await answer(alice.cookie!, fields)).status).toBe(302)
    const stolen = await answer(bob.cookie!, fields)
    expect(stolen.status).toBe(409)
    expect(stolen.body.error).toContain('already used')
    expect(await counts(db)).toEqual({ logs: 1, states: 1 })
  })

  it('undo restores the exact previous state, and shows the undone card again', async () => {
    const db = await freshDatabase()
    const { body, cookie } = await openStudy()
    const itemId = body.card!.itemId
    await answer(cookie!, { intent: 'review', reviewId: 'first-answer', itemId, rating: '4' })
    const [user] = await db.select().from(users)
    const afterFirst = (await cardStatesFor(db, user!.id))[0]!
    // Show it again (learn ahead is not needed: Easy sends it days away) → answer it again via preferItemId.
    await answer(cookie!, { intent: 'review', reviewId: 'second-answer', itemId, rating: '1' })
    const undo = await answer(cookie!, { intent: 'undo' })
    expect(undo.status).toBe(302)
    expect(undo.location).toBe(`/decks/all/study?card=${itemId}&msg=undone`)
    expect((await cardStatesFor(db, user!.id))[0]).toEqual(afterFirst)
    const shown = await openStudy('all', cookie, `?card=${itemId}&msg=undone`)
    expect(shown.body.card?.itemId).toBe(itemId)
    // Undo the first answer too: the card is new again (no state row), and the log keeps both rows, undone.
    expect((await answer(cookie!, { intent: 'undo' })).location).toContain('msg=undone')
    expect(await cardStatesFor(db, user!.id)).toEqual([])
    const log = await reviewLogFor(db, user!.id)
    expect(log.map((r) => r.undoneAt !== null)).toEqual([true, true])
    expect((await answer(cookie!, { intent: 'undo' })).location).toBe('/decks/all/study?msg=nothing')
    // A replay of an undone answer's request does not resurrect it.
    expect((await answer(cookie!, { intent: 'review', reviewId: 'first-answer', itemId, rating: '4' })).status).toBe(302)
    expect(await cardStatesFor(db, user!.id)).toEqual([])
  })

  it('shows an un-started card again after undo even though newer cards were introduced after it', async () => {
    await freshDatabase()
    const { cookie } = await openStudy('dates')
    const introduced: string[] = []
    for (let i = 0; i < 3; i++) {
      const { body } = await openStudy('dates', cookie)
      introduced.push(body.card!.itemId)
      expect(
        (await answer(cookie!, { intent: 'review', reviewId: `cursor-answer-${i}`, itemId: body.card!.itemId, rating: '4' }, 'dates'))
          .status,
      ).toBe(302)
    }
    for (let i = 0; i < 3; i++) await answer(cookie!, { intent: 'undo' }, 'dates')
    const { body } = await openStudy('dates', cookie)
    expect(body.card?.itemId).toBe(introduced[0])
    expect(body.card?.queue).toBe('new')
  })

  it('respects the new-cards-per-day limit and says when the next card is due', async () => {
    const db = await freshDatabase()
    const { cookie } = await openStudy()
    const [user] = await db.select().from(users)
    const { userSettings } = await import('../../db/schema')
    await db.update(userSettings).set({ newPerDay: 2 }).where(eq(userSettings.userId, user!.id))
    for (let i = 0; i < 2; i++) {
      const { body } = await openStudy('all', cookie)
      expect(body.card?.queue).toBe('new')
      expect(
        (await answer(cookie!, { intent: 'review', reviewId: `limit-answer-${i}`, itemId: body.card!.itemId, rating: '4' })).status,
      ).toBe(302)
    }
    const done = await openStudy('all', cookie)
    expect(done.body.card).toBeNull()
    expect(done.body.remaining.fresh).toBe(0)
    expect(done.body.nextDueText).toBeTruthy()
  })

  it('ends a session with a summary, the next due time in words and an offer to study more, taken once a day', async () => {
    const db = await freshDatabase()
    const { cookie } = await openStudy()
    const [user] = await db.select().from(users)
    const { userSettings, newCardExtensions } = await import('../../db/schema')
    await db.update(userSettings).set({ newPerDay: 2 }).where(eq(userSettings.userId, user!.id))
    for (const [i, rating] of ['4', '1'].entries()) {
      const { body } = await openStudy('all', cookie)
      await answer(cookie!, { intent: 'review', reviewId: `session-answer-${i}`, itemId: body.card!.itemId, rating, durationMs: '90000' })
    }
    // The Again card's learning step is minutes away; answer it Easy so nothing is due today.
    const again = await openStudy('all', cookie)
    await answer(cookie!, {
      intent: 'review',
      reviewId: 'session-answer-2',
      itemId: again.body.card!.itemId,
      rating: '4',
      durationMs: '30000',
    })
    type Done = StudyData & {
      session: { answered: number; percentRight: number; minutes: number } | null
      offers: { studyMore: number | null; newLimit: number; signUp: boolean } | null
    }
    const asked = Date.now()
    const done = await call<Done>(loader, getRequest('/decks/all/study', cookie!), { deckId: 'all' })
    expect(done.body.card).toBeNull()
    expect(done.body.session).toEqual({ answered: 3, percentRight: 67, minutes: 4 })
    // The next new cards come at the next study day's start (04:00 in the learner's zone, UTC here): "tomorrow,
    // 04:00" by the calendar, or "today, 04:00" between midnight and four.
    expect(done.body.nextDueText).toBe(formatDueInWords(studyDayAt(asked, 'UTC').end, asked, 'en', 'UTC'))
    expect(done.body.nextDueText).toMatch(/^(today|tomorrow), 04:00$/)
    expect(done.body.offers).toEqual({ studyMore: 10, newLimit: 2, signUp: true })
    // Study more: today's limit rises once, and the next new card is shown.
    expect((await answer(cookie!, { intent: 'study-more' })).status).toBe(302)
    expect((await answer(cookie!, { intent: 'study-more' })).status).toBe(302)
    expect(await db.select({ extra: newCardExtensions.extra }).from(newCardExtensions)).toEqual([{ extra: 10 }])
    const more = await openStudy('all', cookie)
    expect(more.body.card?.queue).toBe('new')
    expect(more.body.remaining.fresh).toBeGreaterThan(0)
  })

  it('refuses an unknown intent with a clear error and writes nothing', async () => {
    const db = await freshDatabase()
    const { cookie } = await openStudy()
    const res = await answer(cookie!, { intent: 'study-less' })
    expect(res.status).toBe(400)
    expect(res.body.error).toContain('study-more')
    const { newCardExtensions } = await import('../../db/schema')
    expect(await db.select().from(newCardExtensions)).toEqual([])
  })
})

describe('the review log is the truth', () => {
  it('replaying the stored log reproduces card_states exactly after 1,000 random answers and undos', async () => {
    const db = await freshDatabase()
    const { cookie } = await openStudy()
    const [user] = await db.select().from(users)
    const itemIds = [
      'mh-date-takaichi-administration-start',
      'mh-date-asean-summits-kuala-lumpur',
      'mh-date-apec-ministerial-gyeongju',
      'mh-actor-motegi',
      'mh-actor-hosoya',
    ]
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    let now = Date.UTC(2026, 0, 1)
    let recorded = 0
    let undone = 0
    while (recorded < 1000) {
      now += Math.floor(rand() * 2 * 86_400_000) + 60_000
      if (rand() < 0.1 && recorded > 0) {
        if ((await undoLastReview(db, user!.id, now)).status === 'undone') undone++
        continue
      }
      const result = await recordReview(db, {
        userId: user!.id,
        itemId: itemIds[Math.floor(rand() * itemIds.length)]!,
        reviewId: `rand-${recorded}-${Math.floor(rand() * 1e9)}`,
        rating: (1 + Math.floor(rand() * 4)) as RatingValue,
        durationMs: 1000,
        now,
      })
      expect(result.status).toBe('recorded')
      recorded++
    }
    expect(undone).toBeGreaterThan(20)
    expect(cookie).toBeTruthy()
    const log = await reviewLogFor(db, user!.id)
    expect(log).toHaveLength(1000)
    const rebuilt = rebuildCardStates(log as LoggedReview[])
    const stored = new Map((await cardStatesFor(db, user!.id)).map((row) => [row.itemId, cardFromRow(row)]))
    expect(rebuilt).toEqual(stored)
    // The answer-count cache agrees with the log too (answers and undos included).
    const { checkDatabase } = await import('../reliability/verify')
    expect(await checkDatabase(process.env.DATABASE_URL!, new Set())).toMatchObject({ answerCountsDiffering: 0, studyDaysDiffering: 0 })
    // And every logged "before" is exactly the state replay had reached at that moment.
    const replay = new Map<string, ReturnType<typeof newCard>>()
    for (const r of log.filter((x) => x.undoneAt === null)) {
      expect(r.before).toEqual(replay.get(r.itemId) ?? newCard(r.reviewedAt))
      replay.set(r.itemId, scheduleReview(r.before, r.rating as RatingValue, r.reviewedAt, r.retention))
    }
  })
})

describe('the reviews module grades responses itself', () => {
  it('stores the verdict of the question the review id seeded, whatever the caller believes, and no response for a flip card', async () => {
    const db = await freshDatabase()
    const guest = await openStudy()
    const [user] = await db.select().from(users)
    const record = (itemId: string, reviewId: string, response: string) =>
      recordReview(db, { userId: user!.id, itemId, reviewId, rating: 3, durationMs: 1, now: Date.now(), response })
    expect(guest.cookie).toBeTruthy()
    expect((await record('kd-true-false-overnight', 'grade-right-1', 'true')).status).toBe('recorded')
    expect((await record('kd-cloze-summit-day', 'grade-wrong-1', 'Osaka')).status).toBe('recorded')
    expect((await record('mh-date-takaichi-administration-start', 'grade-flip-1', 'anything')).status).toBe('recorded')
    const rows = new Map((await db.select().from(reviewLogs)).map((r) => [r.id, r]))
    expect(rows.get('grade-right-1')).toMatchObject({ response: 'true', correct: true })
    expect(rows.get('grade-wrong-1')).toMatchObject({ response: 'Osaka', correct: false })
    expect(rows.get('grade-flip-1')).toMatchObject({ response: null, correct: null })
  })
})
