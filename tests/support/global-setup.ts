/** Once per run: a migrated database with the fixture content, copied for every test (fast and isolated). */
import { mkdirSync, rmSync } from 'node:fs'
import { openDatabase } from '../../db/client'
import { loadContent } from '../../db/load-content'
import { migrateDatabase } from '../../db/migrate'
import { formatContentError } from '~/domain/content/errors'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { FIXTURE_CONTENT, TEMPLATE_DB, TMP_DIR } from './paths'

export default async function setup() {
  mkdirSync(TMP_DIR, { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) rmSync(TEMPLATE_DB + suffix, { force: true })
  const db = openDatabase(`file:${TEMPLATE_DB}`)
  await migrateDatabase(db)
  // Template in rollback-journal mode so a plain file copy carries everything; tests switch to WAL themselves.
  await db.$client.execute('PRAGMA journal_mode=DELETE')
  const { bundle, errors } = loadContentFromDisk(FIXTURE_CONTENT)
  if (errors.length > 0) throw new Error(errors.map(formatContentError).join('\n'))
  await loadContent(db, bundle)
  db.$client.close()
  return () => rmSync(TMP_DIR, { recursive: true, force: true })
}
