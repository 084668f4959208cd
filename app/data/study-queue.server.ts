/**
 * The study queue: today's counts, the head of each queue, and the next card to show (the decision is the
 * pure app/domain/queue.ts). Reads card_states, review_logs, review_requests and assignments; writes only
 * its own cache, the new-card cursors.
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import { assignmentItems, assignments, cardStates, classes, classMembers, deckItems, items, newCardCursors, reviewLogs, reviewRequests } from '../../db/schema'
import { nextDueCard, type NextCard, type QueueHeads } from '~/domain/queue'
import { newCard, previewIntervals, State, type RatingValue, type StoredCard } from '~/domain/scheduling'
import { studyDateAt, studyDayAt } from '~/domain/study-day'
import type { ContentItem } from '~/domain/content/schema'
import type { Database } from '~/utils/db.server'
import { isInDeck } from './decks.server'
import { parametersInForce } from './fsrs-parameters.server'
import { notHeld } from './holds.server'
import { cardFromRow } from './reviews.server'
import { extraNewCards } from './new-card-extensions.server'
import { getSettings, type Settings } from './settings.server'

export interface DailyProgress {
  newToday: number
  reviewsToday: number
  answeredToday: number
}

/** Today's answers (undone ones excluded), counted from the log within the learner's study day. */
export async function dailyProgress(db: Database, userId: string, dayStart: number): Promise<DailyProgress> {
  const [row] = await db
    .select({
      newToday: sql<number>`coalesce(sum(json_extract(${reviewLogs.before}, '$.state') = 0), 0)`,
      reviewsToday: sql<number>`coalesce(sum(json_extract(${reviewLogs.before}, '$.state') = 2), 0)`,
      answeredToday: sql<number>`count(*)`,
    })
    .from(reviewLogs)
    .where(and(eq(reviewLogs.userId, userId), sql`${reviewLogs.reviewedAt} >= ${dayStart}`, isNull(reviewLogs.undoneAt)))
  return { newToday: row?.newToday ?? 0, reviewsToday: row?.reviewsToday ?? 0, answeredToday: row?.answeredToday ?? 0 }
}

/** What the learner did in one deck today (the end-of-session summary): answers, how many right, time spent. */
export async function deckDayProgress(db: Database, userId: string, deckId: string, dayStart: number): Promise<{ answered: number; right: number; durationMs: number }> {
  const [row] = await db
    .select({
      answered: sql<number>`count(*)`,
      right: sql<number>`coalesce(sum(coalesce(${reviewLogs.correct}, ${reviewLogs.rating} > 1)), 0)`,
      durationMs: sql<number>`coalesce(sum(${reviewLogs.durationMs}), 0)`,
    })
    .from(reviewLogs)
    .innerJoin(deckItems, and(eq(deckItems.deckId, deckId), eq(deckItems.itemId, reviewLogs.itemId)))
    .where(and(eq(reviewLogs.userId, userId), sql`${reviewLogs.reviewedAt} >= ${dayStart}`, isNull(reviewLogs.undoneAt)))
  return { answered: row?.answered ?? 0, right: row?.right ?? 0, durationMs: row?.durationMs ?? 0 }
}

/**
 * The queue-head queries (exported so the benchmark can show their plans). Each walks an index in order and
 * stops at the first row: learning and relearning separately (an IN would force a sort), reviews by due
 * time, and new cards by deck position starting at the learner's new-card cursor. Held cards (suspended,
 * or buried until after `now`) are skipped.
 */
export function queueHeadQueries(db: Database, userId: string, deckId: string, now: number) {
  const inDeck = and(eq(deckItems.deckId, deckId), eq(deckItems.itemId, cardStates.itemId))
  const earliestIn = (state: number) =>
    db
      .select({ itemId: cardStates.itemId, due: cardStates.due })
      .from(cardStates)
      .innerJoin(deckItems, inDeck)
      .where(and(eq(cardStates.userId, userId), eq(cardStates.state, state), notHeld(userId, cardStates.itemId, now)))
      .orderBy(cardStates.due)
      .limit(1)
  const cursor = sql`coalesce((select ${newCardCursors.position} from ${newCardCursors} where ${newCardCursors.userId} = ${userId} and ${newCardCursors.deckId} = ${deckId}), 0)`
  return {
    requested: db
      .select({ itemId: reviewRequests.itemId })
      .from(reviewRequests)
      .innerJoin(deckItems, and(eq(deckItems.deckId, deckId), eq(deckItems.itemId, reviewRequests.itemId)))
      .where(and(eq(reviewRequests.userId, userId), notHeld(userId, reviewRequests.itemId, now)))
      .orderBy(reviewRequests.requestedAt)
      .limit(1),
    learning: earliestIn(State.Learning),
    relearning: earliestIn(State.Relearning),
    review: earliestIn(State.Review),
    fresh: db
      .select({ itemId: deckItems.itemId, position: deckItems.position, cursor: sql<number>`${cursor}` })
      .from(deckItems)
      .where(
        and(
          eq(deckItems.deckId, deckId),
          sql`${deckItems.position} >= ${cursor}`,
          sql`not exists (select 1 from ${cardStates} where ${cardStates.userId} = ${userId} and ${cardStates.itemId} = ${deckItems.itemId})`,
          notHeld(userId, deckItems.itemId, now),
        ),
      )
      .orderBy(deckItems.position)
      .limit(1),
  }
}

/**
 * Moves the learner's new-card cursor up to `position`, but only if every deck item in [from, position) is
 * still started when the write happens (so a concurrent undo can never leave a card skipped).
 */
async function advanceNewCardCursor(db: Database, userId: string, deckId: string, from: number, position: number) {
  // A visitor reading the study page has no user row yet, and so no cursor to keep.
  if (userId === '') return
  await db.run(sql`insert into ${newCardCursors} (user_id, deck_id, position)
    select ${userId}, ${deckId}, ${position}
    where not exists (
      select 1 from ${deckItems} where ${deckItems.deckId} = ${deckId} and ${deckItems.position} >= ${from} and ${deckItems.position} < ${position}
        and not exists (select 1 from ${cardStates} where ${cardStates.userId} = ${userId} and ${cardStates.itemId} = ${deckItems.itemId}))
    on conflict (user_id, deck_id) do update set position = excluded.position where position = ${from}`)
}

/**
 * Heads of the assigned-items queues. They start from the learner's class memberships (CROSS JOIN fixes
 * that order in SQLite), so a learner in no class pays one index probe, whatever their history.
 */
function assignedHeadQueries(db: Database, userId: string, deckId: string, now: number) {
  const fromAssignments = sql`from ${classMembers} m
    cross join ${classes} c on c.id = m.class_id and c.archived_at is null
    cross join ${assignments} a on a.class_id = c.id and a.due_at >= ${now}
    cross join ${assignmentItems} ai on ai.assignment_id = a.id
    cross join ${deckItems} di on di.deck_id = ${deckId} and di.item_id = ai.item_id`
  return {
    review: db.all<{ itemId: string; due: number }>(sql`select cs.item_id as itemId, cs.due as due ${fromAssignments}
      cross join ${cardStates} cs on cs.user_id = m.user_id and cs.item_id = ai.item_id
      where m.user_id = ${userId} and m.removed_at is null and cs.state = ${State.Review} and cs.due <= ${now}
        and ${notHeld(userId, sql`ai.item_id`, now)}
      order by cs.due limit 1`),
    fresh: db.all<{ itemId: string }>(sql`select ai.item_id as itemId ${fromAssignments}
      where m.user_id = ${userId} and m.removed_at is null
        and not exists (select 1 from ${cardStates} cs where cs.user_id = ${userId} and cs.item_id = ai.item_id)
        and ${notHeld(userId, sql`ai.item_id`, now)}
      order by di.position limit 1`),
  }
}

async function queueHeads(db: Database, userId: string, deckId: string, now: number): Promise<QueueHeads> {
  const q = queueHeadQueries(db, userId, deckId, now)
  const assigned = assignedHeadQueries(db, userId, deckId, now)
  const [[requested], [learning], [relearning], [review], [fresh], [assignedReview], [assignedFresh]] = await Promise.all([
    q.requested,
    q.learning,
    q.relearning,
    q.review,
    q.fresh,
    assigned.review,
    assigned.fresh,
  ])
  if (fresh && fresh.position > fresh.cursor) await advanceNewCardCursor(db, userId, deckId, fresh.cursor, fresh.position)
  const learningHead = learning && relearning ? (learning.due <= relearning.due ? learning : relearning) : (learning ?? relearning ?? null)
  return {
    learning: learningHead,
    review: review ?? null,
    fresh: fresh ? { itemId: fresh.itemId } : null,
    requested: requested ?? null,
    assignedReview: assignedReview ?? null,
    assignedFresh: assignedFresh ?? null,
  }
}

export interface StudyCard {
  itemId: string
  queue: 'new' | 'learning' | 'review' | 'requested'
  card: StoredCard
  item: ContentItem
  /** ms from now until due, for Again, Hard, Good, Easy. */
  intervals: Record<RatingValue, number>
}

export type StudyState =
  /** `settings.newPerDay` includes today's "study more" extra; `extendedToday`: that extra was taken. */
  | { status: 'card'; card: StudyCard; progress: DailyProgress; settings: Settings; extendedToday: boolean }
  | { status: 'done'; nextDue: number | null; progress: DailyProgress; settings: Settings; extendedToday: boolean }

async function loadStudyCard(db: Database, userId: string, itemId: string, queue: StudyCard['queue'] | null, now: number, retention: number) {
  const [[row], parameters] = await Promise.all([db
    .select({ data: items.data, state: cardStates })
    .from(items)
    .leftJoin(cardStates, and(eq(cardStates.userId, userId), eq(cardStates.itemId, items.id)))
    .where(and(eq(items.id, itemId), isNull(items.retiredAt))), parametersInForce(db, userId)])
  if (!row) return null
  const card: StoredCard = row.state ? cardFromRow(row.state) : newCard(now)
  const q = queue ?? (card.state === State.New ? 'new' : card.state === State.Review ? 'review' : 'learning')
  return { itemId, queue: q, card, item: row.data, intervals: previewIntervals(card, now, retention, parameters.weights) }
}

/**
 * The next card to study in a deck. `preferItemId` (after an undo) shows that card first when it is in
 * the deck.
 */
/** `settings` given: a visitor with no user row yet (their defaults); otherwise read for the user. */
export async function nextStudyState(db: Database, userId: string, deckId: string, now: number, preferItemId?: string, settings?: Settings): Promise<StudyState> {
  settings ??= await getSettings(db, userId)
  const day = studyDayAt(now, settings.timeZone)
  const [heads, progress, preferred, extra] = await Promise.all([
    queueHeads(db, userId, deckId, now),
    dailyProgress(db, userId, day.start),
    preferItemId ? isInDeck(db, deckId, preferItemId) : Promise.resolve(false),
    userId ? extraNewCards(db, userId, studyDateAt(now, settings.timeZone)) : 0,
  ])
  // "Study more today" raised today's new-card limit (once): the queue and the counts use the raised one.
  if (extra > 0) settings = { ...settings, newPerDay: settings.newPerDay + extra }
  let next: NextCard
  if (preferred && preferItemId) next = { kind: 'learning', itemId: preferItemId }
  else next = nextDueCard(heads, progress, settings, now, day.end)
  const extendedToday = extra > 0
  if (next.kind === 'done') return { status: 'done', nextDue: next.nextDue, progress, settings, extendedToday }
  const card = await loadStudyCard(db, userId, next.itemId, preferred ? null : next.kind, now, settings.desiredRetention)
  if (!card) return { status: 'done', nextDue: null, progress, settings, extendedToday }
  return { status: 'card', card, progress, settings, extendedToday }
}

/** Missed items come first in the learner's reviews (until answered once). */
export async function requestReviews(db: Database, userId: string, itemIds: readonly string[], now: number): Promise<number> {
  if (itemIds.length === 0) return 0
  await db
    .insert(reviewRequests)
    .values(itemIds.map((itemId) => ({ userId, itemId, requestedAt: now })))
    .onConflictDoUpdate({ target: [reviewRequests.userId, reviewRequests.itemId], set: { requestedAt: sql`excluded.requested_at` } })
  return itemIds.length
}
