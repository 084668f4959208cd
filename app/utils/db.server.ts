/** The app's database handle: one client per process (and per DATABASE_URL, so each test gets its own). */
import { openDatabase, databaseUrl, type Database } from '../../db/client'

let current: { url: string; db: Database } | null = null

export function getDb(): Database {
  const url = databaseUrl()
  if (!current || current.url !== url) {
    current?.db.$client.close()
    current = { url, db: openDatabase(url) }
  }
  return current.db
}
export type { Database }
