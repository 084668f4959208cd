/** What a learner or instructor can pick items by (decks, sources, categories, tags), for quiz and assignment forms. */
import { isNull } from 'drizzle-orm'
import { items } from '../../db/schema'
import { categories } from '~/domain/content/schema'
import { sourceDocs } from './content.server'
import type { Database } from '~/utils/db.server'
import { deckSummaries } from './decks.server'

export async function itemChoices(db: Database) {
  const [decks, sources, rows] = await Promise.all([deckSummaries(db, null, Date.now()), sourceDocs(db), db.select({ data: items.data }).from(items).where(isNull(items.retiredAt))])
  const tags = [...new Set(rows.flatMap((r) => r.data.tags))].sort()
  return { decks: decks.map((d) => ({ id: d.id, title: d.data.title })), sources: [...sources.values()].map((s) => ({ id: s.id, title: s.title })), tags }
}

export type ItemChoices = Awaited<ReturnType<typeof itemChoices>>

/** Field errors for picks the form did not offer (a forged or stale value). */
export function invalidChoices(choices: ItemChoices, pick: { deckId?: string; source?: string; category?: string; tag?: string }): Record<string, string[]> {
  const invalid: Record<string, string[]> = {}
  if (pick.deckId && !choices.decks.some((d) => d.id === pick.deckId)) invalid.deckId = ['errorQuizDeck']
  if (pick.source && !choices.sources.some((s) => s.id === pick.source)) invalid.source = ['errorChoice']
  if (pick.category && !(categories as readonly string[]).includes(pick.category)) invalid.category = ['errorChoice']
  if (pick.tag && !choices.tags.includes(pick.tag)) invalid.tag = ['errorChoice']
  return invalid
}
