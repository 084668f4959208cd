/**
 * The order a deck introduces new cards in (issue 14.12). A source deck starts with its own facts: items that
 * cite only that source (in any of its languages) come first, its own framings next, then the items that set it
 * beside other sources. Each group keeps the authored order. Other decks keep the authored order.
 */
import type { ContentItem, DeckDef, SourceDoc } from './schema'

/** `sourceDocs` tells translations apart from their originals: a translation counts as the same source. */
export function orderDeckItems<T extends { data: ContentItem }>(
  deck: DeckDef,
  members: readonly T[],
  sourceDocs: readonly SourceDoc[],
): T[] {
  const sources = deck.filter.sources
  if (!sources || sources.length === 0) return [...members]
  const original = new Map(sourceDocs.map((d) => [d.id, d.translationOf ?? d.id]))
  const workOf = (doc: string) => original.get(doc) ?? doc
  const works = new Set(sources.map(workOf))
  const own = (item: ContentItem) => item.sources.every((s) => works.has(workOf(s.doc)))
  const rank = (item: ContentItem) => (!own(item) ? 2 : item.category === 'framing' ? 1 : 0)
  // A stable sort: facts of this source, then its own framings, then the framings that set it beside others.
  return members
    .map((m, i) => ({ m, i, r: rank(m.data) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ m }) => m)
}
