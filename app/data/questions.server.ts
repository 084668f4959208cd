/** Rebuilding the question a learner was shown (same seed → same shuffle), to grade it on the server. */
import { and, eq, isNull, ne, sql } from 'drizzle-orm'
import { deckItems, decks, items } from '../../db/schema'
import type { ContentItem } from '~/domain/content/schema'
import { buildQuestion, isInteractive, needsSiblings, type Question } from '~/domain/questions'
import { alikeAnswerCount, alikeInForm } from '~/domain/answer-form'
import type { SiblingAnswer } from '~/domain/kinds/kind'
import type { Database } from '~/utils/db.server'
import { deckVisibleTo, itemVisibleTo } from './decks.server'

/** Answers of the live items of one bank and category, kept while grading many answers at once (an offline sync). */
export type SiblingCache = Map<string, Promise<Array<{ id: string; answer: ContentItem['answer'] }>>>

/**
 * The question for an item and seed. `cache` keeps sibling answers while grading many answers at once; `alike`
 * draws wrong options only from the sibling answers most alike in form (a quiz's flip card asked as a choice).
 */
export async function questionFor(
  db: Database,
  item: ContentItem & { bank?: string },
  seed: string,
  { cache, alike = false }: { cache?: SiblingCache; alike?: boolean } = {},
): Promise<Question> {
  if (!isInteractive(item.kind)) return { kind: 'flip' }
  if (!needsSiblings(item)) return buildQuestion(item, [], seed)
  const siblings = await siblingsOf(db, item, cache)
  return buildQuestion(item, alike ? alikeInForm(item.answer, siblings) : siblings, seed)
}

async function siblingsOf(db: Database, item: ContentItem & { bank?: string }, cache: SiblingCache | undefined): Promise<SiblingAnswer[]> {
  if (!cache || item.bank === undefined) return siblingAnswers(db, item.id)
  const key = `${item.bank}|${item.category}`
  let group = cache.get(key)
  if (!group) {
    group = db
      .select({ id: items.id, answer: sql<string>`json_extract(${items.data}, '$.answer')` })
      .from(items)
      .where(and(eq(items.bank, item.bank), eq(items.category, item.category), isNull(items.retiredAt)))
      .orderBy(sql`rowid`)
      .then((rows) => rows.map((r) => ({ id: r.id, answer: JSON.parse(r.answer) as ContentItem['answer'] })))
    cache.set(key, group)
  }
  return (await group).filter((s) => s.id !== item.id)
}

/** Answers of live items from the same bank (one bank = one source) and category: plausible distractors. */
export async function siblingAnswers(db: Database, itemId: string) {
  const [self] = await db.select({ bank: items.bank, category: items.category }).from(items).where(eq(items.id, itemId))
  if (!self) return []
  const rows = await db
    .select({ id: items.id, data: items.data })
    .from(items)
    .where(and(eq(items.bank, self.bank), eq(items.category, self.category), ne(items.id, itemId), isNull(items.retiredAt)))
    // Table order, pinned: the seed picks distractors by position, so every rebuild (server or phone) must see the same order.
    .orderBy(sql`rowid`)
  return rows.map((r) => ({ id: r.id, answer: r.data.answer }))
}

/** A live item this user may see (an imported item only through a private deck they see), else null. */
export async function visibleItem(db: Database, itemId: string, userId: string | null): Promise<ContentItem | null> {
  const [row] = await db.select({ data: items.data }).from(items).where(and(eq(items.id, itemId), isNull(items.retiredAt), itemVisibleTo(userId)))
  return row?.data ?? null
}

/**
 * A live item of this live deck, both of which this user may see, else null: what a study page may show or check.
 * Checking an item by its id alone would grade (and so reveal the answer of) an item of someone's private deck.
 */
export async function deckItem(db: Database, deckId: string, itemId: string, userId: string | null): Promise<ContentItem | null> {
  const [row] = await db
    .select({ data: items.data })
    .from(items)
    .innerJoin(deckItems, and(eq(deckItems.itemId, items.id), eq(deckItems.deckId, deckId)))
    .innerJoin(decks, and(eq(decks.id, deckItems.deckId), isNull(decks.retiredAt), deckVisibleTo(userId)))
    .where(and(eq(items.id, itemId), isNull(items.retiredAt), itemVisibleTo(userId)))
  return row?.data ?? null
}

export async function liveItem(db: Database, itemId: string): Promise<ContentItem | null> {
  const [row] = await db.select({ data: items.data }).from(items).where(and(eq(items.id, itemId), isNull(items.retiredAt)))
  return row?.data ?? null
}

/**
 * For each of these items, how many distinct answers its comparable items have (live items of the same bank and
 * category, answers other than its own) that are alike enough in form to serve as its wrong options.
 */
export async function alikeSiblingAnswerCounts(db: Database, itemIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: items.id, bank: items.bank, category: items.category, data: items.data })
    .from(items)
    .where(isNull(items.retiredAt))
  const groups = new Map<string, SiblingAnswer[]>()
  for (const row of rows) {
    const group = `${row.bank}\u0000${row.category}`
    if (!groups.has(group)) groups.set(group, [])
    groups.get(group)!.push({ id: row.id, answer: row.data.answer })
  }
  const wanted = new Set(itemIds)
  const counts = new Map<string, number>()
  for (const row of rows) {
    if (!wanted.has(row.id)) continue
    const siblings = groups.get(`${row.bank}\u0000${row.category}`)!.filter((s) => s.id !== row.id)
    counts.set(row.id, alikeAnswerCount(row.data.answer, siblings))
  }
  return counts
}
