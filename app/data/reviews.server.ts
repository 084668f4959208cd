/**
 * Recording answers and undoing them: the only writer of review_logs and card_states (with their caches,
 * answer_counts, study_days and the fulfilled review_requests, kept in the same atomic batch, and a leech's
 * automatic suspension). Interactive answers are
 * graded here, from the question their review id seeded, never taken from the browser.
 */
import { and, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm'
import { answerCounts, cardHolds, cardStates, fsrsParameters, newCardCursors, reviewLogs } from '../../db/schema'
import { becomesLeech, LEECH_THRESHOLD } from '~/domain/holds'
import { describeResponse, gradeResponse, isInteractive, type AnswerMeaning } from '~/domain/questions'
import { newCard, scheduleReview, State, type RatingValue, type StoredCard } from '~/domain/scheduling'
import { studyDateAt } from '~/domain/study-day'
import type { Database } from '~/utils/db.server'
import { startAnswer, type StartedAnswer } from './group-commit.server'
import type { OpenCheck } from './open-checks.server'
import { checkInForce } from '~/domain/open-check'
import {
  clearOpenCheckStatement,
  countAnswerStatement,
  fulfilRequestStatement,
  insertLogStatement,
  reviewContextStatement,
  statementOf,
  studyDayStatement,
  suspendLeechStatement,
  writeStateStatement,
} from './answer-statements.server'
import { liveItem, questionFor } from './questions.server'

export type RecordResult =
  /** `leech`: this answer's lapse made the card a leech, and it is now suspended. */
  | { status: 'recorded'; card: StoredCard; leech: boolean }
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
  /** What the learner answered (interactive kinds): graded here, against the question `reviewId` seeded. */
  response?: string
}

interface ReviewContextRow {
  prior_user: string | null
  prior_item: string | null
  prior_rating: number | null
  item_live: number
  in_deck: number
  retention: number | null
  time_zone: string | null
  /** The learner's FSRS parameter set in force and its weights (JSON); null: the defaults. */
  parameters_id: string | null
  weights: string | null
  leech_threshold: number | null
  /** A pending "see this again" request for the card (fulfilled by this answer). */
  has_request: number
  /** The card's open check (app/data/open-checks.server.ts), if it has a row: in force unless rated or a day old. */
  check_review_id: string | null
  check_response: string | null
  check_checked_at: number | null
  check_rated: number
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
  const { rows } = await db.$client.execute(reviewContextStatement(input.userId, input.itemId, input.reviewId, input.deckId))
  return rows[0] as unknown as ReviewContextRow
}

/**
 * Records one answer: the log row and the new card state in one atomic batch. Idempotent on reviewId: a
 * retry or a double tap with the same id changes nothing twice. Optimistic: if the card changed since we
 * read it (a concurrent answer), nothing is written and the caller is told it is stale.
 */
export async function recordReview(db: Database, input: ReviewInput, opts: { groupWindowMs?: number } = {}): Promise<RecordResult> {
  // On its way to a write from here: a group commit forming meanwhile waits for this answer.
  const answer = startAnswer(db, opts.groupWindowMs)
  try {
    return await writeReview(db, input, answer.commit)
  } finally {
    answer.abandon()
  }
}

async function writeReview(db: Database, input: ReviewInput, commit: StartedAnswer['commit']): Promise<RecordResult> {
  const { userId, itemId, reviewId, rating, durationMs, now } = input
  const ctx = await reviewContext(db, input)
  if (ctx.prior_user !== null) {
    return sameReview({ userId: ctx.prior_user, itemId: ctx.prior_item!, rating: ctx.prior_rating! }, input) ? { status: 'duplicate' } : { status: 'id-conflict' }
  }
  if (!ctx.item_live) return { status: 'unknown-item' }
  if (!ctx.in_deck) return { status: 'not-in-deck' }
  const graded = await gradeAnswer(db, input, openCheckOf(ctx, now))
  // The card was checked as another showing (another tab, or a forged id): only that showing may be rated.
  if (graded === 'checked-elsewhere') return { status: 'stale' }
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
  const weights = ctx.weights === null ? null : (JSON.parse(ctx.weights) as number[])
  const after = scheduleReview(before, rating, now, retention, weights)
  const correct = graded === null ? null : graded.correct ? 1 : 0
  const studyDay = studyDateAt(now, ctx.time_zone ?? 'UTC')
  // The log row and the state are written only if the card is still as we read it (the same guard on both).
  const insertLog = insertLogStatement(
    {
      id: reviewId,
      userId,
      itemId,
      rating,
      reviewedAt: now,
      durationMs,
      retention,
      before,
      response: graded?.response ?? null,
      meaning: graded?.meaning ? JSON.stringify(graded.meaning) : null,
      correct,
      studyDay,
      // The row names the parameter set that scheduled it, so a replay uses the same one.
      parametersId: weights === null ? null : ctx.parameters_id,
    },
    hasState,
  )
  // Right or wrong: the checker's verdict for interactive kinds, else the learner's own (Again = wrong).
  const right = (graded?.correct ?? rating > 1) ? 1 : 0
  const leech = becomesLeech(before.lapses, after.lapses, ctx.leech_threshold ?? LEECH_THRESHOLD.default)
  try {
    // The order is the chain each counter relies on (it runs only if the statement before it wrote its row): log,
    // state, then each counter; the deletes last (answer-statements.server.ts).
    const statements = [
      insertLog,
      writeStateStatement(userId, itemId, before, after, hasState),
      countAnswerStatement(userId, itemId, right, durationMs),
      studyDayStatement(userId, studyDay, { sign: 1, durationMs, stateBefore: before.state, rating }),
      ...(leech ? [suspendLeechStatement(userId, itemId, reviewId, now)] : []),
      ...(ctx.has_request ? [fulfilRequestStatement(userId, itemId, reviewId)] : []),
      ...(graded?.fromOpenCheck ? [clearOpenCheckStatement(userId, itemId, reviewId)] : []),
    ]
    const [logResult] = await commit(statements)
    if (logResult!.rowsAffected === 0) {
      // Not written: the card changed since it was read, or this very answer got there first (a double submit).
      const [prior] = await db.select({ userId: reviewLogs.userId, itemId: reviewLogs.itemId, rating: reviewLogs.rating }).from(reviewLogs).where(eq(reviewLogs.id, reviewId))
      if (!prior) return { status: 'stale' }
      return sameReview(prior, input) ? { status: 'duplicate' } : { status: 'id-conflict' }
    }
  } catch (error) {
    // Two identical submissions raced past the first check: the primary key let exactly one through.
    if (isUniqueViolation(error)) {
      const [again] = await db.select({ userId: reviewLogs.userId, itemId: reviewLogs.itemId, rating: reviewLogs.rating }).from(reviewLogs).where(eq(reviewLogs.id, reviewId))
      if (again) return sameReview(again, input) ? { status: 'duplicate' } : { status: 'id-conflict' }
    }
    throw error
  }
  return { status: 'recorded', card: after, leech }
}

interface GradedAnswer {
  response: string
  correct: boolean
  meaning: AnswerMeaning | null
  /** Graded on the learner's first Check of this showing (which the batch then clears). */
  fromOpenCheck: boolean
}

/** The card's open check as the context read it, if it is still in force (the rule of openCheckFor). */
function openCheckOf(ctx: ReviewContextRow, now: number): OpenCheck | null {
  if (ctx.check_review_id === null || ctx.check_rated || !checkInForce(ctx.check_checked_at!, now)) return null
  return { reviewId: ctx.check_review_id, response: ctx.check_response!, checkedAt: ctx.check_checked_at! }
}

/**
 * An interactive card's response, graded on the question it was shown; null for a flip card or no response.
 * If the learner checked this card first, the rating is graded on that first check, whatever the form resends
 * or leaves out; a rating of any other showing is refused while the check holds.
 */
async function gradeAnswer(db: Database, input: ReviewInput, open: OpenCheck | null): Promise<GradedAnswer | 'checked-elsewhere' | null> {
  if (open && open.reviewId !== input.reviewId) return 'checked-elsewhere'
  // No response and no check: a flip card, or a self-rated one (no item read: the hot path stays as it was).
  if (input.response === undefined && !open) return null
  const item = await liveItem(db, input.itemId)
  if (!item || !isInteractive(item.kind)) return null
  const response = open?.response ?? input.response!
  const question = await questionFor(db, item, input.reviewId)
  const verdict = gradeResponse(item, question, response)
  return { response, correct: verdict.correct, meaning: describeResponse(item, question, verdict), fromOpenCheck: open !== null }
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
    .select({ id: reviewLogs.id, itemId: reviewLogs.itemId, before: reviewLogs.before, rating: reviewLogs.rating, correct: reviewLogs.correct, studyDay: reviewLogs.studyDay, durationMs: reviewLogs.durationMs })
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
    .set({
      answers: sql`${answerCounts.answers} - 1`,
      correct: sql`${answerCounts.correct} - ${wasRight}`,
      durationMs: sql`${answerCounts.durationMs} - ${last.durationMs}`,
      // Only the latest answer is ever undone: it was the first one only if it was the only one.
      firstCorrect: sql`case when ${answerCounts.answers} = 1 then null else ${answerCounts.firstCorrect} end`,
    })
    .where(and(eq(answerCounts.userId, userId), eq(answerCounts.itemId, last.itemId), markedByUs))
  const uncountDay = studyDayStatement(
    userId,
    last.studyDay ?? '',
    { sign: -1, durationMs: last.durationMs, stateBefore: before.state, rating: last.rating },
    { reviewId: last.id, at: now },
  )
  // Undoing the lapse that suspended a leech lifts that suspension (a learner's own suspension stays).
  const unsuspendLeech = db
    .update(cardHolds)
    .set({ suspendedAt: null, suspendedBy: null, leechReviewId: null })
    .where(and(eq(cardHolds.userId, userId), eq(cardHolds.itemId, last.itemId), eq(cardHolds.leechReviewId, last.id), markedByUs))
  const [marked] = await db.$client.batch([...[markUndone, restore, resetCursors, uncount].map(statementOf), uncountDay, statementOf(unsuspendLeech)])
  return marked!.rowsAffected === 0 ? { status: 'stale' } : { status: 'undone', itemId: last.itemId }
}

/** Every review of a user with the parameters that scheduled it, for rebuilding (tests, repair tools). */
export async function reviewLogFor(db: Database, userId: string) {
  return db
    .select({ ...getTableColumns(reviewLogs), weights: fsrsParameters.weights })
    .from(reviewLogs)
    .leftJoin(fsrsParameters, eq(fsrsParameters.id, reviewLogs.parametersId))
    .where(eq(reviewLogs.userId, userId))
    .orderBy(reviewLogs.reviewedAt)
}

export async function cardStatesFor(db: Database, userId: string) {
  return db.select().from(cardStates).where(eq(cardStates.userId, userId))
}

/** A card_states row without its keys: the card itself. */
export function cardFromRow(row: typeof cardStates.$inferSelect): StoredCard {
  const { userId: _u, itemId: _i, ...card } = row
  return card
}

export type { RatingValue }
