/**
 * What an export holds: a deck's (or a filter's) live items in introduction order, each choice item with the
 * sibling answers its question would draw wrong options from, and the names of the documents and speakers
 * its citations refer to. The exporters themselves are pure (app/domain/interchange).
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { decks, items } from '../../db/schema'
import type { Bilingual } from '~/domain/content/fields'
import type { ContentItem } from '~/domain/content/schema'
import type { ExportDeck, ExportItem, ExportNames } from '~/domain/interchange/kind-mapping'
import type { Database } from '~/utils/db.server'
import { sourceDocs, speakers } from './content.server'
import { itemsInScope, type Scope } from './decks.server'

export interface ExportSelection {
  deck: ExportDeck
  items: ExportItem[]
  names: ExportNames
}

/** A filter over content items, as a deck's filter (any of its lists may be empty). */
export interface ExportFilter {
  sources?: string[]
  categories?: string[]
  tags?: string[]
}

/** Any live deck by id, whoever may see it: for the operator's CLI (the download route checks visibility). */
export async function liveDeck(db: Database, deckId: string): Promise<ExportDeck | null> {
  const [row] = await db.select({ id: decks.id, data: decks.data }).from(decks).where(and(eq(decks.id, deckId), isNull(decks.retiredAt)))
  return row ? { id: row.id, title: row.data.title } : null
}

/** The export of a deck the caller has already found (and may show), or of a filter. */
export async function exportSelection(db: Database, what: { deck: ExportDeck } | { filter: ExportFilter }): Promise<ExportSelection> {
  const scope: Scope = 'deck' in what ? { deckId: what.deck.id } : what.filter
  const ids = await itemsInScope(db, scope)
  const deck = 'deck' in what ? what.deck : filterDeck(what.filter)
  const rows = ids.length === 0 ? [] : await db.select({ id: items.id, data: items.data }).from(items).where(and(inArray(items.id, ids), isNull(items.retiredAt)))
  const byId = new Map(rows.map((r) => [r.id, r.data]))
  const live = ids.map((id) => byId.get(id)).filter((i): i is ContentItem => i !== undefined)
  const siblings = await siblingAnswersFor(db, live)
  const [docs, people] = await Promise.all([sourceDocs(db), speakers(db)])
  return {
    deck,
    items: live.map((item) => (siblings.has(item.id) ? { item, siblingAnswers: siblings.get(item.id) } : { item })),
    names: { docTitle: (id) => docs.get(id)?.title, speakerName: (id) => people.get(id)?.name },
  }
}

/** A filter export's name: what it selects, e.g. "category-date tag-quad". */
function filterDeck(filter: ExportFilter): ExportDeck {
  const parts = [
    ...(filter.sources ?? []).map((s) => `source-${s}`),
    ...(filter.categories ?? []).map((c) => `category-${c}`),
    ...(filter.tags ?? []).map((t) => `tag-${t}`),
  ]
  const name = parts.join(' ') || 'all'
  return { id: parts.join('-') || 'all', title: { en: `Sourcedeck: ${name}`, zh: `Sourcedeck：${name}` } }
}

/**
 * For choice items without authored distractors: answers of the live items of the same bank and category, in
 * table order (as the study page draws them), whether or not those items are exported too.
 */
async function siblingAnswersFor(db: Database, list: readonly ContentItem[]): Promise<Map<string, Bilingual[]>> {
  const needing = list.filter((i) => i.kind === 'choice' && !(i.distractors && i.distractors.length > 0))
  const out = new Map<string, Bilingual[]>()
  if (needing.length === 0) return out
  const rows = await db
    .select({ id: items.id, bank: items.bank, category: items.category, data: items.data })
    .from(items)
    .where(and(isNull(items.retiredAt), inArray(items.category, [...new Set(needing.map((i) => i.category))])))
    .orderBy(sql`rowid`)
  const bankOf = new Map(rows.map((r) => [r.id, r.bank]))
  for (const item of needing) {
    const bank = bankOf.get(item.id)
    out.set(
      item.id,
      rows.filter((r) => r.id !== item.id && r.bank === bank && r.category === item.category).map((r) => r.data.answer),
    )
  }
  return out
}
