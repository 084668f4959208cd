/**
 * `npm run flags:export [-- --out FILE]`: every learner report, with its item and the citations the item
 * rests on, as JSON for whoever maintains the content (no learner identities). Without --out, to stdout.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { allFlags } from '~/data/flags.server'
import { openDatabase } from './client'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
const db = openDatabase()
const flags = await allFlags(db)
db.$client.close()
const report = flags.map((f) => ({
  itemId: f.itemId,
  retired: f.retired,
  reason: f.reason,
  note: f.note,
  reportedAt: new Date(f.createdAt).toISOString(),
  kind: f.item.kind,
  prompt: f.item.prompt,
  answer: f.item.answer,
  citations: f.item.sources,
}))
const json = JSON.stringify(report, null, 2) + '\n'
if (values.out) {
  writeFileSync(values.out, json)
  console.error(`wrote ${report.length} reports to ${values.out}`)
} else process.stdout.write(json)
