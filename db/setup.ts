/**
 * `npm run setup` (part of `npm start`): create and migrate the database, load the content, purge idle guests.
 * Refuses to load content that fails validation, and says why.
 */
import { formatContentError } from '~/domain/content/errors'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { purgeIdleGuests } from '~/utils/guests.server'
import { forgetOldAttempts } from '~/utils/throttle.server'
import { databaseUrl, openDatabase } from './client'
import { loadContent } from './load-content'
import { migrateDatabase } from './migrate'

const db = openDatabase()
await migrateDatabase(db)
const { bundle, errors } = loadContentFromDisk()
if (errors.length > 0) {
  for (const e of errors) console.error(formatContentError(e))
  console.error(`Content has ${errors.length} error(s); nothing was loaded. Run npm run content:check.`)
  process.exit(1)
}
const started = performance.now()
const report = await loadContent(db, bundle)
console.log(
  `database ${databaseUrl()} migrated; content: ${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.retired} retired items, ${report.decks} decks; ${report.batches} batch(es) (${Math.round(performance.now() - started)} ms)`,
)
// Housekeeping at every start: guests idle for a week without any progress (see app/utils/guests.server.ts).
const purged = await purgeIdleGuests(db)
if (purged > 0) console.log(`purged ${purged} idle guests without progress`)
await forgetOldAttempts(db)
db.$client.close()
