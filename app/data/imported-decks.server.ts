/**
 * Instructors' private decks of imported items: written in one atomic `db.batch` (the deck, its items, its
 * membership) once the whole file has been parsed and checked (app/domain/interchange/import-item.ts), so a
 * bad file writes nothing. Such a deck is assigned like a built-in one; who sees it: decks.server.ts.
 */
import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { assignments, classes, deckItems, decks, items } from '../../db/schema'
import { IMPORTED_ID_PREFIX } from '~/domain/content/bundle'
import type { ContentItem } from '~/domain/content/schema'
import type { ContentReferences } from '~/domain/interchange/import-item'
import type { Database } from '~/utils/db.server'
import { readSourceTexts } from '~/utils/content-files.server'
import { sourceDocs, speakers } from './content.server'

/** After every built-in deck in the catalogue. */
const PRIVATE_DECK_POSITION = 1_000_000
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'
const CHUNK = 500

/** A fresh private deck id: the prefix content may not use, then 10 random characters (~50 bits). */
export function newImportedDeckId(): string {
  return IMPORTED_ID_PREFIX + Array.from(randomBytes(10), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')
}

/** What imported citations are checked against: the loaded sources and speakers, and the source texts on disk. */
export async function importReferences(db: Database): Promise<ContentReferences> {
  const [docs, people] = await Promise.all([sourceDocs(db), speakers(db)])
  const sources = [...docs.values()]
  return { sources, speakers: [...people.values()], texts: readSourceTexts(sources) }
}

export async function createImportedDeck(
  db: Database,
  input: { deckId: string; ownerId: string; title: string; fileName: string; items: readonly ContentItem[] },
  now = Date.now(),
): Promise<void> {
  const { deckId, ownerId, title, fileName } = input
  const rows = input.items.map((item, position) => ({
    id: item.id,
    bank: deckId,
    kind: item.kind,
    category: item.category,
    position,
    data: item,
    contentHash: createHash('sha256').update(JSON.stringify({ item, position })).digest('base64url'),
    updatedAt: now,
    privateDeckId: deckId,
  }))
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(decks).values({
      id: deckId,
      position: PRIVATE_DECK_POSITION,
      // The instructor's own words, in whatever language they wrote them, serve both interface languages.
      data: { id: deckId, title: { en: title, zh: title }, description: { en: fileName, zh: fileName }, filter: { items: rows.map((r) => r.id) } },
      ownerId,
      createdAt: now,
    }),
  ]
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    statements.push(db.insert(items).values(chunk))
    statements.push(db.insert(deckItems).values(chunk.map((r) => ({ deckId, itemId: r.id, position: r.position }))))
  }
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
}

/** The instructor's own private decks, newest first, with how many items each holds. */
export async function ownImportedDecks(db: Database, ownerId: string) {
  const rows = await db
    .select({ id: decks.id, data: decks.data, createdAt: decks.createdAt, items: sql<number>`(select count(*) from ${deckItems} di where di.deck_id = ${decks.id})` })
    .from(decks)
    .where(and(eq(decks.ownerId, ownerId), isNull(decks.retiredAt)))
    .orderBy(desc(decks.createdAt))
  return rows.map((r) => ({ id: r.id, title: r.data.title.en, description: r.data.description.en, createdAt: r.createdAt ?? 0, items: r.items }))
}

/** The owner's live imported deck, with its card count; null for anyone else's, a built-in or a deleted one. */
export async function ownImportedDeck(db: Database, ownerId: string, deckId: string) {
  const [row] = await db
    .select({ id: decks.id, data: decks.data, items: sql<number>`(select count(*) from ${deckItems} di where di.deck_id = ${decks.id})` })
    .from(decks)
    .where(and(eq(decks.id, deckId), eq(decks.ownerId, ownerId), isNull(decks.retiredAt)))
  return row ? { id: row.id, title: row.data.title.en, items: row.items } : null
}

export async function renameImportedDeck(db: Database, ownerId: string, deckId: string, title: string): Promise<boolean> {
  const [row] = await db
    .select({ data: decks.data })
    .from(decks)
    .where(and(eq(decks.id, deckId), eq(decks.ownerId, ownerId), isNull(decks.retiredAt)))
  if (!row) return false
  const result = await db
    .update(decks)
    .set({ data: { ...row.data, title: { en: title, zh: title } } })
    .where(and(eq(decks.id, deckId), eq(decks.ownerId, ownerId), isNull(decks.retiredAt)))
  return result.rowsAffected === 1
}

/** An assignment on the deck in a class that is not archived: students study it there. */
const assignedInLiveClass = (deckId: string) => sql`exists (
  select 1 from ${assignments} a join ${classes} c on c.id = a.class_id and c.archived_at is null
  where json_extract(a.scope, '$.deckId') = ${deckId})`

/** The live classes (and their assignments) the deck is assigned in. */
export async function deckAssignments(db: Database, deckId: string) {
  return db
    .select({ classId: classes.id, className: classes.name, assignmentTitle: assignments.title })
    .from(assignments)
    .innerJoin(classes, and(eq(classes.id, assignments.classId), isNull(classes.archivedAt)))
    .where(sql`json_extract(${assignments.scope}, '$.deckId') = ${deckId}`)
    .orderBy(classes.name, assignments.title)
}

/**
 * Deletes the owner's deck by retiring it and its cards (as content reloads retire removed items): nobody sees
 * them any more, and the review log and card states stay, so learners' history is never rewritten. Refused
 * ('assigned') while an assignment in a live class uses the deck, checked in the same atomic batch as the
 * write, so an assignment created meanwhile cannot be orphaned.
 */
export async function deleteImportedDeck(db: Database, ownerId: string, deckId: string, now = Date.now()): Promise<'deleted' | 'assigned' | 'not-found'> {
  const [deckUpdate] = await db.batch([
    db
      .update(decks)
      .set({ retiredAt: now })
      .where(and(eq(decks.id, deckId), eq(decks.ownerId, ownerId), isNull(decks.retiredAt), sql`not ${assignedInLiveClass(deckId)}`)),
    db
      .update(items)
      .set({ retiredAt: now })
      .where(
        and(
          eq(items.privateDeckId, deckId),
          isNull(items.retiredAt),
          sql`exists (select 1 from ${decks} d where d.id = ${deckId} and d.owner_id = ${ownerId} and d.retired_at = ${now})`,
        ),
      ),
  ])
  if (deckUpdate.rowsAffected === 1) return 'deleted'
  return (await ownImportedDeck(db, ownerId, deckId)) ? 'assigned' : 'not-found'
}

/** The title of the owner's deleted deck, to confirm its deletion; null for anything else. */
export async function deletedOwnDeckTitle(db: Database, ownerId: string, deckId: string): Promise<string | null> {
  const [row] = await db
    .select({ data: decks.data })
    .from(decks)
    .where(and(eq(decks.id, deckId), eq(decks.ownerId, ownerId), sql`${decks.retiredAt} is not null`))
  return row ? row.data.title.en : null
}
