/**
 * The instructor dashboard's "reviews and time in the last 7 days" reads only the time index: with 1.8M log
 * rows, reading each recent log row for its item and duration cost most of the dashboard (tests/bench/dashboard.ts).
 */
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { recentActivityQuery } from '~/data/dashboard.server'
import { freshDatabase } from '../support/db'

describe('dashboard query plan', () => {
  it('the time index holds item, duration and undo, so recent activity reads no log row', async () => {
    const db = await freshDatabase()
    const columns = await db.all<{ name: string }>(sql`select name from pragma_index_info('review_logs_user_time') order by seqno`)
    expect(columns.map((c) => c.name)).toEqual(['user_id', 'reviewed_at', 'item_id', 'duration_ms', 'undone_at'])
    const plan = await db.all<{ detail: string }>(sql`explain query plan ${recentActivityQuery({ id: 'a', classId: 'c' }, 0)}`)
    expect(plan.map((r) => r.detail)).toContainEqual(expect.stringMatching(/^SEARCH l USING COVERING INDEX review_logs_user_time /))
  })
})
