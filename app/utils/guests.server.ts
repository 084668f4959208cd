/**
 * Guest housekeeping. A guest is created at a visitor's first write; one that never made progress and has
 * not been seen for GUEST_PURGE.idleMs is deleted (with its sessions and settings, by cascade). Progress means
 * any answer in the review log, a quiz attempt, or a class membership; guests with progress are kept.
 * Run by `npm run setup` (so at every `npm start`) and by `npm run guests:purge` (for a daily cron job).
 */
import { sql } from 'drizzle-orm'
import type { Database } from './db.server'

export const GUEST_PURGE = { idleMs: 7 * 86_400_000 } as const

/** Deletes idle guests without progress; returns how many. */
export async function purgeIdleGuests(db: Database, now = Date.now()): Promise<number> {
  const idleSince = now - GUEST_PURGE.idleMs
  const result = await db.run(sql`
    delete from users
    where kind = 'guest' and created_at < ${idleSince}
      and not exists (select 1 from sessions s where s.user_id = users.id and coalesce(s.last_seen_at, s.created_at) >= ${idleSince})
      and not exists (select 1 from review_logs l where l.user_id = users.id)
      and not exists (select 1 from quiz_attempts q where q.user_id = users.id)
      and not exists (select 1 from class_members m where m.user_id = users.id)`)
  return result.rowsAffected
}
