/** One fresh database per test: a copy of the migrated template, reached through the app's own getDb(). */
import { randomUUID } from 'node:crypto'
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterEach } from 'vitest'
import { getDb, type Database } from '~/utils/db.server'
import { TEMPLATE_DB, TMP_DIR } from './paths'

const created: string[] = []

export async function freshDatabase(): Promise<Database> {
  const file = path.join(TMP_DIR, `test-${randomUUID()}.db`)
  copyFileSync(TEMPLATE_DB, file)
  created.push(file)
  process.env.DATABASE_URL = `file:${file}`
  const db = getDb()
  await db.$client.execute('PRAGMA journal_mode=WAL')
  return db
}

afterEach(() => {
  for (const file of created.splice(0)) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
})
