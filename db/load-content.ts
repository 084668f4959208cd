/**
 * Loads a validated content bundle into the database. Idempotent: items are upserted by their stable id
 * (unchanged ones are not rewritten), items gone from the files are retired (never deleted: learners'
 * history refers to them), deck membership is recomputed from the deck filters. Atomic: the statements go in
 * batches under a libSQL server's request cap (db/chunked-write.ts), inside one transaction when there are several.
 * Instructors' private decks and their imported items are not content: loading never reads, retires or
 * rebuilds them.
 */
import { createHash } from 'node:crypto'
import { and, inArray, isNull, notInArray, sql } from 'drizzle-orm'
import { matchesDeckFilter, type ContentBundle } from '~/domain/content/bundle'
import { orderDeckItems } from '~/domain/content/deck-order'
import { chunkBySize, MAX_BATCH_BYTES, writeInBatches, type SqlStatement } from './chunked-write'
import type { Database } from './client'
import { contentMeta, deckItems, decks, items, newCardCursors } from './schema'

export interface LoadReport {
  inserted: number
  updated: number
  unchanged: number
  retired: number
  decks: number
  /** Requests it took (one, unless the content is larger than a batch may be). */
  batches: number
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url')
}

/** Rows per insert at most (SQLite's bound-variable limit); item inserts are also kept under a batch's size. */
const CHUNK = 500

export async function loadContent(
  db: Database,
  bundle: ContentBundle,
  now = Date.now(),
  maxBatchBytes = MAX_BATCH_BYTES,
): Promise<LoadReport> {
  const existing = new Map(
    (
      await db.select({ id: items.id, hash: items.contentHash, retiredAt: items.retiredAt }).from(items).where(isNull(items.privateDeckId))
    ).map((r) => [r.id, r]),
  )
  const statements: Array<{ toSQL(): { sql: string; params: unknown[] } }> = []
  const report: LoadReport = { inserted: 0, updated: 0, unchanged: 0, retired: 0, decks: bundle.decks.length, batches: 0 }
  const rows = bundle.items.map(({ file: _file, index: _index, ...item }, position) => ({
    id: item.id,
    bank: _file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, ''),
    kind: item.kind,
    category: item.category,
    position,
    data: item,
    contentHash: hashOf({ item, position }),
    updatedAt: now,
    retiredAt: null,
  }))
  const changed = rows.filter((r) => {
    const old = existing.get(r.id)
    if (!old) report.inserted++
    else if (old.hash !== r.contentHash || old.retiredAt !== null) report.updated++
    else {
      report.unchanged++
      return false
    }
    return true
  })
  // An item's row weighs about its JSON; half a batch per insert leaves room to pack them.
  for (const chunk of chunkBySize(changed, (r) => Buffer.byteLength(JSON.stringify(r)), maxBatchBytes / 2, CHUNK)) {
    statements.push(
      db
        .insert(items)
        .values(chunk)
        .onConflictDoUpdate({
          target: items.id,
          set: {
            bank: sql`excluded.bank`,
            kind: sql`excluded.kind`,
            category: sql`excluded.category`,
            position: sql`excluded.position`,
            data: sql`excluded.data`,
            contentHash: sql`excluded.content_hash`,
            updatedAt: sql`excluded.updated_at`,
            retiredAt: sql`null`,
          },
        }),
    )
  }
  const liveIds = new Set(rows.map((r) => r.id))
  const toRetire = [...existing.values()].filter((r) => !liveIds.has(r.id) && r.retiredAt === null).map((r) => r.id)
  report.retired = toRetire.length
  for (let i = 0; i < toRetire.length; i += CHUNK) {
    statements.push(
      db
        .update(items)
        .set({ retiredAt: now })
        .where(inArray(items.id, toRetire.slice(i, i + CHUNK))),
    )
  }

  // Decks: upsert definitions, retire vanished ones, rebuild membership from the filters.
  bundle.decks.forEach((deck, position) => {
    statements.push(
      db
        .insert(decks)
        .values({ id: deck.id, position, data: deck, retiredAt: null })
        .onConflictDoUpdate({
          target: decks.id,
          set: { position, data: deck, retiredAt: null },
        }),
    )
  })
  const deckIds = bundle.decks.map((d) => d.id)
  statements.push(
    deckIds.length > 0
      ? db
          .update(decks)
          .set({ retiredAt: now })
          .where(and(notInArray(decks.id, deckIds), isNull(decks.retiredAt), isNull(decks.ownerId)))
      : db
          .update(decks)
          .set({ retiredAt: now })
          .where(and(isNull(decks.retiredAt), isNull(decks.ownerId))),
  )
  // Positions may change: new-card cursors (a cache) start over.
  statements.push(db.delete(newCardCursors))
  statements.push(
    db.delete(deckItems).where(inArray(deckItems.deckId, db.select({ id: decks.id }).from(decks).where(isNull(decks.ownerId)))),
  )
  // A deck's own order of new cards (a source deck starts with its own facts), not the files' global order.
  const memberships = bundle.decks.flatMap((deck) =>
    orderDeckItems(
      deck,
      rows.filter((r) => matchesDeckFilter(r.data, deck.filter)),
      bundle.sources,
    ).map((r, position) => ({ deckId: deck.id, itemId: r.id, position })),
  )
  for (let i = 0; i < memberships.length; i += CHUNK) statements.push(db.insert(deckItems).values(memberships.slice(i, i + CHUNK)))

  statements.push(
    db
      .insert(contentMeta)
      .values({ key: 'sources', value: JSON.stringify(bundle.sources), updatedAt: now })
      .onConflictDoUpdate({
        target: contentMeta.key,
        set: { value: JSON.stringify(bundle.sources), updatedAt: now },
      }),
  )
  statements.push(
    db
      .insert(contentMeta)
      .values({ key: 'speakers', value: JSON.stringify(bundle.speakers), updatedAt: now })
      .onConflictDoUpdate({
        target: contentMeta.key,
        set: { value: JSON.stringify(bundle.speakers), updatedAt: now },
      }),
  )
  const sqlStatements = statements.map((q): SqlStatement => {
    const { sql: text, params } = q.toSQL()
    return { sql: text, args: params }
  })
  report.batches = await writeInBatches(db.$client, sqlStatements, maxBatchBytes)
  return report
}
