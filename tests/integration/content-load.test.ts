import { readFileSync } from 'node:fs'
import path from 'node:path'
import { count, eq, isNotNull, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../db/load-content'
import { deckItems, items, reviewLogs } from '../../db/schema'
import { buildContentBundle } from '~/domain/content/bundle'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { recordReview } from '~/data/reviews.server'
import { createGuest } from '~/utils/session.server'
import { freshDatabase } from '../support/db'
import { FIXTURE_CONTENT } from '../support/paths'
import { getRequest } from '../support/routes'

const fixture = () => loadContentFromDisk(FIXTURE_CONTENT).bundle

describe('loading content into the database', () => {
  it('is idempotent: loading the same content again changes nothing', async () => {
    const db = await freshDatabase() // the template already holds the fixture content
    const report = await loadContent(db, fixture())
    expect(report).toEqual({ inserted: 0, updated: 0, unchanged: 17, retired: 0, decks: 4, batches: 1 })
    expect(await db.select({ n: count() }).from(items)).toEqual([{ n: 17 }])
    expect(await db.select({ n: count() }).from(deckItems)).toEqual([{ n: 23 }])
  })

  it('updates a changed item in place and retires a removed one, keeping its history', async () => {
    const db = await freshDatabase()
    const { user } = await createGuest(getRequest('/'))
    await recordReview(db, { userId: user.id, itemId: 'mh-actor-hosoya', reviewId: 'history-1', rating: 3, durationMs: 1, now: Date.now() })
    const bundle = fixture()
    bundle.items = bundle.items.filter((i) => i.id !== 'mh-actor-hosoya')
    bundle.items[0] = { ...bundle.items[0]!, explanation: { en: 'Changed.', zh: '已修改。' } }
    const report = await loadContent(db, bundle)
    // Updated: the edited item, plus the 9 items after the removed one (their introduction position moved up).
    expect(report).toMatchObject({ inserted: 0, updated: 10, retired: 1 })
    const [retired] = await db.select().from(items).where(eq(items.id, 'mh-actor-hosoya'))
    expect(retired!.retiredAt).not.toBeNull()
    expect(await db.select({ n: count() }).from(deckItems).where(eq(deckItems.itemId, 'mh-actor-hosoya'))).toEqual([{ n: 0 }])
    expect(await db.select({ n: count() }).from(reviewLogs)).toEqual([{ n: 1 }])
    // Bringing it back un-retires it.
    const back = await loadContent(db, fixture())
    expect(back.updated).toBe(11) // the edit undone, the item un-retired, 9 positions moved back
    expect(await db.select({ n: count() }).from(items).where(isNull(items.retiredAt))).toEqual([{ n: 17 }])
  })

  it('bad content files are refused before anything is written', async () => {
    const db = await freshDatabase()
    const read = (f: string) => readFileSync(path.join(FIXTURE_CONTENT, f), 'utf8')
    const { errors } = buildContentBundle({
      sources: { file: 'sources.yaml', text: read('sources.yaml') },
      speakers: { file: 'speakers.yaml', text: read('speakers.yaml') },
      decks: { file: 'decks.yaml', text: read('decks.yaml') },
      banks: [{ file: 'banks/x.yaml', text: read('banks/fixture.yaml').replace('category: date', 'category: dat') }],
    })
    expect(errors.length).toBeGreaterThan(0)
    // db/setup.ts refuses to load when there are errors; the database still holds the old content.
    expect(await db.select({ n: count() }).from(items).where(isNotNull(items.retiredAt))).toEqual([{ n: 0 }])
  })

  it('keeps foreign keys on (a card state for an unknown item is refused)', async () => {
    const db = await freshDatabase()
    const { user } = await createGuest(getRequest('/'))
    const fk = await db.$client.execute('PRAGMA foreign_keys')
    expect(Number(fk.rows[0]![0])).toBe(1)
    await expect(
      db.$client.execute({
        sql: 'insert into card_states (user_id, item_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state) values (?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0)',
        args: [user.id, 'not-an-item'],
      }),
    ).rejects.toThrow(/FOREIGN KEY/)
  })
})
