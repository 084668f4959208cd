/**
 * The first Check of a shown card (issue 14.15). Checking grades without scheduling; keeping the first check
 * means a reload, a second tab or a replayed request shows the same question and verdict rather than a fresh
 * try, so a learner cannot retry until right. The reviews module grades the rating on it and clears it in the
 * same batch. A check left unrated for a day no longer holds (the card is a fresh question again).
 */
import { and, eq, sql } from 'drizzle-orm'
import { openChecks, reviewLogs } from '../../db/schema'
import type { Database } from '~/utils/db.server'
import { OPEN_CHECK_TTL_MS } from '~/domain/open-check'

export interface OpenCheck {
  reviewId: string
  response: string
  checkedAt: number
}

/** The learner's open check of this card, if one is still in force. */
export async function openCheckFor(db: Database, userId: string, itemId: string, now: number): Promise<OpenCheck | null> {
  const [row] = await db
    .select({ reviewId: openChecks.reviewId, response: openChecks.response, checkedAt: openChecks.checkedAt })
    .from(openChecks)
    .where(
      and(
        eq(openChecks.userId, userId),
        eq(openChecks.itemId, itemId),
        sql`${openChecks.checkedAt} > ${now - OPEN_CHECK_TTL_MS}`,
        // A check whose showing was rated already (a stale form posted again) holds nothing.
        sql`not exists (select 1 from ${reviewLogs} where ${reviewLogs.id} = ${openChecks.reviewId})`,
      ),
    )
  return row ?? null
}

/**
 * Keeps this check unless one is already in force, and returns the one in force: the first. Two statements in
 * one batch, so concurrent checks agree on which came first.
 */
export async function keepFirstCheck(db: Database, userId: string, itemId: string, check: OpenCheck): Promise<OpenCheck> {
  const [, rows] = await db.batch([
    db
      .insert(openChecks)
      .values({ userId, itemId, ...check })
      .onConflictDoUpdate({
        target: [openChecks.userId, openChecks.itemId],
        set: { reviewId: check.reviewId, response: check.response, checkedAt: check.checkedAt },
        setWhere: sql`${openChecks.checkedAt} <= ${check.checkedAt - OPEN_CHECK_TTL_MS}`,
      }),
    db.select({ reviewId: openChecks.reviewId, response: openChecks.response, checkedAt: openChecks.checkedAt }).from(openChecks).where(and(eq(openChecks.userId, userId), eq(openChecks.itemId, itemId))),
  ])
  return rows[0]!
}

