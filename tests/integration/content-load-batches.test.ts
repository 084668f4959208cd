/**
 * The content load in batches under a size cap (a libSQL server refuses request bodies over 1 MiB): the same
 * result as one batch, every batch under the cap, and all or nothing across batches.
 */
import { asc, count, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { chunkBySize, MAX_BATCH_BYTES, statementBytes } from '../../db/chunked-write'
import { loadContent } from '../../db/load-content'
import { contentMeta, deckItems, items } from '../../db/schema'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { freshDatabase } from '../support/db'
import { FIXTURE_CONTENT } from '../support/paths'

const fixture = () => loadContentFromDisk(FIXTURE_CONTENT).bundle

describe('content load in size-capped batches', () => {
  it('the real content (over 1 MiB) needs several batches at the default cap', async () => {
    const db = await freshDatabase()
    const { bundle, errors } = loadContentFromDisk()
    expect(errors).toEqual([])
    const report = await loadContent(db, bundle)
    expect(report.batches).toBeGreaterThan(1)
    expect(await db.select({ n: count() }).from(items).where(isNull(items.retiredAt))).toEqual([{ n: bundle.items.length }])
  })

  it('chunkBySize keeps every group under the cap and the order intact', () => {
    const sizes = [5, 300, 7, 700, 1200, 1, 1, 999, 2]
    const chunks = chunkBySize(sizes, (s) => s, 1000)
    expect(chunks.flat()).toEqual(sizes)
    for (const c of chunks) expect(c.length === 1 || c.reduce((a, b) => a + b, 0) <= 1000).toBe(true)
    expect(chunks).toContainEqual([1200]) // one thing over the cap goes alone
    expect(chunkBySize([1, 1, 1, 1, 1], (s) => s, 1000, 2)).toEqual([[1, 1], [1, 1], [1]])
  })

  it('a statement is measured by its bytes, Chinese text included', () => {
    const ascii = statementBytes({ sql: 'insert into t values (?)', args: ['a'.repeat(3000)] })
    const chinese = statementBytes({ sql: 'insert into t values (?)', args: ['日'.repeat(3000)] })
    expect(ascii).toBeGreaterThan(3000)
    expect(chinese).toBeGreaterThan(9000) // 3 bytes a character in UTF-8
    expect(MAX_BATCH_BYTES).toBeLessThan(1024 * 1024)
  })

  it('gives the same database with a small cap (many batches) as with one batch', async () => {
    const snapshot = async (db: Awaited<ReturnType<typeof freshDatabase>>) => ({
      items: await db.select({ id: items.id, hash: items.contentHash, position: items.position }).from(items).orderBy(asc(items.id)),
      members: await db.select().from(deckItems).orderBy(asc(deckItems.deckId), asc(deckItems.itemId)),
    })
    const bundle = fixture()
    bundle.items[0] = { ...bundle.items[0]!, explanation: { en: 'Changed.', zh: '已修改。' } }
    // One database at a time: the app's getDb() closes the previous one.
    const one = await freshDatabase()
    const oneReport = await loadContent(one, bundle, 1_000)
    const oneState = await snapshot(one)
    const many = await freshDatabase()
    const manyReport = await loadContent(many, bundle, 1_000, 4 * 1024)
    expect(oneReport.batches).toBe(1)
    expect(manyReport.batches).toBeGreaterThan(3)
    expect({ ...manyReport, batches: 0 }).toEqual({ ...oneReport, batches: 0 })
    expect(await snapshot(many)).toEqual(oneState)
  })

  it('is all or nothing: a failure in the last batch undoes the earlier ones', async () => {
    const db = await freshDatabase()
    const before = await db.select({ id: items.id, hash: items.contentHash }).from(items).orderBy(asc(items.id))
    const membersBefore = await db.select({ n: count() }).from(deckItems)
    // The last statements write content_meta; make them fail.
    await db.$client.execute(`create trigger refuse_meta_update before update on content_meta begin select raise(abort, 'refused'); end`)
    await db.$client.execute(`create trigger refuse_meta_insert before insert on content_meta begin select raise(abort, 'refused'); end`)
    const bundle = fixture()
    bundle.items[0] = { ...bundle.items[0]!, explanation: { en: 'Changed.', zh: '已修改。' } }
    await expect(loadContent(db, bundle, Date.now(), 4 * 1024)).rejects.toThrow(/refused/)
    // Membership was deleted and items updated in earlier batches: all rolled back.
    expect(await db.select({ id: items.id, hash: items.contentHash }).from(items).orderBy(asc(items.id))).toEqual(before)
    expect(await db.select({ n: count() }).from(deckItems)).toEqual(membersBefore)
    // And the database is usable afterwards (the transaction's connection went back, unlocked).
    await db.$client.execute('drop trigger refuse_meta_update')
    await db.$client.execute('drop trigger refuse_meta_insert')
    const report = await loadContent(db, bundle, Date.now(), 4 * 1024)
    expect(report.updated).toBe(1)
    expect(await db.select({ n: count() }).from(contentMeta)).toEqual([{ n: 2 }])
  })
})
