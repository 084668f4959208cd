/**
 * Cross-file rules for a whole content set: unique ids, known sources, decks that resolve, quotes that
 * really occur in their source text. Pure functions over parsed files.
 */
import type { ContentError } from './errors'
import { parseBankFile, parseDecksFile, parseSourcesFile, parseSpeakersFile, type ParsedBank } from './parse'
import type { ContentItem, DeckDef, DeckFilter, SourceDoc, Speaker } from './schema'

export type LoadedItem = ParsedBank['items'][number]

export interface ContentBundle {
  sources: SourceDoc[]
  /** Who says what is quoted (content/speakers.yaml); every citation names one. */
  speakers: Speaker[]
  decks: DeckDef[]
  items: LoadedItem[]
  /** The line of an item (or of a field inside it) in its file, for error messages (parses positions on first use). */
  lineOf: (item: LoadedItem, field?: ReadonlyArray<string | number>) => number | undefined
}

export interface ContentFiles {
  sources: { file: string; text: string }
  speakers: { file: string; text: string }
  decks: { file: string; text: string }
  banks: Array<{ file: string; text: string }>
}

/**
 * Private decks of imported items have ids starting with this, and their items the deck's id: no content
 * id may start with it, so an import can never collide with (or be overwritten by) content.
 */
export const IMPORTED_ID_PREFIX = 'imp-'

export function buildContentBundle(files: ContentFiles): { bundle: ContentBundle; errors: ContentError[] } {
  const errors: ContentError[] = []
  const sources = parseSourcesFile(files.sources.file, files.sources.text, errors)
  const speakers = parseSpeakersFile(files.speakers.file, files.speakers.text, errors)
  const decks = parseDecksFile(files.decks.file, files.decks.text, errors)
  const items: LoadedItem[] = []
  const bankNames = new Map<string, string>()
  const locators = new Map<string, ParsedBank['lineOf']>()
  for (const bankFile of files.banks) {
    const bank = parseBankFile(bankFile.file, bankFile.text, errors)
    if (!bank) continue
    locators.set(bankFile.file, bank.lineOf)
    const other = bankNames.get(bank.bank)
    if (other) errors.push({ file: bankFile.file, field: 'bank', message: `bank name "${bank.bank}" is already used by ${other}` })
    bankNames.set(bank.bank, bankFile.file)
    items.push(...bank.items)
  }
  const bundle: ContentBundle = {
    sources,
    speakers,
    decks,
    items,
    lineOf: (item, field = []) => locators.get(item.file)?.(['items', item.index, ...field]),
  }
  errors.push(...checkReferences(bundle))
  return { bundle, errors }
}

function checkReferences({ sources, speakers, decks, items, lineOf }: ContentBundle): ContentError[] {
  const errors: ContentError[] = []
  const sourceIds = new Set(sources.map((s) => s.id))
  const seenSources = new Set<string>()
  for (const s of sources) {
    if (seenSources.has(s.id)) errors.push({ file: 'sources', itemId: s.id, message: `duplicate source id "${s.id}"` })
    seenSources.add(s.id)
  }
  const speakerById = new Map<string, Speaker>()
  for (const sp of speakers) {
    if (speakerById.has(sp.id)) errors.push({ file: 'speakers', itemId: sp.id, message: `duplicate speaker id "${sp.id}"` })
    speakerById.set(sp.id, sp)
  }
  const seen = new Map<string, LoadedItem>()
  for (const item of items) {
    const first = seen.get(item.id)
    if (first) {
      const firstLine = lineOf(first)
      errors.push({
        file: item.file,
        itemId: item.id,
        field: 'id',
        line: lineOf(item),
        message: `duplicate id; first used at ${first.file}${firstLine ? `:${firstLine}` : ''}`,
      })
    } else seen.set(item.id, item)
    if (item.id.startsWith(IMPORTED_ID_PREFIX)) {
      errors.push({
        file: item.file,
        itemId: item.id,
        field: 'id',
        line: lineOf(item),
        message: `ids starting "${IMPORTED_ID_PREFIX}" are kept for instructors' imported decks`,
      })
    }
    // The perspective an attribution or framing pair names must be one its citations actually carry.
    const cited = new Set(item.sources.map((c) => sources.find((d) => d.id === c.doc)?.perspective))
    const claimed = [
      ...(item.kind === 'attribution' ? [{ field: 'perspective', value: item.perspective }] : []),
      ...(item.kind === 'framing-pair' ? item.sides.map((side, i) => ({ field: `sides.${i}.perspective`, value: side.perspective })) : []),
    ]
    for (const { field, value } of claimed) {
      if (!cited.has(value))
        errors.push({ file: item.file, itemId: item.id, field, line: lineOf(item), message: `no cited source has perspective "${value}"` })
    }
    item.sources.forEach((c, i) => {
      if (!sourceIds.has(c.doc)) {
        errors.push({
          file: item.file,
          itemId: item.id,
          field: `sources.${i}.doc`,
          line: lineOf(item),
          message: `unknown source id "${c.doc}" (known: ${[...sourceIds].join(', ')})`,
        })
      }
      if (!speakerById.has(c.speaker)) {
        errors.push({
          file: item.file,
          itemId: item.id,
          field: `sources.${i}.speaker`,
          line: lineOf(item, ['sources', i, 'speaker']),
          message: `unknown speaker "${c.speaker}" (not in content/speakers.yaml)`,
        })
      }
    })
    errors.push(...checkStatementSpeakers(item, sources, speakerById, lineOf))
  }
  const deckIds = new Set<string>()
  for (const deck of decks) {
    if (deck.id.startsWith(IMPORTED_ID_PREFIX))
      errors.push({
        file: 'decks',
        itemId: deck.id,
        message: `deck ids starting "${IMPORTED_ID_PREFIX}" are kept for instructors' imported decks`,
      })
    if (deckIds.has(deck.id)) errors.push({ file: 'decks', itemId: deck.id, message: `duplicate deck id "${deck.id}"` })
    deckIds.add(deck.id)
    for (const doc of deck.filter.sources ?? []) {
      if (!sourceIds.has(doc))
        errors.push({ file: 'decks', itemId: deck.id, field: 'filter.sources', message: `unknown source id "${doc}"` })
    }
    for (const id of deck.filter.items ?? []) {
      if (!seen.has(id)) errors.push({ file: 'decks', itemId: deck.id, field: 'filter.items', message: `unknown item id "${id}"` })
    }
  }
  return errors
}

/**
 * An attribution's statement and each side of a framing pair name their speaker: someone a citation from a
 * document of the claimed perspective gives as speaker, and whom the answer names in both languages — so
 * the card says who said it, not only where.
 */
function checkStatementSpeakers(
  item: LoadedItem,
  sources: SourceDoc[],
  speakerById: Map<string, Speaker>,
  lineOf: ContentBundle['lineOf'],
): ContentError[] {
  const claims =
    item.kind === 'attribution'
      ? [{ field: 'speaker', path: ['speaker'], speaker: item.speaker, perspective: item.perspective }]
      : item.kind === 'framing-pair'
        ? item.sides.map((side, i) => ({
            field: `sides.${i}.speaker`,
            path: ['sides', i, 'speaker'],
            speaker: side.speaker,
            perspective: side.perspective,
          }))
        : []
  const errors: ContentError[] = []
  for (const { field, path, speaker, perspective } of claims) {
    const known = speakerById.get(speaker)
    const at = { file: item.file, itemId: item.id, field, line: lineOf(item, path) }
    if (!known) {
      errors.push({ ...at, message: `unknown speaker "${speaker}" (not in content/speakers.yaml)` })
      continue
    }
    const cited = item.sources.some((c) => c.speaker === speaker && sources.find((d) => d.id === c.doc)?.perspective === perspective)
    if (!cited) errors.push({ ...at, message: `no citation from a "${perspective}" source has speaker "${speaker}"` })
    for (const lang of ['en', 'zh'] as const) {
      if (!item.answer[lang].includes(known.short[lang])) {
        errors.push({
          ...at,
          field: `answer.${lang}`,
          line: lineOf(item, ['answer', lang]),
          message: `does not name the speaker "${known.short[lang]}" (${field})`,
        })
      }
    }
  }
  return errors
}

/** A deck is the items matching every given criterion (each criterion matches any of its values). */
export function matchesDeckFilter(item: ContentItem, filter: DeckFilter): boolean {
  if (filter.items && !filter.items.includes(item.id)) return false
  if (filter.sources && !item.sources.some((s) => filter.sources!.includes(s.doc))) return false
  if (filter.categories && !filter.categories.includes(item.category)) return false
  if (filter.tags && !item.tags.some((t) => filter.tags!.includes(t))) return false
  return true
}

export function deckIdsForItem(item: ContentItem, decks: DeckDef[]): string[] {
  return decks.filter((d) => matchesDeckFilter(item, d.filter)).map((d) => d.id)
}

/**
 * The sources are PDF/web extractions: line breaks fall mid-sentence and links keep their markdown
 * ("[text](#)", "\(").  We compare with all whitespace removed and that link markup dropped.
 */
export function normalizeForQuoteMatch(text: string): string {
  return text
    .replace(/\]\(#\)/g, '')
    .replace(/[[\]]/g, '')
    .replace(/\\([()])/g, '$1')
    .replace(/\s+/gu, '')
}

export function verifyQuotes({ items, sources, lineOf }: ContentBundle, sourceTexts: Map<string, string>): ContentError[] {
  const normalized = new Map<string, string>()
  for (const [id, text] of sourceTexts) normalized.set(id, normalizeForQuoteMatch(text))
  const errors: ContentError[] = []
  const known = new Set(sources.map((s) => s.id))
  for (const item of items) {
    item.sources.forEach((c, i) => {
      if (!known.has(c.doc)) return // reported by checkReferences
      const text = normalized.get(c.doc)
      if (text === undefined) {
        errors.push({
          file: item.file,
          itemId: item.id,
          field: `sources.${i}.doc`,
          line: lineOf(item),
          message: `source text for "${c.doc}" was not found`,
        })
      } else if (!text.includes(normalizeForQuoteMatch(c.quote))) {
        errors.push({
          file: item.file,
          itemId: item.id,
          field: `sources.${i}.quote`,
          line: lineOf(item),
          message: `quote not found in ${c.doc}: "${c.quote.slice(0, 60)}${c.quote.length > 60 ? '…' : ''}"`,
        })
      }
    })
  }
  return errors
}
