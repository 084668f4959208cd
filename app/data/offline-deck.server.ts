/** Builds the copy of a deck a phone keeps for offline study (app/offline/kept-deck.ts). Reads only. */
import { createHash } from 'node:crypto'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { cardStates, deckItems, items, openChecks, reviewRequests } from '../../db/schema'
import { OPEN_CHECK_TTL_MS } from '~/domain/open-check'
import { toCardContent } from '~/domain/card-content'
import { needsSiblings } from '~/domain/questions'
import { studyDayAt } from '~/domain/study-day'
import type { KeptContent, KeptDeck, KeptDeckUpdate } from '~/offline/kept-deck'
import type { Database } from '~/utils/db.server'
import { sourceDocs, speakers as speakerList } from './content.server'
import { deckExists } from './decks.server'
import { cardFromRow } from './reviews.server'
import { getSettings } from './settings.server'
import { parametersInForce } from './fsrs-parameters.server'
import { holdsFor } from './holds.server'
import { dailyProgress } from './study-queue.server'

/**
 * The deck as a phone keeps it. `have`: the content hash of the copy the phone keeps; when it is current the
 * answer leaves the content out (a deck's content is most of its size: the timeline deck is 0.5 MB of JSON).
 */
export async function keptDeckFor(db: Database, userId: string, deckId: string, now: number, have?: string): Promise<KeptDeck | KeptDeckUpdate | null> {
  const deck = await deckExists(db, deckId, userId)
  if (!deck) return null
  const settings = await getSettings(db, userId)
  const day = studyDayAt(now, settings.timeZone)
  const [rows, states, requests, checks, sources, speakers, progress, parameters, holds] = await Promise.all([
    db
      .select({ id: items.id, bank: items.bank, category: items.category, data: items.data })
      .from(deckItems)
      .innerJoin(items, and(eq(items.id, deckItems.itemId), isNull(items.retiredAt)))
      .where(eq(deckItems.deckId, deckId))
      .orderBy(deckItems.position),
    db.select().from(cardStates).innerJoin(deckItems, and(eq(deckItems.deckId, deckId), eq(deckItems.itemId, cardStates.itemId))).where(eq(cardStates.userId, userId)),
    db
      .select({ itemId: reviewRequests.itemId })
      .from(reviewRequests)
      .innerJoin(deckItems, and(eq(deckItems.deckId, deckId), eq(deckItems.itemId, reviewRequests.itemId)))
      .where(eq(reviewRequests.userId, userId))
      .orderBy(reviewRequests.requestedAt),
    db
      .select({ itemId: openChecks.itemId, reviewId: openChecks.reviewId, response: openChecks.response, checkedAt: openChecks.checkedAt })
      .from(openChecks)
      .innerJoin(deckItems, and(eq(deckItems.deckId, deckId), eq(deckItems.itemId, openChecks.itemId)))
      .where(and(eq(openChecks.userId, userId), sql`${openChecks.checkedAt} > ${now - OPEN_CHECK_TTL_MS}`))
      .orderBy(openChecks.checkedAt),
    sourceDocs(db),
    speakerList(db),
    dailyProgress(db, userId, day.start),
    parametersInForce(db, userId),
    holdsFor(db, userId),
  ])
  // Sibling groups, fetched exactly as the server's grader fetches them (app/data/questions.server.ts).
  const groupKeys = [...new Set(rows.filter((r) => needsSiblings(r.data)).map((r) => `${r.bank}|${r.category}`))]
  const siblingGroups: KeptDeck['siblingGroups'] = {}
  for (const key of groupKeys) {
    const [bank, category] = key.split('|') as [string, string]
    const group = await db
      .select({ id: items.id, answer: sql<string>`json_extract(${items.data}, '$.answer')` })
      .from(items)
      .where(and(eq(items.bank, bank), eq(items.category, category), isNull(items.retiredAt)))
      .orderBy(sql`rowid`)
    siblingGroups[key] = group.map((g) => ({ id: g.id, answer: JSON.parse(g.answer) }))
  }
  const content: KeptContent = {
    title: deck.data.title,
    items: rows.map((r) => ({ item: r.data, content: toCardContent(r.data, sources, speakers), siblings: needsSiblings(r.data) ? `${r.bank}|${r.category}` : '' })),
    siblingGroups,
  }
  const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22)
  const learnerPart = {
    deckId: deck.id,
    userId,
    contentHash,
    cards: Object.fromEntries(states.map((s) => [s.card_states.itemId, cardFromRow(s.card_states)])),
    requested: requests.map((r) => r.itemId),
    settings: {
      desiredRetention: settings.desiredRetention,
      newPerDay: settings.newPerDay,
      maxReviewsPerDay: settings.maxReviewsPerDay,
      cardLanguage: settings.cardLanguage,
      uiLanguage: settings.uiLanguage,
      timeZone: settings.timeZone,
    },
    weights: parameters.weights,
    holds: Object.fromEntries(rows.filter((r) => holds.has(r.id)).map((r) => [r.id, holds.get(r.id)!])),
    checks,
    progress: { dayStart: day.start, dayEnd: day.end, newToday: progress.newToday, reviewsToday: progress.reviewsToday },
    fetchedAt: now,
  }
  return have === contentHash ? { ...learnerPart, content: 'unchanged' } : { ...learnerPart, ...content }
}
