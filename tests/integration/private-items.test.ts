/**
 * An imported item of an instructor's private deck is seen by the deck's owner and the students of a class it is
 * assigned to, and by nobody else: not through the study page's check (which grades, and so shows the answer),
 * not through a rating, not through an offline sync (the attack test of wave 2).
 */
import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { classes, openChecks, reviewLogs, users } from '../../db/schema'
import { createImportedDeck } from '~/data/imported-decks.server'
import type { ContentItem } from '~/domain/content/schema'
import { action as studyAction } from '~/routes/study'
import { action as syncAction } from '~/routes/sync'
import type { Database } from '~/utils/db.server'
import { createAssignment, createClass, join, signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { args, call, formRequest, guest } from '../support/routes'

const DECK = 'imp-privatetst'
const ITEM = `${DECK}-1`
const SECRET = 'Secret answer XYZ'

async function privateDeck(db: Database, ownerEmail: string) {
  const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.email, ownerEmail))
  const typed = {
    id: ITEM,
    kind: 'typed',
    category: 'event',
    prompt: { en: 'The private question', zh: 'The private question' },
    answer: { en: SECRET, zh: SECRET },
    accepted: [],
    explanation: { en: '', zh: '' },
    tags: [],
    sources: [],
  } as unknown as ContentItem
  await createImportedDeck(db, { deckId: DECK, ownerId: owner!.id, title: 'Private', fileName: 'private.csv', items: [typed] })
}

const check = (cookie: string | null, deckId: string, reviewId: string) =>
  call<{ check?: unknown; error?: string }>(
    studyAction,
    formRequest(`/decks/${deckId}/study`, { intent: 'check', reviewId, itemId: ITEM, response: 'a guess' }, cookie),
    { deckId },
  )
const rate = (cookie: string | null, deckId: string, reviewId: string) =>
  call(studyAction, formRequest(`/decks/${deckId}/study`, { intent: 'review', reviewId, itemId: ITEM, rating: '3' }, cookie), { deckId })
const rows = async (db: Database) => ({
  logs: (await db.select({ n: count() }).from(reviewLogs))[0]!.n,
  checks: (await db.select({ n: count() }).from(openChecks))[0]!.n,
})

describe("an instructor's private items", () => {
  it('are neither checked nor rated for an outsider, by any deck in the URL; nothing is written and no answer is shown', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    await privateDeck(db, teacher.email)
    const outsider = await signUp('student')
    for (const cookie of [outsider.cookie, null]) {
      for (const deckId of [DECK, 'all', 'kinds']) {
        const checked = await check(cookie, deckId, 'outsider-check-1')
        expect(checked.status, `${deckId} ${cookie ? 'student' : 'visitor'}`).toBe(404)
        expect(JSON.stringify(checked.body)).not.toContain(SECRET)
        expect((await rate(cookie, deckId, 'outsider-rate-1')).status).toBe(404)
      }
    }
    expect(await rows(db)).toEqual({ logs: 0, checks: 0 })
  })

  it('are refused in an offline sync from an outsider, the whole batch unwritten', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    await privateDeck(db, teacher.email)
    const me = await guest()
    const events = [
      {
        type: 'answer',
        id: 'outsider-sync-1',
        itemId: ITEM,
        rating: 3,
        answeredAt: Date.now() - 60_000,
        durationMs: 4000,
        retention: 0.9,
        response: SECRET,
      },
      { type: 'check', reviewId: 'outsider-sync-2', itemId: ITEM, response: SECRET, checkedAt: Date.now() - 30_000, reps: 0 },
    ]
    const response = (await syncAction(
      await args(formRequest('/sync', { batch: JSON.stringify({ userId: me.id, events }) }, me.cookie), {}),
    )) as Response
    const body = (await response.json()) as { status: string; refused: Array<{ index: number; reason: string }> }
    expect(body.status).toBe('refused')
    expect(body.refused.map((r) => [r.index, r.reason])).toEqual([
      [0, 'unknown-item'],
      [1, 'unknown-item'],
    ])
    expect(await rows(db)).toEqual({ logs: 0, checks: 0 })
  })

  it('are checked and rated by the owner and by a student of a class the deck is assigned to, on that deck only', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    await privateDeck(db, teacher.email)
    const classId = await createClass(teacher.cookie, 'Seminar')
    await createAssignment(teacher.cookie, classId, { deckId: DECK, title: 'Private terms' })
    const [klass] = await db.select().from(classes)
    const student = await signUp('student')
    await join(student.cookie, klass!.joinCode)
    for (const [who, cookie] of [
      ['owner', teacher.cookie],
      ['student', student.cookie],
    ] as const) {
      expect((await check(cookie, 'kinds', `${who}-elsewhere-1`)).status, who).toBe(404)
      const checked = await check(cookie, DECK, `${who}-check-1`)
      expect(checked.status, who).toBe(200)
      expect(checked.body.check).toMatchObject({ reviewId: `${who}-check-1`, verdict: { correct: false } })
      expect((await rate(cookie, DECK, `${who}-check-1`)).status, who).toBe(302)
    }
    expect(await db.select({ id: reviewLogs.id, correct: reviewLogs.correct }).from(reviewLogs).orderBy(reviewLogs.id)).toEqual([
      { id: 'owner-check-1', correct: false },
      { id: 'student-check-1', correct: false },
    ])
  })
})
