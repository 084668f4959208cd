/**
 * The /stats page for a heavy learner: 100,000 cards and 1,000,000 log rows (the next-card data set, with
 * its study days filled in as the migration does), timed through the route's own loader.
 */
import { openDatabase } from '../../db/client'
import { migrateDatabase } from '../../db/migrate'
import { loader } from '~/routes/stats'
import { hashToken } from '~/utils/session.server'
import { args, getRequest } from '../support/routes'
import { generate } from './next-card'

export async function measureStatsPage(databaseUrl: string) {
  const db = openDatabase(databaseUrl)
  await migrateDatabase(db)
  const now = Date.now()
  await generate(db, now)
  // As migration 0005 does for answers logged before study days were recorded.
  await db.$client.executeMultiple(`
    update review_logs set study_day = strftime('%Y-%m-%d', reviewed_at / 1000 - 4 * 3600, 'unixepoch');
    insert into study_days (user_id, day, answers, duration_ms, review_answers, review_passed)
      select user_id, study_day, count(*), sum(duration_ms), sum(json_extract(before, '$.state') = 2), sum(json_extract(before, '$.state') = 2 and rating > 1)
      from review_logs where undone_at is null group by user_id, study_day;
    insert into sessions (token_hash, user_id, created_at, expires_at) values ('${hashToken('bench-token')}', 'bench-user', ${now}, ${now + 86_400_000});
    analyze;
  `)
  db.$client.close()
  const previous = process.env.DATABASE_URL
  process.env.DATABASE_URL = databaseUrl
  const request = () => getRequest('/stats', 'sd_session=bench-token')
  const times: number[] = []
  try {
    for (let i = 0; i < 3; i++) await loader(await args(request(), {})) // warm up
    for (let i = 0; i < 20; i++) {
      const t = performance.now()
      await loader(await args(request(), {}))
      times.push(performance.now() - t)
    }
  } finally {
    process.env.DATABASE_URL = previous
  }
  times.sort((a, b) => a - b)
  return { medianMs: Math.round(times[10]! * 10) / 10, maxMs: Math.round(times.at(-1)! * 10) / 10 }
}
