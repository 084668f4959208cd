/**
 * Importing a deck through the route, against a real libSQL file: preview writes nothing, confirm writes a private
 * deck the instructor assigns like a built-in one; their students study it (queue, log, dashboard); nobody else
 * sees it; reloading content leaves it alone; a bad file writes nothing.
 */
import { count, eq, isNotNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { decks, items, reviewLogs } from '../../db/schema'
import { loadContent } from '../../db/load-content'
import { loader as assignmentLoader } from '~/routes/assignment'
import { action as classAction } from '~/routes/class'
import { action as importAction, loader as importLoader } from '~/routes/deck-import'
import { loader as homeLoader } from '~/routes/home'
import { loader as cardsLoader } from '~/routes/cards'
import { action as studyAction, loader as studyLoader } from '~/routes/study'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { FIXTURE_CONTENT } from '../support/paths'
import { createAssignment, createClass, join, signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { args, call, formRequest, getRequest, settle } from '../support/routes'
import { classes } from '../../db/schema'

function uploadRequest(fields: Record<string, string>, file: { name: string; text: string } | null, cookie: string): Request {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  if (file) form.set('file', new File([file.text], file.name, { type: 'text/csv' }))
  return new Request('http://localhost/decks/import', { method: 'POST', body: form, headers: { Cookie: cookie } })
}

interface ImportReply {
  errors: Array<{ line?: number; code: string; field?: string }>
  preview: {
    total: number
    items: Array<{ prompt: string; answer: string; kind: string }>
    payload: string
    title: string
    format: string
    separator: string
    fileName: string
  } | null
}

const CSV = 'term,definition\nAPEC,Asia-Pacific Economic Cooperation\nQuad,"Australia, India, Japan, U.S."\nG7,Group of Seven\n'

async function importCsv(cookie: string, text = CSV, title = 'My terms') {
  const preview = await call<ImportReply>(
    importAction,
    uploadRequest({ intent: 'preview', title, format: 'csv', separator: 'comma' }, { name: 'terms.csv', text }, cookie),
  )
  if (preview.status !== 200) return { preview, confirm: null }
  const p = preview.body.preview!
  const confirm = await call(
    importAction,
    uploadRequest(
      { intent: 'confirm', title: p.title, format: p.format, separator: p.separator, fileName: p.fileName, payload: p.payload },
      null,
      cookie,
    ),
  )
  return { preview, confirm }
}

describe('importing a private deck', () => {
  it('preview writes nothing; confirm makes a deck the instructor assigns and the students study', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const itemsBefore = (await db.select({ n: count() }).from(items))[0]!.n
    const preview = await call<ImportReply>(
      importAction,
      uploadRequest(
        { intent: 'preview', title: 'My terms', format: 'csv', separator: 'comma' },
        { name: 'terms.csv', text: CSV },
        teacher.cookie,
      ),
    )
    expect(preview.status).toBe(200)
    expect(preview.body.preview!.total).toBe(3)
    expect(preview.body.preview!.items[1]).toMatchObject({ kind: 'flip', prompt: 'Quad', answer: 'Australia, India, Japan, U.S.' })
    expect((await db.select({ n: count() }).from(items))[0]!.n).toBe(itemsBefore)

    const { confirm } = await importCsv(teacher.cookie)
    expect(confirm!.status).toBe(302)
    const deckId = new URL(confirm!.location!, 'http://x').searchParams.get('imported')!
    expect(deckId).toMatch(/^imp-[a-z0-9]{10}$/)
    const stored = await db.select().from(items).where(eq(items.privateDeckId, deckId))
    expect(stored.map((r) => r.id).sort()).toEqual([`${deckId}-1`, `${deckId}-2`, `${deckId}-3`])
    const page = await call<{ decks: Array<{ id: string; items: number }>; imported: { id: string } | null }>(
      importLoader,
      getRequest(`/decks/import?imported=${deckId}`, teacher.cookie),
    )
    expect(page.body.imported?.id).toBe(deckId)
    expect(page.body.decks).toEqual([expect.objectContaining({ id: deckId, items: 3 })])

    // Assigned like a built-in deck.
    const classId = await createClass(teacher.cookie)
    const assignmentId = await createAssignment(teacher.cookie, classId, { deckId, title: 'Terms' })
    const [klass] = await db.select().from(classes)
    const student = await signUp('student', null, 'Sam')
    const stranger = await signUp('student', null, 'Stranger')

    // Before joining, the student (like any stranger) is told the deck does not exist.
    expect((await call(studyLoader, getRequest(`/decks/${deckId}/study`, student.cookie), { deckId })).status).toBe(404)
    await join(student.cookie, klass!.joinCode)
    const home = await settle<{ decks: Array<{ id: string }>; assignments: Array<{ studyDeck: string; progress: { total: number } }> }>(
      homeLoader(await args(getRequest('/', student.cookie), {})),
    )
    expect(home.body.assignments[0]).toMatchObject({ studyDeck: deckId, progress: { total: 3 } })
    expect(home.body.decks.map((d) => d.id)).toContain(deckId)

    // Studied: the queue serves the deck's cards and the review log records the answers.
    for (let i = 0; i < 2; i++) {
      const study = await call<{ card: { itemId: string; reviewId: string } | null }>(
        studyLoader,
        getRequest(`/decks/${deckId}/study`, student.cookie),
        { deckId },
      )
      expect(study.body.card!.itemId.startsWith(`${deckId}-`)).toBe(true)
      const answered = await call(
        studyAction,
        formRequest(
          `/decks/${deckId}/study`,
          { intent: 'review', reviewId: study.body.card!.reviewId, itemId: study.body.card!.itemId, rating: '3' },
          student.cookie,
        ),
        { deckId },
      )
      expect(answered.status).toBe(302)
    }
    expect((await db.select({ n: count() }).from(reviewLogs))[0]!.n).toBe(2)
    const dash = await settle<{ students: Array<{ name: string; started: number }>; totalItems: number }>(
      assignmentLoader(
        await args(getRequest(`/classes/${classId}/assignments/${assignmentId}`, teacher.cookie), { classId, assignmentId }),
      ),
    )
    expect(dash.body.totalItems).toBe(3)
    expect(dash.body.students).toEqual([expect.objectContaining({ name: 'Sam', started: 2 })])

    // Nobody else sees it: not in their catalogue, not studyable, not in the card browser.
    expect((await call(studyLoader, getRequest(`/decks/${deckId}/study`, stranger.cookie), { deckId })).status).toBe(404)
    const strangerHome = await settle<{ decks: Array<{ id: string }> }>(homeLoader(await args(getRequest('/', stranger.cookie), {})))
    expect(strangerHome.body.decks.map((d) => d.id)).not.toContain(deckId)
    const browser = await call<{ total: number; rows: Array<{ id: string }> }>(cardsLoader, getRequest('/cards', stranger.cookie))
    expect(browser.body.rows.some((r) => r.id.startsWith(deckId))).toBe(false)
    // Another instructor cannot assign it.
    const other = await signUp('instructor')
    const otherClass = await createClass(other.cookie)
    const refused = await settle(
      classAction(
        await args(
          formRequest(
            `/classes/${otherClass}`,
            { intent: 'create-assignment', title: 'x', deckId, dueDate: '2099-12-31', goal: 'memory', targetRecall: '0.85' },
            other.cookie,
          ),
          { classId: otherClass },
        ),
      ),
    )
    expect(refused.status).toBe(400)

    // Loading content again leaves the private deck, its items and their membership alone.
    const { bundle } = loadContentFromDisk(FIXTURE_CONTENT)
    await loadContent(db, bundle)
    const [deck] = await db.select().from(decks).where(eq(decks.id, deckId))
    expect(deck!.retiredAt).toBeNull()
    expect((await db.select({ n: count() }).from(items).where(isNotNull(items.retiredAt)))[0]!.n).toBe(0)
    const again = await call<{ card: { itemId: string } | null }>(studyLoader, getRequest(`/decks/${deckId}/study`, student.cookie), {
      deckId,
    })
    expect(again.body.card!.itemId.startsWith(`${deckId}-`)).toBe(true)
  })

  it('a bad file writes nothing and names each problem by line, at preview and at confirm', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const before = {
      items: (await db.select({ n: count() }).from(items))[0]!.n,
      decks: (await db.select({ n: count() }).from(decks))[0]!.n,
    }
    const bad = 'APEC,Asia-Pacific Economic Cooperation\nonly one column\nG7,\n'
    const { preview } = await importCsv(teacher.cookie, bad)
    expect(preview.status).toBe(422)
    expect(preview.body.errors).toEqual([
      { line: 2, code: 'badColumns', detail: '1/2–3' },
      { line: 3, code: 'missingField', field: 'definition' },
    ])
    // A forged confirm with the bad file (skipping the preview) is parsed again and refused just the same.
    const forged = await call<ImportReply>(
      importAction,
      uploadRequest(
        { intent: 'confirm', title: 'x', format: 'csv', separator: 'comma', payload: Buffer.from(bad).toString('base64') },
        null,
        teacher.cookie,
      ),
    )
    expect(forged.status).toBe(422)
    expect({
      items: (await db.select({ n: count() }).from(items))[0]!.n,
      decks: (await db.select({ n: count() }).from(decks))[0]!.n,
    }).toEqual(before)
  })

  it('only instructors import', async () => {
    const db = await freshDatabase()
    const student = await signUp('student')
    const res = await call(
      importAction,
      uploadRequest({ intent: 'preview', title: 'x', format: 'csv', separator: 'comma' }, { name: 'a.csv', text: CSV }, student.cookie),
    )
    expect(res.status).toBe(403)
    expect((await db.select({ n: count() }).from(decks).where(isNotNull(decks.ownerId)))[0]!.n).toBe(0)
  })
})
