/**
 * A learner's statistics, read in a few set-based queries: per-day totals (the study_days cache for all
 * decks; the log grouped by study day for one deck), due counts for the next 90 days, card counts by state
 * and the stability × difficulty histogram. Never one row per log entry.
 */
import { sql } from 'drizzle-orm'
import { STABILITY_BUCKETS, type DayTotals } from '~/domain/stats'
import { addDays, studyDateAt, studyDayAt } from '~/domain/study-day'
import type { Database } from '~/utils/db.server'

export interface LearnerStats {
  today: string
  /** Totals of the last 365 study days that had answers. */
  days: DayTotals[]
  /** Cards due per study day from today (0; overdue counted there) for 90 days. */
  dueByDayOffset: Map<number, number>
  states: { fresh: number; learning: number; review: number; relearning: number }
  /** Started cards per stability bucket (STABILITY_BUCKETS, in days) and per difficulty (1–10). */
  stability: number[]
  difficulty: number[]
}

const DAY_MS = 86_400_000

/**
 * How many items belong to a live deck: the same for every learner and changed only by a content load, so
 * each process remembers it for a minute rather than counting 100k deck rows per page.
 */
const itemCounts = new WeakMap<Database, { at: number; value: Promise<Array<{ n: number }>> }>()
function studiableItemCount(db: Database, now: number) {
  const known = itemCounts.get(db)
  if (known && now - known.at <= 60_000 && now >= known.at) return known.value
  const value = db.all<{ n: number }>(sql`select count(distinct di.item_id) as n from deck_items di join decks d on d.id = di.deck_id and d.retired_at is null`)
  itemCounts.set(db, { at: now, value })
  return value
}

export async function learnerStats(db: Database, userId: string | null, deckId: string | null, timeZone: string, now: number): Promise<LearnerStats> {
  const today = studyDateAt(now, timeZone)
  const dayStart = studyDayAt(now, timeZone).start
  const first = addDays(today, -364)
  const user = userId ?? ''
  // With a deck, only its items count; without, every card the learner has.
  const inDeck = (column: string) => (deckId === null ? sql`1` : sql`exists (select 1 from deck_items di where di.deck_id = ${deckId} and di.item_id = ${sql.raw(column)})`)
  const stabilityCase = sql.raw(`case ${STABILITY_BUCKETS.map((limit, i) => `when stability < ${limit} then ${i}`).join(' ')} else ${STABILITY_BUCKETS.length} end`)
  const [days, due, states, histogram, itemTotal] = await Promise.all([
    deckId === null
      ? db.all<{ day: string; answers: number; duration_ms: number; review_answers: number; review_passed: number }>(sql`
          select day, answers, duration_ms, review_answers, review_passed from study_days where user_id = ${user} and day >= ${first} and answers > 0`)
      : db.all<{ day: string; answers: number; duration_ms: number; review_answers: number; review_passed: number }>(sql`
          select study_day as day, count(*) as answers, sum(duration_ms) as duration_ms,
            sum(json_extract(before, '$.state') = 2) as review_answers, sum(json_extract(before, '$.state') = 2 and rating > 1) as review_passed
          from review_logs indexed by review_logs_user_time
          where user_id = ${user} and reviewed_at >= ${dayStart - 366 * DAY_MS} and undone_at is null and study_day >= ${first} and ${inDeck('review_logs.item_id')}
          group by study_day`),
    // Whole days from the start of today's study day (a DST change shifts a boundary by an hour at most).
    db.all<{ offset: number; n: number }>(sql`
      select cast((due - ${dayStart}) / ${DAY_MS} as integer) - (due < ${dayStart}) as offset, count(*) as n
      from card_states where user_id = ${user} and state in (1, 2, 3) and due < ${dayStart + 90 * DAY_MS} and ${inDeck('card_states.item_id')}
      group by offset`),
    db.all<{ state: number; n: number }>(sql`select state, count(*) as n from card_states where user_id = ${user} and ${inDeck('card_states.item_id')} group by state`),
    db.all<{ s: number; d: number; n: number }>(sql`
      select ${stabilityCase} as s, min(10, max(1, cast(round(difficulty) as integer))) as d, count(*) as n
      from card_states where user_id = ${user} and state != 0 and ${inDeck('card_states.item_id')} group by s, d`),
    deckId === null ? studiableItemCount(db, now) : db.all<{ n: number }>(sql`select count(*) as n from deck_items where deck_id = ${deckId}`),
  ])
  const byState = new Map(states.map((r) => [r.state, r.n]))
  const started = states.reduce((n, r) => n + r.n, 0) - (byState.get(0) ?? 0)
  const stability = Array.from({ length: STABILITY_BUCKETS.length + 1 }, () => 0)
  const difficulty = Array.from({ length: 10 }, () => 0)
  for (const r of histogram) {
    stability[r.s] = (stability[r.s] ?? 0) + r.n
    difficulty[r.d - 1] = (difficulty[r.d - 1] ?? 0) + r.n
  }
  return {
    today,
    days: days.map((d) => ({ day: d.day, answers: d.answers, durationMs: d.duration_ms, reviewAnswers: d.review_answers, reviewPassed: d.review_passed })),
    dueByDayOffset: new Map(due.map((r) => [r.offset, r.n])),
    states: {
      fresh: Math.max(0, (itemTotal[0]?.n ?? 0) - started),
      learning: byState.get(1) ?? 0,
      review: byState.get(2) ?? 0,
      relearning: byState.get(3) ?? 0,
    },
    stability,
    difficulty,
  }
}
