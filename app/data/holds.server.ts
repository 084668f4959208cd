/**
 * Suspending and burying cards (card_holds), and what a card's info shows. Holds are the learner's choices,
 * kept apart from the review log: they hide a card from the queue without touching its schedule. The
 * reviews module writes one hold itself, a leech's automatic suspension, in its answer batch.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { cardHolds, cardStates, items, reviewLogs } from '../../db/schema'
import { isLeech, type CardHold } from '~/domain/holds'
import { retrievability, type StoredCard } from '~/domain/scheduling'
import type { Database } from '~/utils/db.server'
import { parametersInForce } from './fsrs-parameters.server'
import { cardFromRow } from './reviews.server'

/** Not suspended, and not buried past `now`: the card may be shown (SQL for the queue and the deck counts). */
export function notHeld(userId: string, itemId: unknown, now: number) {
  return sql`not exists (select 1 from ${cardHolds} where ${cardHolds.userId} = ${userId} and ${cardHolds.itemId} = ${itemId}
    and (${cardHolds.suspendedAt} is not null or ${cardHolds.buriedUntil} > ${now}))`
}

export type HoldChange = 'suspend' | 'unsuspend' | 'bury' | 'unbury'

/**
 * Suspends, unsuspends, buries (until `buryUntil`) or unburies a learner's card. Returns false for an item
 * that is not live (nothing written).
 */
export async function changeHold(db: Database, userId: string, itemId: string, change: HoldChange, now: number, buryUntil: number): Promise<boolean> {
  const [live] = await db.select({ id: items.id }).from(items).where(and(eq(items.id, itemId), isNull(items.retiredAt)))
  if (!live) return false
  const values =
    change === 'suspend'
      ? { suspendedAt: now, suspendedBy: 'learner' as const, leechReviewId: null }
      : change === 'unsuspend'
        ? { suspendedAt: null, suspendedBy: null, leechReviewId: null }
        : change === 'bury'
          ? { buriedUntil: buryUntil }
          : { buriedUntil: null }
  await db
    .insert(cardHolds)
    .values({ userId, itemId, ...values })
    .onConflictDoUpdate({ target: [cardHolds.userId, cardHolds.itemId], set: values })
  return true
}

/** The holds on some of a learner's cards (all of them when `itemIds` is omitted). */
export async function holdsFor(db: Database, userId: string): Promise<Map<string, CardHold>> {
  const rows = await db
    .select({ itemId: cardHolds.itemId, suspendedAt: cardHolds.suspendedAt, suspendedBy: cardHolds.suspendedBy, buriedUntil: cardHolds.buriedUntil })
    .from(cardHolds)
    .where(eq(cardHolds.userId, userId))
  return new Map(rows.map(({ itemId, ...hold }) => [itemId, hold]))
}

export interface CardInfo {
  state: number
  /** Predicted recall now, 0–1 (null for a card never answered). */
  retrievability: number | null
  stability: number | null
  difficulty: number | null
  due: number | null
  reps: number
  lapses: number
  leech: boolean
  hold: CardHold | null
  /** The latest answers, newest first. */
  answers: Array<{ at: number; rating: number; correct: boolean | null }>
}

/** Why this card now: its memory state, its hold and its last answers. */
export async function cardInfo(db: Database, userId: string, itemId: string, now: number, retention: number, leechThreshold: number): Promise<CardInfo> {
  const [[stateRow], [hold], answers, parameters] = await Promise.all([
    db.select().from(cardStates).where(and(eq(cardStates.userId, userId), eq(cardStates.itemId, itemId))),
    db
      .select({ suspendedAt: cardHolds.suspendedAt, suspendedBy: cardHolds.suspendedBy, buriedUntil: cardHolds.buriedUntil })
      .from(cardHolds)
      .where(and(eq(cardHolds.userId, userId), eq(cardHolds.itemId, itemId))),
    db
      .select({ at: reviewLogs.reviewedAt, rating: reviewLogs.rating, correct: reviewLogs.correct })
      .from(reviewLogs)
      .where(and(eq(reviewLogs.userId, userId), eq(reviewLogs.itemId, itemId), isNull(reviewLogs.undoneAt)))
      .orderBy(desc(reviewLogs.reviewedAt))
      .limit(5),
    parametersInForce(db, userId),
  ])
  const card: StoredCard | null = stateRow ? cardFromRow(stateRow) : null
  return {
    state: card?.state ?? 0,
    // By the learner's own forgetting curve when their fitted parameters are in force.
    retrievability: card && card.lastReview !== null ? retrievability(card, now, retention, parameters.weights) : null,
    stability: card && card.reps > 0 ? card.stability : null,
    difficulty: card && card.reps > 0 ? card.difficulty : null,
    due: card ? card.due : null,
    reps: card?.reps ?? 0,
    lapses: card?.lapses ?? 0,
    leech: card ? isLeech(card.lapses, leechThreshold) : false,
    hold: hold ?? null,
    answers: answers.map((a) => ({ at: a.at, rating: a.rating, correct: a.correct })),
  }
}
