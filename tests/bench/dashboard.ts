/**
 * The instructor dashboard for 200 students × 300 items × 30 reviews each, generated in SQL. Each card's
 * reviews spread over about a year with growing gaps, as spaced repetition produces them.
 */
import { openDatabase } from '../../db/client'
import { migrateDatabase } from '../../db/migrate'
import { assignmentDashboard } from '~/data/dashboard.server'
import { assignedClassSql, minimalItemJson, reviewedBeforeJson, studentCardsSql } from './generated-data'

const STUDENTS = 200
const ITEMS = 300
const REVIEWS_PER_CARD = 30

export async function measureDashboard(databaseUrl: string) {
  const db = openDatabase(databaseUrl)
  await migrateDatabase(db)
  const now = Date.now()
  const item = minimalItemJson('typed', 'date', { accepted: [] })
  const before = reviewedBeforeJson(now)
  const started = performance.now()
  await db.$client.executeMultiple(`
    ${assignedClassSql(
      now,
      STUDENTS,
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${ITEMS})
      insert into items (id, bank, kind, category, position, data, content_hash, updated_at) select 'dash-item-' || i, 'bench', 'typed', 'date', i, '${item}', 'h', ${now} from n;`,
    )}
    ${studentCardsSql(now, REVIEWS_PER_CARD, '1')}
    with recursive r(k) as (select 0 union all select k + 1 from r where k < ${REVIEWS_PER_CARD - 1})
      insert into review_logs (id, user_id, item_id, rating, reviewed_at, duration_ms, retention, before, response, correct)
      select s.user_id || '|' || s.item_id || '|' || r.k, s.user_id, s.item_id, 1 + abs(random()) % 4,
        -- Review k of a card comes 0.4·k² days after its first (growing gaps, as FSRS spaces them); each card
        -- started 337–399 days ago, so its last review is 1–63 days old.
        ${now} - ((337 + abs(s.rowid * 2654435761) % 63) * 86400 - r.k * r.k * 34560) * 1000 - abs(random()) % 3600000, 4000, 0.9, '${before}',
        case when abs(random()) % 4 = 0 then '2025-10-2' || (abs(random()) % 9) else null end, case when abs(random()) % 4 = 0 then 0 else 1 end
      from card_states s cross join r;
    -- What each typed response meant, as recordReview stores it (the dashboard groups wrong answers by it).
    update review_logs set response_meaning = json_object('kind', 'text', 'text', response) where response is not null;
    -- The cache the app keeps beside the log, as recordReview would have left it.
    insert into answer_counts (user_id, item_id, answers, correct)
      select user_id, item_id, count(*), sum(coalesce(correct, rating > 1)) from review_logs group by user_id, item_id;
    analyze;
  `)
  // A running server's WAL is checkpointed continuously; read the steady state, not a fresh bulk load.
  await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  const generateMs = Math.round(performance.now() - started)
  const [assignment] = await db.query.assignments.findMany()
  const counts = await db.$client.execute(
    `select (select count(*) from review_logs) as logs, (select count(*) from card_states) as cards, (select count(*) from review_logs where reviewed_at >= ${now - 7 * 86400000}) as recent`,
  )
  await assignmentDashboard(db, assignment!, now) // warm-up
  const times: number[] = []
  let students = 0
  for (let i = 0; i < 7; i++) {
    const t = performance.now()
    const result = await assignmentDashboard(db, assignment!, now)
    times.push(performance.now() - t)
    students = result.students.length
  }
  times.sort((a, b) => a - b)
  db.$client.close()
  return {
    medianMs: Math.round(times[3]!),
    students,
    logs: Number(counts.rows[0]!.logs),
    cards: Number(counts.rows[0]!.cards),
    logsLast7Days: Number(counts.rows[0]!.recent),
    generateMs,
  }
}
