/**
 * An instructor renames and deletes their own imported deck through the route, against a real libSQL file:
 * bad input and anyone else get nothing written; deleting is refused while a live class is assigned the deck,
 * and afterwards hides it and its cards while learners' review history stays.
 */
import { and, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { classes, decks, items, reviewLogs, users } from '../../db/schema'
import { archiveClass } from '~/data/classes.server'
import { createImportedDeck, ownImportedDecks } from '~/data/imported-decks.server'
import { recordReview } from '~/data/reviews.server'
import type { ContentItem } from '~/domain/content/schema'
import { loader as importLoader } from '~/routes/deck-import'
import { action as manageAction, loader as manageLoader } from '~/routes/deck-manage'
import { action as deleteAction, loader as deleteLoader } from '~/routes/deck-delete'
import { loader as studyLoader } from '~/routes/study'
import type { Database } from '~/utils/db.server'
import { createAssignment, createClass, join, signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { call, formRequest, getRequest } from '../support/routes'

const DECK = 'imp-managetest1'

async function importedDeck(db: Database, email: string) {
  const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
  const flip = (n: number): ContentItem =>
    ({
      id: `${DECK}-${n}`,
      kind: 'flip',
      category: 'event',
      prompt: { en: `Term ${n}`, zh: `Term ${n}` },
      answer: { en: `Meaning ${n}`, zh: `Meaning ${n}` },
      explanation: { en: '', zh: '' },
      tags: [],
      sources: [],
    }) as unknown as ContentItem
  await createImportedDeck(db, { deckId: DECK, ownerId: owner!.id, title: 'My terms', fileName: 'terms.csv', items: [flip(1), flip(2)] })
  return owner!.id
}

const manage = (fields: Record<string, string>, cookie: string | null, deckId = DECK) =>
  call<{ result: { error?: Record<string, string[] | null> } }>(manageAction, formRequest(`/decks/${deckId}/manage`, fields, cookie), {
    deckId,
  })

const remove = (fields: Record<string, string>, cookie: string | null, deckId = DECK) =>
  call<{ error?: string }>(deleteAction, formRequest(`/decks/${deckId}/delete`, fields, cookie), { deckId })

const titleOf = async (db: Database) => (await db.select({ data: decks.data }).from(decks).where(eq(decks.id, DECK)))[0]!.data.title

describe('managing an imported deck', () => {
  it('renames with validation; nobody but the owner reaches the page or the action', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    await importedDeck(db, teacher.email)
    expect((await call(manageLoader, getRequest(`/decks/${DECK}/manage`, teacher.cookie), { deckId: DECK })).status).toBe(200)

    for (const title of ['   ', 'x'.repeat(101)]) {
      const refused = await manage({ intent: 'rename', title }, teacher.cookie)
      expect(refused.status).toBe(400)
      expect(refused.body.result.error?.title).toEqual(['errorImportTitle'])
    }
    expect(await titleOf(db)).toEqual({ en: 'My terms', zh: 'My terms' })

    const renamed = await manage({ intent: 'rename', title: '  Summit terms  ' }, teacher.cookie)
    expect([renamed.status, renamed.location]).toEqual([302, `/decks/${DECK}/manage?renamed=1`])
    expect(await titleOf(db)).toEqual({ en: 'Summit terms', zh: 'Summit terms' })

    const other = await signUp('instructor')
    const student = await signUp('student')
    for (const cookie of [other.cookie, student.cookie]) {
      expect((await call(manageLoader, getRequest(`/decks/${DECK}/manage`, cookie), { deckId: DECK })).status).toBe(404)
      expect((await manage({ intent: 'rename', title: 'Mine now' }, cookie)).status).toBe(404)
      expect((await call(deleteLoader, getRequest(`/decks/${DECK}/delete`, cookie), { deckId: DECK })).status).toBe(404)
      expect((await remove({ confirm: '1' }, cookie)).status).toBe(404)
    }
    expect((await manage({ intent: 'rename', title: 'x' }, null)).status).toBe(302)
    expect((await remove({ confirm: '1' }, null)).status).toBe(302)
    // The manage page no longer deletes: a delete posted to it is a bad rename.
    expect((await manage({ intent: 'delete', confirm: 'yes' }, teacher.cookie)).status).toBe(400)
    expect(
      await ownImportedDecks(db, (await db.select({ id: users.id }).from(users).where(eq(users.email, teacher.email)))[0]!.id),
    ).toHaveLength(1)
    // A built-in deck is nobody's to rename.
    expect((await manage({ intent: 'rename', title: 'Mine' }, teacher.cookie, 'kinds')).status).toBe(404)
    expect(await titleOf(db)).toEqual({ en: 'Summit terms', zh: 'Summit terms' })
  })

  it('deletes from its confirmation page only when confirmed and not assigned in a live class; learners keep their history', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const ownerId = await importedDeck(db, teacher.email)
    const live = async () =>
      (
        await db
          .select({ id: items.id })
          .from(items)
          .where(and(eq(items.privateDeckId, DECK), isNull(items.retiredAt)))
      ).length

    // The GET page says what happens; it writes nothing.
    const confirmPage = await call<{ deck: { title: string; items: number }; assignedIn: unknown[] }>(
      deleteLoader,
      getRequest(`/decks/${DECK}/delete`, teacher.cookie),
      { deckId: DECK },
    )
    expect(confirmPage.status).toBe(200)
    expect(confirmPage.body).toMatchObject({ deck: { title: 'My terms', items: 2 }, assignedIn: [] })
    expect(await ownImportedDecks(db, ownerId)).toHaveLength(1)
    // A post without the confirmation, or with a forged one: refused, nothing written.
    for (const fields of [{}, { confirm: 'yes' }, { confirm: '' }] as Array<Record<string, string>>) {
      const unconfirmed = await remove(fields, teacher.cookie)
      expect(unconfirmed.status).toBe(400)
      expect(unconfirmed.body.error).toBe('errorDeckDeleteConfirm')
    }
    expect(await ownImportedDecks(db, ownerId)).toHaveLength(1)
    expect(await live()).toBe(2)

    // Assigned in a class, and studied there.
    const classId = await createClass(teacher.cookie, 'Seminar')
    await createAssignment(teacher.cookie, classId, { deckId: DECK, title: 'Terms' })
    const [klass] = await db.select().from(classes)
    const student = await signUp('student', null, 'Sam')
    await join(student.cookie, klass!.joinCode)
    const [sam] = await db.select({ id: users.id }).from(users).where(eq(users.email, student.email))
    expect(
      (await recordReview(db, { userId: sam!.id, itemId: `${DECK}-1`, reviewId: 'r1', rating: 3, durationMs: 1000, now: Date.now() }))
        .status,
    ).toBe('recorded')

    for (const [loader, path] of [
      [manageLoader, 'manage'],
      [deleteLoader, 'delete'],
    ] as const) {
      const page = await call<{ assignedIn: Array<{ className: string; assignmentTitle: string }> }>(
        loader,
        getRequest(`/decks/${DECK}/${path}`, teacher.cookie),
        { deckId: DECK },
      )
      expect(page.body.assignedIn).toEqual([expect.objectContaining({ className: 'Seminar', assignmentTitle: 'Terms' })])
    }
    const refused = await remove({ confirm: '1' }, teacher.cookie)
    expect(refused.status).toBe(409)
    expect(refused.body.error).toBe('errorDeckAssigned')
    expect(await ownImportedDecks(db, ownerId)).toHaveLength(1)
    expect(await live()).toBe(2)

    // Once the class is archived, the deck goes: hidden from the owner and the students, the log untouched.
    await archiveClass(db, classId)
    const deleted = await remove({ confirm: '1' }, teacher.cookie)
    expect([deleted.status, deleted.location]).toEqual([302, `/decks/import?deleted=${DECK}`])
    expect(await ownImportedDecks(db, ownerId)).toEqual([])
    expect(await live()).toBe(0)
    expect(await db.select({ id: reviewLogs.id }).from(reviewLogs).where(eq(reviewLogs.userId, sam!.id))).toEqual([{ id: 'r1' }])
    for (const cookie of [teacher.cookie, student.cookie])
      expect((await call(studyLoader, getRequest(`/decks/${DECK}/study`, cookie), { deckId: DECK })).status).toBe(404)
    const after = await call<{ deleted: string | null }>(importLoader, getRequest(`/decks/import?deleted=${DECK}`, teacher.cookie))
    expect(after.body.deleted).toBe('My terms')
    // A replayed delete, or the page reopened: it says the deck is already deleted, and nothing changes.
    const replayed = await call<{ message: string }>(deleteAction, formRequest(`/decks/${DECK}/delete`, { confirm: '1' }, teacher.cookie), {
      deckId: DECK,
    })
    expect([replayed.status, replayed.body.message]).toEqual([404, 'errorDeckAlreadyDeleted'])
    const reopened = await call<{ message: string }>(deleteLoader, getRequest(`/decks/${DECK}/delete`, teacher.cookie), { deckId: DECK })
    expect([reopened.status, reopened.body.message]).toEqual([404, 'errorDeckAlreadyDeleted'])
    expect(await db.select({ id: reviewLogs.id }).from(reviewLogs).where(eq(reviewLogs.userId, sam!.id))).toEqual([{ id: 'r1' }])
    // Renaming the deleted deck: no such deck.
    expect((await manage({ intent: 'rename', title: 'Back' }, teacher.cookie)).status).toBe(404)
  })
})
