/**
 * Learner progress in the database: the deck overview, the next card, recording an answer, undo.
 * The only module that reads or writes card_states and review_logs; the decisions are made by the pure
 * domain modules (scheduling, queue, study-day).
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { answerCounts, assignmentItems, assignments, cardStates, classes, classMembers, deckItems, decks, items, newCardCursors, reviewLogs, reviewRequests, userSettings, type StoredCard } from '../../db/schema'
import { nextDueCard, type NextCard, type QueueHeads } from '~/domain/queue'
import { newCard, previewIntervals, scheduleReview, State, type RatingValue } from '~/domain/scheduling'
import { studyDayAt } from '~/domain/study-day'
import type { Database } from './db.server'

export type Settings = typeof userSettings.$inferSelect

export async function getSettings(db: Database, userId: string): Promise<Settings> {
  const [row] = await db.select().from(userSettings).where(eq(userSettings.userId, userId))
  if (!row) throw new Error(`settings missing for user ${userId}`)
  return row
}

export async function saveSettings(db: Database, userId: string, values: Partial<Omit<Settings, 'userId'>>): Promise<void> {
  await db.update(userSettings).set(values).where(eq(userSettings.userId, userId))
}

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

export interface DeckSummary {
  id: string
  data: { title: { en: string; zh: string }; description: { en: string; zh: string } }
  total: number
  fresh: number
  learning: number
  due: number
}

/** Counts per deck (all live decks, or just `onlyDeckId` — the study page needs one). */
export async function deckSummaries(db: Database, userId: string | null, now: number, onlyDeckId?: string): Promise<DeckSummary[]> {
  const rows = await db
    .select({
      id: decks.id,
      data: decks.data,
      total: sql<number>`count(${deckItems.itemId})`,
      fresh: sql<number>`coalesce(sum(${cardStates.itemId} is null), 0)`,
      learning: sql<number>`coalesce(sum(${cardStates.state} in (1, 3)), 0)`,
      due: sql<number>`coalesce(sum(${cardStates.state} = 2 and ${cardStates.due} <= ${now}), 0)`,
    })
    .from(decks)
    .leftJoin(deckItems, eq(deckItems.deckId, decks.id))
    .leftJoin(cardStates, and(eq(cardStates.userId, userId ?? ''), eq(cardStates.itemId, deckItems.itemId)))
    .where(onlyDeckId === undefined ? isNull(decks.retiredAt) : and(isNull(decks.retiredAt), eq(decks.id, onlyDeckId)))
    .groupBy(decks.id)
    .orderBy(decks.position)
  return rows as DeckSummary[]
}

/**
 * The queue-head queries (exported so the benchmark can show their plans). Each walks an index in order and
 * stops at the first row: learning and relearning separately (an IN would force a sort), reviews by due
 * time, and new cards by deck position starting at the learner's new-card cursor.
 */
export function queueHeadQueries(db: Database, userId: string, deckId: string) {
  const inDeck = and(eq(deckItems.deckId, deckId), eq(deckItems.itemId, cardStates.itemId))
  const earliestIn = (state: number) =>
    db
      .select({ itemId: cardStates.itemId, due: cardStates.due })
      .from(cardStates)
      .innerJoin(deckItems, inDeck)
      .where(and(eq(cardStates.userId, userId), eq(cardStates.state, state)))
      .orderBy(cardStates.due)
      .limit(1)
  const cursor = sql`coalesce((select ${newCardCursors.position} from ${newCardCursors} where ${newCardCursors.userId} = ${userId} and ${newCardCursors.deckId} = ${deckId}), 0)`
  return {
    requested: db
      .select({ itemId: reviewRequests.itemId })
      .from(reviewRequests)
      .innerJoin(deckItems, and(eq(deckItems.deckId, deckId), eq(deckItems.itemId, reviewRequests.itemId)))
      .where(eq(reviewRequests.userId, userId))
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
      order by cs.due limit 1`),
    fresh: db.all<{ itemId: string }>(sql`select ai.item_id as itemId ${fromAssignments}
      where m.user_id = ${userId} and m.removed_at is null
        and not exists (select 1 from ${cardStates} cs where cs.user_id = ${userId} and cs.item_id = ai.item_id)
      order by di.position limit 1`),
  }
}

async function queueHeads(db: Database, userId: string, deckId: string, now: number): Promise<QueueHeads> {
  const q = queueHeadQueries(db, userId, deckId)
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
  item: Record<string, unknown>
  /** ms from now until due, for Again, Hard, Good, Easy. */
  intervals: Record<RatingValue, number>
}

export type StudyState =
  | { status: 'card'; card: StudyCard; progress: DailyProgress; settings: Settings }
  | { status: 'done'; nextDue: number | null; progress: DailyProgress; settings: Settings }

async function loadStudyCard(db: Database, userId: string, itemId: string, queue: StudyCard['queue'] | null, now: number, retention: number) {
  const [row] = await db
    .select({ data: items.data, state: cardStates })
    .from(items)
    .leftJoin(cardStates, and(eq(cardStates.userId, userId), eq(cardStates.itemId, items.id)))
    .where(and(eq(items.id, itemId), isNull(items.retiredAt)))
  if (!row) return null
  const card: StoredCard = row.state ? stripKeys(row.state) : newCard(now)
  const q = queue ?? (card.state === State.New ? 'new' : card.state === State.Review ? 'review' : 'learning')
  return { itemId, queue: q, card, item: row.data as Record<string, unknown>, intervals: previewIntervals(card, now, retention) }
}

function stripKeys(row: typeof cardStates.$inferSelect): StoredCard {
  const { userId: _u, itemId: _i, ...card } = row
  return card
}

/**
 * The next card to study in a deck. `preferItemId` (after an undo) shows that card first when it is in
 * the deck.
 */
export async function nextStudyState(db: Database, userId: string, deckId: string, now: number, preferItemId?: string): Promise<StudyState> {
  const settings = await getSettings(db, userId)
  const day = studyDayAt(now, settings.timeZone)
  const [heads, progress, preferred] = await Promise.all([
    queueHeads(db, userId, deckId, now),
    dailyProgress(db, userId, day.start),
    preferItemId ? isInDeck(db, deckId, preferItemId) : Promise.resolve(false),
  ])
  let next: NextCard
  if (preferred && preferItemId) next = { kind: 'learning', itemId: preferItemId }
  else next = nextDueCard(heads, progress, settings, now, day.end)
  if (next.kind === 'done') return { status: 'done', nextDue: next.nextDue, progress, settings }
  const card = await loadStudyCard(db, userId, next.itemId, preferred ? null : next.kind, now, settings.desiredRetention)
  if (!card) return { status: 'done', nextDue: null, progress, settings }
  return { status: 'card', card, progress, settings }
}

export async function isInDeck(db: Database, deckId: string, itemId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(deckItems)
    .where(and(eq(deckItems.deckId, deckId), eq(deckItems.itemId, itemId)))
  return Boolean(row)
}

export async function deckExists(db: Database, deckId: string): Promise<{ id: string; data: DeckSummary['data'] } | null> {
  const [row] = await db.select({ id: decks.id, data: decks.data }).from(decks).where(and(eq(decks.id, deckId), isNull(decks.retiredAt)))
  return (row as { id: string; data: DeckSummary['data'] } | undefined) ?? null
}

export type RecordResult =
  | { status: 'recorded'; card: StoredCard }
  | { status: 'duplicate' }
  | { status: 'unknown-item' }
  | { status: 'not-in-deck' }
  | { status: 'id-conflict' }
  | { status: 'stale' }

export interface ReviewInput {
  userId: string
  itemId: string
  /** When given, the item must belong to this deck. */
  deckId?: string
  reviewId: string
  rating: RatingValue
  durationMs: number
  now: number
  /** What the learner answered (interactive kinds), and whether the server graded it right. */
  response?: string
  correct?: boolean
}

interface ReviewContextRow {
  prior_user: string | null
  prior_item: string | null
  prior_rating: number | null
  item_live: number
  in_deck: number
  retention: number | null
  due: number | null
  stability: number | null
  difficulty: number | null
  elapsed_days: number | null
  scheduled_days: number | null
  learning_steps: number | null
  reps: number | null
  lapses: number | null
  state: number | null
  last_review: number | null
}

/** Everything an answer needs to know, in one statement (this is the hot path). */
async function reviewContext(db: Database, input: ReviewInput): Promise<ReviewContextRow> {
  const row = await db.get<ReviewContextRow>(sql`select
      p.user_id as prior_user, p.item_id as prior_item, p.rating as prior_rating,
      exists (select 1 from ${items} where id = ${input.itemId} and retired_at is null) as item_live,
      ${input.deckId === undefined ? sql`1` : sql`exists (select 1 from ${deckItems} where deck_id = ${input.deckId} and item_id = ${input.itemId})`} as in_deck,
      (select desired_retention from ${userSettings} where user_id = ${input.userId}) as retention,
      c.due, c.stability, c.difficulty, c.elapsed_days, c.scheduled_days, c.learning_steps, c.reps, c.lapses, c.state, c.last_review
    from (select 1) as one
    left join ${reviewLogs} as p on p.id = ${input.reviewId}
    left join ${cardStates} as c on c.user_id = ${input.userId} and c.item_id = ${input.itemId}`)
  return row!
}

/**
 * Records one answer: the log row and the new card state in one atomic batch. Idempotent on reviewId: a
 * retry or a double tap with the same id changes nothing twice. Optimistic: if the card changed since we
 * read it (a concurrent answer), nothing is written and the caller is told it is stale.
 */
export async function recordReview(db: Database, input: ReviewInput): Promise<RecordResult> {
  const { userId, itemId, reviewId, rating, durationMs, now } = input
  const ctx = await reviewContext(db, input)
  if (ctx.prior_user !== null) {
    return sameReview({ userId: ctx.prior_user, itemId: ctx.prior_item!, rating: ctx.prior_rating! }, input) ? { status: 'duplicate' } : { status: 'id-conflict' }
  }
  if (!ctx.item_live) return { status: 'unknown-item' }
  if (!ctx.in_deck) return { status: 'not-in-deck' }
  const retention = ctx.retention ?? 0.9
  const hasState = ctx.reps !== null
  const before: StoredCard = hasState
    ? {
        due: ctx.due!,
        stability: ctx.stability!,
        difficulty: ctx.difficulty!,
        elapsedDays: ctx.elapsed_days!,
        scheduledDays: ctx.scheduled_days!,
        learningSteps: ctx.learning_steps!,
        reps: ctx.reps!,
        lapses: ctx.lapses!,
        state: ctx.state!,
        lastReview: ctx.last_review,
      }
    : newCard(now)
  const after = scheduleReview(before, rating, now, retention)
  const beforeJson = JSON.stringify(before)
  // The log row is written only if the card is still as we read it; the state update carries the same guard.
  const guard = hasState
    ? sql`exists (select 1 from ${cardStates} where ${cardStates.userId} = ${userId} and ${cardStates.itemId} = ${itemId} and ${cardStates.reps} = ${before.reps} and ${cardStates.lastReview} is ${before.lastReview})`
    : sql`not exists (select 1 from ${cardStates} where ${cardStates.userId} = ${userId} and ${cardStates.itemId} = ${itemId})`
  const response = input.response ?? null
  const correct = input.correct === undefined ? null : input.correct ? 1 : 0
  const insertLog = db.run(sql`insert into ${reviewLogs} (id, user_id, item_id, rating, reviewed_at, duration_ms, retention, before, response, correct)
    select ${reviewId}, ${userId}, ${itemId}, ${rating}, ${now}, ${durationMs}, ${retention}, ${beforeJson}, ${response}, ${correct} where ${guard}`)
  // Right or wrong: the checker's verdict for interactive kinds, else the learner's own (Again = wrong).
  const right = (input.correct ?? rating > 1) ? 1 : 0
  const recorded = sql`exists (select 1 from ${reviewLogs} where ${reviewLogs.id} = ${reviewId})`
  const countAnswer = db.run(sql`insert into ${answerCounts} (user_id, item_id, answers, correct)
    select ${userId}, ${itemId}, 1, ${right} where ${recorded}
    on conflict (user_id, item_id) do update set answers = answers + 1, correct = correct + excluded.correct`)
  // Answered: a pending "see this again" request is fulfilled (only if this answer was recorded).
  const fulfilRequest = db
    .delete(reviewRequests)
    .where(and(eq(reviewRequests.userId, userId), eq(reviewRequests.itemId, itemId), sql`exists (select 1 from ${reviewLogs} where ${reviewLogs.id} = ${reviewId})`))
  const writeState = hasState
    ? db
        .update(cardStates)
        .set(after)
        .where(and(eq(cardStates.userId, userId), eq(cardStates.itemId, itemId), eq(cardStates.reps, before.reps), sql`${cardStates.lastReview} is ${before.lastReview}`))
    : db.insert(cardStates).values({ userId, itemId, ...after }).onConflictDoNothing()
  try {
    const [logResult] = await db.batch([insertLog, writeState, fulfilRequest, countAnswer])
    if (logResult.rowsAffected === 0) return { status: 'stale' }
  } catch (error) {
    // Two identical submissions raced past the first check: the primary key let exactly one through.
    if (isUniqueViolation(error)) {
      const [again] = await db.select({ userId: reviewLogs.userId, itemId: reviewLogs.itemId, rating: reviewLogs.rating }).from(reviewLogs).where(eq(reviewLogs.id, reviewId))
      if (again) return sameReview(again, input) ? { status: 'duplicate' } : { status: 'id-conflict' }
    }
    throw error
  }
  return { status: 'recorded', card: after }
}

function sameReview(prior: { userId: string; itemId: string; rating: number }, input: ReviewInput): boolean {
  return prior.userId === input.userId && prior.itemId === input.itemId && prior.rating === input.rating
}

function isUniqueViolation(error: unknown): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? error) + String((error as { code?: unknown })?.code ?? '')
  return /UNIQUE|PRIMARYKEY|PRIMARY KEY|SQLITE_CONSTRAINT/i.test(text)
}

export type UndoResult = { status: 'undone'; itemId: string } | { status: 'nothing' } | { status: 'stale' }

/** Undoes the learner's latest answer: marks it undone and restores the card exactly as it was before. */
export async function undoLastReview(db: Database, userId: string, now: number): Promise<UndoResult> {
  const [last] = await db
    .select({ id: reviewLogs.id, itemId: reviewLogs.itemId, before: reviewLogs.before, rating: reviewLogs.rating, correct: reviewLogs.correct })
    .from(reviewLogs)
    .where(and(eq(reviewLogs.userId, userId), isNull(reviewLogs.undoneAt)))
    .orderBy(desc(reviewLogs.reviewedAt), desc(reviewLogs.id))
    .limit(1)
  if (!last) return { status: 'nothing' }
  const before = last.before
  // Mark the answer undone only while the card is still the state it produced; then only the undo that
  // marked it restores the card. Either both happen or neither (a concurrent second undo does nothing).
  const cardIsAfterState = sql`exists (select 1 from ${cardStates} where ${cardStates.userId} = ${userId} and ${cardStates.itemId} = ${last.itemId} and ${cardStates.reps} = ${before.reps + 1})`
  const markUndone = db
    .update(reviewLogs)
    .set({ undoneAt: now })
    .where(and(eq(reviewLogs.id, last.id), isNull(reviewLogs.undoneAt), cardIsAfterState))
  const markedByUs = sql`exists (select 1 from ${reviewLogs} where ${reviewLogs.id} = ${last.id} and ${reviewLogs.undoneAt} = ${now})`
  const stateMatches = and(eq(cardStates.userId, userId), eq(cardStates.itemId, last.itemId), eq(cardStates.reps, before.reps + 1), markedByUs)
  const becomesNew = before.reps === 0 && before.state === State.New
  const restore = becomesNew ? db.delete(cardStates).where(stateMatches) : db.update(cardStates).set(before).where(stateMatches)
  // A card that is new again may sit below a new-card cursor: forget this learner's cursors.
  const resetCursors = db.delete(newCardCursors).where(and(eq(newCardCursors.userId, userId), becomesNew ? markedByUs : sql`0`))
  const wasRight = (last.correct ?? last.rating > 1) ? 1 : 0
  const uncount = db
    .update(answerCounts)
    .set({ answers: sql`${answerCounts.answers} - 1`, correct: sql`${answerCounts.correct} - ${wasRight}` })
    .where(and(eq(answerCounts.userId, userId), eq(answerCounts.itemId, last.itemId), markedByUs))
  const [marked] = await db.batch([markUndone, restore, resetCursors, uncount])
  return marked.rowsAffected === 0 ? { status: 'stale' } : { status: 'undone', itemId: last.itemId }
}

/** Every review of a user, for rebuilding (tests, repair tools). */
export async function reviewLogFor(db: Database, userId: string) {
  return db.select().from(reviewLogs).where(eq(reviewLogs.userId, userId)).orderBy(reviewLogs.reviewedAt)
}

export async function cardStatesFor(db: Database, userId: string) {
  return db.select().from(cardStates).where(eq(cardStates.userId, userId))
}
export { stripKeys as cardFromRow }
export type { RatingValue }
