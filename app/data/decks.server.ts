/**
 * The deck catalogue and what a scope covers: deck counts per learner (reads card_states and holds), a deck by id,
 * and the one function that turns a deck, filter or assignment into its live items.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm'
import { assignmentItems, assignments, cardStates, classes, classMembers, deckItems, decks, items } from '../../db/schema'
import { matchesDeckFilter } from '~/domain/content/bundle'
import type { Category, DeckDef } from '~/domain/content/schema'
import type { Database } from '~/utils/db.server'
import { notHeld } from './holds.server'

/**
 * Who sees a deck: everyone sees the built-in decks; an instructor's private deck of imported items is seen by
 * its owner and by the students of a (live) class it is assigned to. Anyone else is told it does not exist.
 */
export function deckVisibleTo(userId: string | null | SQL) {
  // An SQL fragment stands for the user in statements written as text (app/data/answer-statements.server.ts).
  const who = userId ?? ''
  return sql`(${decks.ownerId} is null or ${decks.ownerId} = ${who} or exists (
    select 1 from ${assignments} a
    join ${classes} c on c.id = a.class_id and c.archived_at is null
    join ${classMembers} m on m.class_id = a.class_id and m.removed_at is null
    where m.user_id = ${who} and json_extract(a.scope, '$.deckId') = ${decks.id}))`
}

/** Items this user may see: content items, and imported items of the private decks they see. */
export function itemVisibleTo(userId: string | null | SQL) {
  return sql`(${items.privateDeckId} is null or ${items.privateDeckId} in (select ${decks.id} from ${decks} where ${deckVisibleTo(userId)}))`
}

export interface DeckSummary {
  id: string
  data: Pick<DeckDef, 'title' | 'description'>
  /** Set for an instructor's private deck of imported items. */
  ownerId: string | null
  total: number
  /** Cards the learner has started (answered at least once), held ones included. */
  started: number
  fresh: number
  learning: number
  due: number
}

/** Counts per deck (all live decks, or just `onlyDeckId` — the study page needs one). */
export async function deckSummaries(db: Database, userId: string | null, now: number, onlyDeckId?: string): Promise<DeckSummary[]> {
  // Suspended and buried cards are not counted as waiting.
  const shown = notHeld(userId ?? '', deckItems.itemId, now)
  const rows = await db
    .select({
      id: decks.id,
      data: decks.data,
      ownerId: decks.ownerId,
      total: sql<number>`count(${deckItems.itemId})`,
      started: sql<number>`count(${cardStates.itemId})`,
      fresh: sql<number>`coalesce(sum(${cardStates.itemId} is null and ${shown}), 0)`,
      learning: sql<number>`coalesce(sum(${cardStates.state} in (1, 3) and ${shown}), 0)`,
      due: sql<number>`coalesce(sum(${cardStates.state} = 2 and ${cardStates.due} <= ${now} and ${shown}), 0)`,
    })
    .from(decks)
    .leftJoin(deckItems, eq(deckItems.deckId, decks.id))
    .leftJoin(cardStates, and(eq(cardStates.userId, userId ?? ''), eq(cardStates.itemId, deckItems.itemId)))
    .where(and(isNull(decks.retiredAt), deckVisibleTo(userId), onlyDeckId === undefined ? undefined : eq(decks.id, onlyDeckId)))
    .groupBy(decks.id)
    .orderBy(decks.position)
  return rows as DeckSummary[]
}

/** The live decks' ids and titles that this user sees, in order (for pickers: no per-learner counts). */
export async function deckTitles(db: Database, userId: string | null): Promise<Array<{ id: string; title: DeckDef['title'] }>> {
  const rows = await db.select({ id: decks.id, data: decks.data }).from(decks).where(and(isNull(decks.retiredAt), deckVisibleTo(userId))).orderBy(decks.position)
  return rows.map((r) => ({ id: r.id, title: r.data.title }))
}

export async function isInDeck(db: Database, deckId: string, itemId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(deckItems)
    .where(and(eq(deckItems.deckId, deckId), eq(deckItems.itemId, itemId)))
  return Boolean(row)
}

/** A live deck this user may see (a private deck only for its owner and its classes' students), else null. */
export async function deckExists(db: Database, deckId: string, userId: string | null): Promise<{ id: string; data: DeckDef } | null> {
  const [row] = await db.select({ id: decks.id, data: decks.data }).from(decks).where(and(eq(decks.id, deckId), isNull(decks.retiredAt), deckVisibleTo(userId)))
  return row ?? null
}


/** What a quiz, an assignment or a filter asks for: a deck, an assignment's fixed items, or a filter. */
export interface Scope {
  deckId?: string
  assignmentId?: string
  sources?: string[]
  categories?: string[]
  tags?: string[]
}

/** The live items a scope covers, in introduction order (deck position, else content order). */
export async function itemsInScope(db: Database, scope: Scope): Promise<string[]> {
  if (scope.assignmentId) {
    const rows = await db.select({ id: assignmentItems.itemId }).from(assignmentItems).where(eq(assignmentItems.assignmentId, scope.assignmentId))
    return rows.map((r) => r.id)
  }
  if (scope.deckId) {
    const rows = await db.select({ id: deckItems.itemId }).from(deckItems).where(eq(deckItems.deckId, scope.deckId)).orderBy(deckItems.position)
    return rows.map((r) => r.id)
  }
  // A filter reaches content items only: imported items belong to their private deck.
  const rows = await db.select({ id: items.id, data: items.data }).from(items).where(and(isNull(items.retiredAt), isNull(items.privateDeckId))).orderBy(items.position)
  const filter = { sources: scope.sources, categories: scope.categories as Category[] | undefined, tags: scope.tags }
  return rows.filter((r) => matchesDeckFilter(r.data, filter)).map((r) => r.id)
}
