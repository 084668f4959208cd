/** What a learner or instructor can pick items by (decks, sources, categories, tags), for quiz and assignment forms. */
import { and, isNull } from 'drizzle-orm'
import { items } from '../../db/schema'
import { categories } from '~/domain/content/schema'
import { sourceDocs } from './content.server'
import type { Database } from '~/utils/db.server'
import { deckSummaries } from './decks.server'
import { msg, type MessageKey } from '~/i18n/keys'

/** The decks offered are those this user sees (their own imported decks included); tags come from content items. */
export async function itemChoices(db: Database, userId: string | null) {
  const [decks, sources, rows] = await Promise.all([
    deckSummaries(db, userId, Date.now()),
    sourceDocs(db),
    db.select({ data: items.data }).from(items).where(and(isNull(items.retiredAt), isNull(items.privateDeckId))),
  ])
  const tags = [...new Set(rows.flatMap((r) => r.data.tags))].sort()
  return { decks: decks.map((d) => ({ id: d.id, title: d.data.title })), sources: [...sources.values()].map((s) => ({ id: s.id, title: s.title })), tags }
}

export type ItemChoices = Awaited<ReturnType<typeof itemChoices>>

/** Field errors for picks the form did not offer (a forged or stale value). */
export function invalidChoices(choices: ItemChoices, pick: { deckId?: string; source?: string; category?: string; tag?: string }): Record<string, MessageKey[]> {
  const invalid: Record<string, MessageKey[]> = {}
  if (pick.deckId && !choices.decks.some((d) => d.id === pick.deckId)) invalid.deckId = [msg('errorQuizDeck')]
  if (pick.source && !choices.sources.some((s) => s.id === pick.source)) invalid.source = [msg('errorChoice')]
  if (pick.category && !(categories as readonly string[]).includes(pick.category)) invalid.category = [msg('errorChoice')]
  if (pick.tag && !choices.tags.includes(pick.tag)) invalid.tag = [msg('errorChoice')]
  return invalid
}
