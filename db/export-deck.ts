/**
 * `npm run deck:export -- --deck ID --format apkg|csv|gift|moodle-xml --out FILE [--lang en|zh|both]`, or a
 * filter instead of a deck: `--category C`, `--tag T`, `--source S` (each may repeat). Exports the live
 * items in introduction order. Bad arguments, an unknown deck or an empty selection: a message on stderr,
 * exit status 2, and no file written.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { exportSelection, liveDeck, type ExportFilter } from '~/data/deck-export.server'
import { categories } from '~/domain/content/fields'
import { exportFormats, isExportFormat, isExportLanguage } from '~/domain/interchange/export-formats'
import { exportLanguages } from '~/domain/interchange/kind-mapping'
import { renderExport } from '~/utils/deck-export.server'
import { openDatabase } from './client'

const USAGE = `usage: npm run deck:export -- (--deck ID | --category C | --tag T | --source S ...) --format ${exportFormats.join('|')} --out FILE [--lang ${exportLanguages.join('|')}]`

function fail(message: string): never {
  console.error(`deck:export: ${message}\n${USAGE}`)
  process.exit(2)
}

let parsed
try {
  parsed = parseArgs({
    options: {
      deck: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'both' },
      category: { type: 'string', multiple: true },
      tag: { type: 'string', multiple: true },
      source: { type: 'string', multiple: true },
    },
    strict: true,
  })
} catch (e) {
  fail((e as Error).message)
}
const { values } = parsed
const filter: ExportFilter = { categories: values.category, tags: values.tag, sources: values.source }
const hasFilter = Object.values(filter).some((list) => list && list.length > 0)

if (!values.format) fail('--format is required')
if (!isExportFormat(values.format)) fail(`unknown --format "${values.format}" (one of: ${exportFormats.join(', ')})`)
if (!isExportLanguage(values.lang)) fail(`unknown --lang "${values.lang}" (one of: ${exportLanguages.join(', ')})`)
if (!values.out) fail('--out FILE is required')
if (values.deck === undefined && !hasFilter) fail('give --deck ID, or a filter (--category, --tag, --source)')
if (values.deck !== undefined && hasFilter) fail('give either --deck or a filter, not both')
for (const c of filter.categories ?? [])
  if (!(categories as readonly string[]).includes(c)) fail(`unknown --category "${c}" (one of: ${categories.join(', ')})`)
const outDir = path.dirname(path.resolve(values.out))
if (!existsSync(outDir) || !statSync(outDir).isDirectory()) fail(`the folder of --out does not exist: ${outDir}`)
if (existsSync(values.out) && statSync(values.out).isDirectory()) fail(`--out is a folder: ${values.out}`)

const db = openDatabase()
try {
  let selection
  if (values.deck !== undefined) {
    const deck = await liveDeck(db, values.deck)
    if (!deck) fail(`no deck "${values.deck}"`)
    selection = await exportSelection(db, { deck })
  } else {
    selection = await exportSelection(db, { filter })
  }
  if (selection.items.length === 0) fail('nothing to export: the deck or filter has no live items')
  const bytes = await renderExport(selection, values.format, values.lang)
  writeFileSync(values.out, bytes)
  console.error(`deck:export: wrote ${selection.items.length} items (${values.format}, ${values.lang}) to ${values.out}`)
} finally {
  db.$client.close()
}
