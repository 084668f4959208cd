import { migrate } from 'drizzle-orm/libsql/migrator'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Database } from './client'

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

export async function migrateDatabase(db: Database): Promise<void> {
  // WAL lets readers proceed while one writer commits; the mode is stored in the file, so once is enough.
  if (db.$client.protocol === 'file') await db.$client.execute('PRAGMA journal_mode=WAL')
  await migrate(db, { migrationsFolder })
}
