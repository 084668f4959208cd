/**
 * Learners' reports on items (item_flags): one open report per learner and item, a new one replacing it.
 * A flagged item keeps working; instructors see reports on their assignments' items, and
 * `npm run flags:export` hands them all to whoever maintains the content.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { itemFlags, items } from '../../db/schema'
import type { FlagReason } from '~/domain/card-forms'
import type { ContentItem } from '~/domain/content/schema'
import type { Database } from '~/utils/db.server'

/** Stores (or replaces) a learner's report on a live item; false if there is no such live item. */
export async function flagItem(db: Database, userId: string, itemId: string, reason: FlagReason, note: string, now: number): Promise<boolean> {
  const [live] = await db.select({ id: items.id }).from(items).where(and(eq(items.id, itemId), isNull(items.retiredAt)))
  if (!live) return false
  await db
    .insert(itemFlags)
    .values({ userId, itemId, reason, note, createdAt: now })
    .onConflictDoUpdate({ target: [itemFlags.userId, itemFlags.itemId], set: { reason, note, createdAt: now } })
  return true
}

/** The learner's own open report on an item, to show it as sent. */
export async function ownFlag(db: Database, userId: string, itemId: string) {
  const [row] = await db
    .select({ reason: itemFlags.reason, note: itemFlags.note, createdAt: itemFlags.createdAt })
    .from(itemFlags)
    .where(and(eq(itemFlags.userId, userId), eq(itemFlags.itemId, itemId)))
  return row ?? null
}

export interface ItemFlagSummary {
  itemId: string
  count: number
  reasons: Partial<Record<FlagReason, number>>
  /** The latest notes (non-empty), newest first. */
  notes: string[]
}

/** Reports on the given items, per item (only items with reports appear). */
export async function flagsForItems(db: Database, itemIds: readonly string[]): Promise<ItemFlagSummary[]> {
  if (itemIds.length === 0) return []
  const rows = await db
    .select({ itemId: itemFlags.itemId, reason: itemFlags.reason, note: itemFlags.note })
    .from(itemFlags)
    .where(inArray(itemFlags.itemId, [...itemIds]))
    .orderBy(desc(itemFlags.createdAt))
  const byItem = new Map<string, ItemFlagSummary>()
  for (const row of rows) {
    let summary = byItem.get(row.itemId)
    if (!summary) byItem.set(row.itemId, (summary = { itemId: row.itemId, count: 0, reasons: {}, notes: [] }))
    summary.count++
    summary.reasons[row.reason] = (summary.reasons[row.reason] ?? 0) + 1
    if (row.note && summary.notes.length < 5) summary.notes.push(row.note)
  }
  return [...byItem.values()].sort((a, b) => b.count - a.count || (a.itemId < b.itemId ? -1 : 1))
}

/** Every report with its item and citations, for the content maintainers (no learner identities). */
export async function allFlags(db: Database): Promise<Array<{ itemId: string; reason: FlagReason; note: string; createdAt: number; item: ContentItem; retired: boolean }>> {
  const rows = await db
    .select({ itemId: itemFlags.itemId, reason: itemFlags.reason, note: itemFlags.note, createdAt: itemFlags.createdAt, item: items.data, retired: sql<number>`${items.retiredAt} is not null` })
    .from(itemFlags)
    .innerJoin(items, eq(items.id, itemFlags.itemId))
    .orderBy(itemFlags.itemId, itemFlags.createdAt)
  return rows.map((r) => ({ ...r, retired: Boolean(r.retired) }))
}
