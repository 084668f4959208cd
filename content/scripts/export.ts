/** `npm run content:export`: every item as one JSON array on stdout — the public format for other tools. */
import { deckIdsForItem } from '~/domain/content/bundle'
import { formatContentError } from '~/domain/content/errors'
import { loadContentFromDisk } from '~/utils/content-files.server'

const { bundle, errors } = loadContentFromDisk()
if (errors.length > 0) {
  for (const e of errors) console.error(formatContentError(e))
  console.error(`content has ${errors.length} error(s); run npm run content:check`)
  process.exit(1)
}
const exported = bundle.items.map((item) => ({
  id: item.id,
  decks: deckIdsForItem(item, bundle.decks),
  kind: item.kind,
  category: item.category,
  prompt: item.prompt,
  answer: item.answer,
  accepted: item.accepted,
  explanation: item.explanation,
  tags: item.tags,
  sources: item.sources.map(({ doc, speaker, locator, quote }) => ({ doc, speaker, locator, quote })),
}))
process.stdout.write(JSON.stringify(exported, null, 2) + '\n')
