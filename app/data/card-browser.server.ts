/** The rows of the card browser: every live item with the learner's card state and hold, in content order. */
import { and, eq, isNull } from 'drizzle-orm'
import { cardHolds, cardStates, deckItems, items } from '../../db/schema'
import type { BrowserCard } from '~/domain/card-browser'
import type { Database } from '~/utils/db.server'
import { itemVisibleTo } from './decks.server'

export async function browserCards(db: Database, userId: string | null): Promise<BrowserCard[]> {
  const rows = await db
    .select({
      item: items.data,
      state: cardStates.state,
      lapses: cardStates.lapses,
      due: cardStates.due,
      suspendedAt: cardHolds.suspendedAt,
      suspendedBy: cardHolds.suspendedBy,
      buriedUntil: cardHolds.buriedUntil,
      held: cardHolds.itemId,
    })
    .from(items)
    .leftJoin(cardStates, and(eq(cardStates.userId, userId ?? ''), eq(cardStates.itemId, items.id)))
    .leftJoin(cardHolds, and(eq(cardHolds.userId, userId ?? ''), eq(cardHolds.itemId, items.id)))
    .where(and(isNull(items.retiredAt), itemVisibleTo(userId)))
    .orderBy(items.position)
  return rows.map((r) => ({
    item: r.item,
    state: r.state,
    lapses: r.lapses ?? 0,
    due: r.due,
    hold: r.held === null ? null : { suspendedAt: r.suspendedAt, suspendedBy: r.suspendedBy, buriedUntil: r.buriedUntil },
  }))
}

/** The ids of a deck's items, for the deck filter. */
export async function deckItemIds(db: Database, deckId: string): Promise<Set<string>> {
  const rows = await db.select({ id: deckItems.itemId }).from(deckItems).where(eq(deckItems.deckId, deckId))
  return new Set(rows.map((r) => r.id))
}
