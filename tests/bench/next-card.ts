/**
 * Next-card latency for a heavy learner: 100,000 cards and 1,000,000 review-log rows, in a deck of
 * 110,000 items (so 10,000 are still new). Data is generated in SQL for speed.
 */
import { openDatabase, type Database } from '../../db/client'
import { migrateDatabase } from '../../db/migrate'
import { nextStudyState, queueHeadQueries } from '~/data/study-queue.server'
import { minimalItemJson, reviewedBeforeJson } from './generated-data'

const DECK_ITEMS = 110_000
const CARDS = 100_000
const LOGS_PER_CARD = 10

export async function generate(db: Database, now: number) {
  const item = minimalItemJson('flip', 'event', { accepted: [] })
  const before = reviewedBeforeJson(now)
  await db.$client.executeMultiple(`
    insert into users (id, kind, created_at) values ('bench-user', 'guest', ${now});
    insert into user_settings (user_id, new_per_day, max_reviews_per_day) values ('bench-user', 20, 100000);
    insert into decks (id, position, data) values ('bench', 0, '{"title":{"en":"Bench","zh":"Bench"},"description":{"en":"","zh":""},"filter":{"tags":["bench"]}}');
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${DECK_ITEMS})
      insert into items (id, bank, kind, category, position, data, content_hash, updated_at)
      select 'bench-item-' || i, 'bench', 'flip', 'event', i, '${item}', 'h', ${now} from n;
    insert into deck_items (deck_id, item_id, position) select 'bench', id, position from items where bank = 'bench';
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${CARDS})
      insert into card_states (user_id, item_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review)
      select 'bench-user', 'bench-item-' || i, ${now} + ((i * 7919) % (400 * 86400)) * 1000 - 30 * 86400000, 10, 5, 3, 10, 0, ${LOGS_PER_CARD}, 0,
             case when i % 20 = 0 then 1 when i % 53 = 0 then 3 else 2 end, ${now} - 86400000 from n;
    with recursive n(i) as (select 0 union all select i + 1 from n where i < ${CARDS * LOGS_PER_CARD - 1})
      insert into review_logs (id, user_id, item_id, rating, reviewed_at, duration_ms, retention, before)
      select 'bench-log-' || i, 'bench-user', 'bench-item-' || (1 + i % ${CARDS}), 1 + i % 4, ${now} - (${CARDS * LOGS_PER_CARD} - i) * 60000, 5000, 0.9, '${before}' from n;
    analyze;
  `)
}

export async function measureNextCard(databaseUrl: string) {
  const db = openDatabase(databaseUrl)
  await migrateDatabase(db)
  const now = Date.now()
  const started = performance.now()
  await generate(db, now)
  const generateMs = Math.round(performance.now() - started)
  const counts = await db.$client.execute('select (select count(*) from card_states) as cards, (select count(*) from review_logs) as logs')
  const plans: Record<string, string[]> = {}
  for (const [name, query] of Object.entries(queueHeadQueries(db, 'bench-user', 'bench', Date.now()))) {
    const { sql, params } = query.toSQL()
    const rows = await db.$client.execute({ sql: `explain query plan ${sql}`, args: params as never[] })
    plans[name] = rows.rows.map((r) => String(r.detail))
  }
  const times: number[] = []
  for (let i = 0; i < 5; i++) await nextStudyState(db, 'bench-user', 'bench', now) // warm up
  for (let i = 0; i < 200; i++) {
    const t = performance.now()
    await nextStudyState(db, 'bench-user', 'bench', now + i * 1000)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  db.$client.close()
  return {
    medianMs: Math.round(times[100]! * 100) / 100,
    p99Ms: Math.round(times[198]! * 100) / 100,
    cards: Number(counts.rows[0]!.cards),
    logs: Number(counts.rows[0]!.logs),
    generateMs,
    plans,
  }
}
