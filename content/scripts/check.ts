/** `npm run content:check`: schema + cross-references + every quote found in its source text. */
import { verifyQuotes } from '~/domain/content/bundle'
import { formatContentError } from '~/domain/content/errors'
import { categories } from '~/domain/content/schema'
import { loadContentFromDisk, readSourceTexts, sourcesDir } from '~/utils/content-files.server'

const { bundle, errors } = loadContentFromDisk()
const texts = readSourceTexts(bundle.sources)
if (texts) errors.push(...verifyQuotes(bundle, texts))

const byCategory = categories.map((c) => `${c} ${bundle.items.filter((i) => i.category === c).length}`).join(', ')
console.log(`content: ${bundle.items.length} items (${byCategory}), ${bundle.decks.length} decks, ${bundle.sources.length} sources`)
if (!texts) console.log(`quote verification skipped: source folder ${sourcesDir()} not found (set CONTENT_SOURCES)`)
else console.log(`quotes verified against ${texts.size} source texts in ${sourcesDir()}`)

if (errors.length > 0) {
  for (const e of errors) console.error(formatContentError(e))
  console.error(`content:check failed with ${errors.length} error(s)`)
  process.exit(1)
}
console.log('content:check ok')
