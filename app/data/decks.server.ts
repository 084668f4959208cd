/**
 * The deck catalogue and what a scope covers: deck counts per learner (reads card_states and holds), a deck by id,
 * and the one function that turns a deck, filter or assignment into its live items.
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import { assignmentItems, cardStates, deckItems, decks, items } from '../../db/schema'
import { matchesDeckFilter } from '~/domain/content/bundle'
import type { Category, DeckDef } from '~/domain/content/schema'
import type { Database } from '~/utils/db.server'
import { notHeld } from './holds.server'

export interface DeckSummary {
  id: string
  data: Pick<DeckDef, 'title' | 'description'>
  total: number
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
      total: sql<number>`count(${deckItems.itemId})`,
      fresh: sql<number>`coalesce(sum(${cardStates.itemId} is null and ${shown}), 0)`,
      learning: sql<number>`coalesce(sum(${cardStates.state} in (1, 3) and ${shown}), 0)`,
      due: sql<number>`coalesce(sum(${cardStates.state} = 2 and ${cardStates.due} <= ${now} and ${shown}), 0)`,
    })
    .from(decks)
    .leftJoin(deckItems, eq(deckItems.deckId, decks.id))
    .leftJoin(cardStates, and(eq(cardStates.userId, userId ?? ''), eq(cardStates.itemId, deckItems.itemId)))
    .where(onlyDeckId === undefined ? isNull(decks.retiredAt) : and(isNull(decks.retiredAt), eq(decks.id, onlyDeckId)))
    .groupBy(decks.id)
    .orderBy(decks.position)
  return rows as DeckSummary[]
}

/** The live decks' ids and titles, in order (for pickers: no per-learner counts). */
export async function deckTitles(db: Database): Promise<Array<{ id: string; title: DeckDef['title'] }>> {
  const rows = await db.select({ id: decks.id, data: decks.data }).from(decks).where(isNull(decks.retiredAt)).orderBy(decks.position)
  return rows.map((r) => ({ id: r.id, title: r.data.title }))
}

export async function isInDeck(db: Database, deckId: string, itemId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(deckItems)
    .where(and(eq(deckItems.deckId, deckId), eq(deckItems.itemId, itemId)))
  return Boolean(row)
}

export async function deckExists(db: Database, deckId: string): Promise<{ id: string; data: DeckDef } | null> {
  const [row] = await db.select({ id: decks.id, data: decks.data }).from(decks).where(and(eq(decks.id, deckId), isNull(decks.retiredAt)))
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
  const rows = await db.select({ id: items.id, data: items.data }).from(items).where(isNull(items.retiredAt)).orderBy(items.position)
  const filter = { sources: scope.sources, categories: scope.categories as Category[] | undefined, tags: scope.tags }
  return rows.filter((r) => matchesDeckFilter(r.data, filter)).map((r) => r.id)
}
