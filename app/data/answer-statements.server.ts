/**
 * The SQL of one answer (app/data/reviews.server.ts), written once as text with numbered parameters (`?1` is the
 * first value), not built by drizzle per answer: building it was about a sixth of `recordReview`'s CPU, and the
 * text is what the statement cache (db/statement-cache.ts) keys on anyway. Table and column names are the
 * schema's (db/schema.ts); the integration tests run every statement against a real database.
 */
import type { InArgs, InStatement } from '@libsql/client'
import { sql } from 'drizzle-orm'
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core'
import { State, type StoredCard } from '~/domain/scheduling'
import { itemVisibleTo } from './decks.server'

/** A drizzle query as a plain statement, for a batch that mixes them with the texts below. */
export function statementOf(query: { toSQL(): { sql: string; params: unknown[] } }): InStatement {
  const { sql, params } = query.toSQL()
  return { sql, args: params as InArgs }
}

/**
 * Which items a learner may see (app/data/decks.server.ts, the one rule), as text with the learner as ?1: an
 * imported item of a private deck only for the deck's owner and its classes' students.
 */
const ITEM_VISIBLE = (() => {
  const { sql: text, params } = new SQLiteAsyncDialect().sqlToQuery(itemVisibleTo(sql.raw('?1')))
  if (params.length > 0) throw new Error('the item visibility rule must take the learner as its only parameter')
  return text
})()

/** ?1 user, ?2 item, ?3 review id, ?4 deck (only in the deck variant). */
const contextSql = (inDeck: string) => `select
    p.user_id as prior_user, p.item_id as prior_item, p.rating as prior_rating,
    exists (select 1 from "items" where "items"."id" = ?2 and "items"."retired_at" is null and ${ITEM_VISIBLE}) as item_live,
    ${inDeck} as in_deck,
    s.desired_retention as retention, s.time_zone as time_zone, s.leech_threshold as leech_threshold,
    fp.id as parameters_id, fp.weights as weights,
    exists (select 1 from "review_requests" where user_id = ?1 and item_id = ?2) as has_request,
    oc.review_id as check_review_id, oc.response as check_response, oc.checked_at as check_checked_at,
    exists (select 1 from "review_logs" where id = oc.review_id) as check_rated,
    c.due, c.stability, c.difficulty, c.elapsed_days, c.scheduled_days, c.learning_steps, c.reps, c.lapses, c.state, c.last_review
  from (select 1) as one
  left join "review_logs" as p on p.id = ?3
  left join "user_settings" as s on s.user_id = ?1
  left join "card_states" as c on c.user_id = ?1 and c.item_id = ?2
  left join "fsrs_optimizer" as o on o.user_id = ?1
  left join "fsrs_parameters" as fp on fp.id = o.parameters_id
  left join "open_checks" as oc on oc.user_id = ?1 and oc.item_id = ?2`
const CONTEXT_ANY_DECK = contextSql('1')
const CONTEXT_IN_DECK = contextSql('exists (select 1 from "deck_items" where deck_id = ?4 and item_id = ?2)')

/** Everything an answer needs to know, in one statement: its id's prior use, the item, settings, parameters, card, open check. */
export function reviewContextStatement(userId: string, itemId: string, reviewId: string, deckId: string | undefined): InStatement {
  return deckId === undefined
    ? { sql: CONTEXT_ANY_DECK, args: [userId, itemId, reviewId] }
    : { sql: CONTEXT_IN_DECK, args: [userId, itemId, reviewId, deckId] }
}

const CARD_COLUMNS = 'due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review'
const cardValues = (c: StoredCard) => [c.due, c.stability, c.difficulty, c.elapsedDays, c.scheduledDays, c.learningSteps, c.reps, c.lapses, c.state, c.lastReview]

/** The card is still as it was read (?2 user, ?3 item, ?14 reps, ?15 last review), or still has no state. */
const LOG_COLUMNS = 'id, user_id, item_id, rating, reviewed_at, duration_ms, retention, before, response, response_meaning, correct, study_day, parameters_id'
const LOG_VALUES = '?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13'
const INSERT_LOG_SEEN = `insert into "review_logs" (${LOG_COLUMNS}) select ${LOG_VALUES}
  where exists (select 1 from "card_states" where user_id = ?2 and item_id = ?3 and reps = ?14 and last_review is ?15)`
const INSERT_LOG_NEW = `insert into "review_logs" (${LOG_COLUMNS}) select ${LOG_VALUES}
  where not exists (select 1 from "card_states" where user_id = ?2 and item_id = ?3)`

export interface LogRow {
  id: string
  userId: string
  itemId: string
  rating: number
  reviewedAt: number
  durationMs: number
  retention: number
  before: StoredCard
  response: string | null
  meaning: string | null
  correct: 0 | 1 | null
  studyDay: string
  parametersId: string | null
}

/** The log row, written only if the card is still `before` (`hasState`) or still has no state. */
export function insertLogStatement(row: LogRow, hasState: boolean): InStatement {
  const args = [row.id, row.userId, row.itemId, row.rating, row.reviewedAt, row.durationMs, row.retention, JSON.stringify(row.before), row.response, row.meaning, row.correct, row.studyDay, row.parametersId]
  return hasState ? { sql: INSERT_LOG_SEEN, args: [...args, row.before.reps, row.before.lastReview] } : { sql: INSERT_LOG_NEW, args }
}

const UPDATE_STATE = `update "card_states" set due = ?1, stability = ?2, difficulty = ?3, elapsed_days = ?4, scheduled_days = ?5,
    learning_steps = ?6, reps = ?7, lapses = ?8, state = ?9, last_review = ?10
  where user_id = ?11 and item_id = ?12 and reps = ?13 and last_review is ?14`
const INSERT_STATE = `insert into "card_states" (user_id, item_id, ${CARD_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict do nothing`

/** The card's new state, under the same guard as its log row: `before` still stands, or there was no state. */
export function writeStateStatement(userId: string, itemId: string, before: StoredCard, after: StoredCard, hasState: boolean): InStatement {
  return hasState
    ? { sql: UPDATE_STATE, args: [...cardValues(after), userId, itemId, before.reps, before.lastReview] }
    : { sql: INSERT_STATE, args: [userId, itemId, ...cardValues(after)] }
}

/**
 * "This answer was written": the statement before it in the batch wrote its row (changes() counts the last
 * finished statement on the connection). The log, the state and each counter form that chain.
 */
const WHEN_RECORDED = 'changes() = 1'

// The first live answer's verdict is kept (a row at 0 answers, after undoing the only one, takes the new one).
const COUNT_ANSWER = `insert into "answer_counts" (user_id, item_id, answers, correct, duration_ms, first_correct)
  select ?1, ?2, 1, ?3, ?4, ?3 where ${WHEN_RECORDED}
  on conflict (user_id, item_id) do update set answers = answers + 1, correct = correct + excluded.correct,
    duration_ms = duration_ms + excluded.duration_ms, first_correct = case when answers = 0 then excluded.first_correct else first_correct end`

export function countAnswerStatement(userId: string, itemId: string, right: 0 | 1, durationMs: number): InStatement {
  return { sql: COUNT_ANSWER, args: [userId, itemId, right, durationMs] }
}

/** ?1 user, ?2 day, ?3 answers (±1), ?4 duration, ?5 review answers, ?6 passed; `when`'s parameters follow. */
const studyDaySql = (when: string) => `insert into "study_days" (user_id, day, answers, duration_ms, review_answers, review_passed)
  select ?1, ?2, ?3, ?4, ?5, ?6 where ${when}
  on conflict (user_id, day) do update set answers = answers + excluded.answers, duration_ms = duration_ms + excluded.duration_ms,
    review_answers = review_answers + excluded.review_answers, review_passed = review_passed + excluded.review_passed`
const STUDY_DAY_RECORDED = studyDaySql(WHEN_RECORDED)
const STUDY_DAY_UNDONE = studyDaySql('exists (select 1 from "review_logs" where id = ?7 and undone_at = ?8)')

/**
 * Adds (sign 1) or removes (sign -1) one answer from the learner's study-day totals. An answer on a card in
 * review counts toward true retention; it passed unless rated Again. Added only if the answer was just written;
 * removed only if the undo that marked `undo.reviewId` undone at `undo.at` was this one.
 */
export function studyDayStatement(
  userId: string,
  day: string,
  change: { sign: 1 | -1; durationMs: number; stateBefore: number; rating: number },
  undo?: { reviewId: string; at: number },
): InStatement {
  const { sign, durationMs, stateBefore, rating } = change
  const inReview = stateBefore === State.Review ? 1 : 0
  const passed = inReview && rating > 1 ? 1 : 0
  const args = [userId, day, sign, sign * durationMs, sign * inReview, sign * passed]
  return undo ? { sql: STUDY_DAY_UNDONE, args: [...args, undo.reviewId, undo.at] } : { sql: STUDY_DAY_RECORDED, args }
}

const SUSPEND_LEECH = `insert into "card_holds" (user_id, item_id, suspended_at, suspended_by, leech_review_id)
  select ?1, ?2, ?3, 'leech', ?4 where ${WHEN_RECORDED}
  on conflict (user_id, item_id) do update set suspended_by = coalesce(suspended_by, 'leech'),
    leech_review_id = iif(suspended_at is null, excluded.leech_review_id, leech_review_id), suspended_at = coalesce(suspended_at, excluded.suspended_at)`

/** A leech lapse suspends the card (unless the learner already had), remembering which answer did it. */
export function suspendLeechStatement(userId: string, itemId: string, reviewId: string, now: number): InStatement {
  return { sql: SUSPEND_LEECH, args: [userId, itemId, now, reviewId] }
}

// The deletes after the chain test "the log holds this answer", a weaker test: deleting twice deletes nothing more.
const FULFIL_REQUEST = 'delete from "review_requests" where user_id = ?1 and item_id = ?2 and exists (select 1 from "review_logs" where id = ?3)'
const CLEAR_OPEN_CHECK = 'delete from "open_checks" where user_id = ?1 and item_id = ?2 and exists (select 1 from "review_logs" where id = ?3)'

/** A pending "see this again" request of the card is fulfilled, once the answer is in the log. */
export function fulfilRequestStatement(userId: string, itemId: string, reviewId: string): InStatement {
  return { sql: FULFIL_REQUEST, args: [userId, itemId, reviewId] }
}

/** The card's open check is closed, once the answer graded on it is in the log. */
export function clearOpenCheckStatement(userId: string, itemId: string, reviewId: string): InStatement {
  return { sql: CLEAR_OPEN_CHECK, args: [userId, itemId, reviewId] }
}
