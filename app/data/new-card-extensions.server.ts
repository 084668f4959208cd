/**
 * "Study more today" (issue 14.16): once per study day a learner may raise that day's new-card limit. The
 * queue reads the extra for today; the end-of-session screen offers it while the limit is what stops them.
 */
import { and, eq } from 'drizzle-orm'
import { newCardExtensions } from '../../db/schema'
import type { Database } from '~/utils/db.server'

/** How many new cards "Study more today" adds. */
export const EXTRA_NEW_CARDS = 10

/** The extra new cards allowed on this study day (YYYY-MM-DD), or 0. */
export async function extraNewCards(db: Database, userId: string, day: string): Promise<number> {
  const [row] = await db.select({ extra: newCardExtensions.extra }).from(newCardExtensions).where(and(eq(newCardExtensions.userId, userId), eq(newCardExtensions.day, day)))
  return row?.extra ?? 0
}

/** Raises the day's limit once: a second request (a double tap, a replay) changes nothing. */
export async function extendNewCards(db: Database, userId: string, day: string): Promise<void> {
  await db.insert(newCardExtensions).values({ userId, day, extra: EXTRA_NEW_CARDS }).onConflictDoNothing()
}
