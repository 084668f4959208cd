/**
 * What every import format produces, and the one step that turns it into content items: each parser (csv-,
 * gift-, moodle-xml-, apkg-import.ts) reads its file into drafts named by line or question; `finishImport`
 * gives them ids in the private deck, validates them with the content schema (app/domain/content/schema.ts)
 * and checks their citations as content:check does. Pure: no file system, no database.
 */
import { IMPORTED_ID_PREFIX, verifyQuotes, type ContentBundle, type LoadedItem } from '../content/bundle'
import { itemSchema, type ContentItem, type SourceDoc, type Speaker } from '../content/schema'
import type { Category, ItemKind } from '../content/fields'

/** Where a problem is: a line of the file, or a question (1-based, in file order) with its title if it has one. */
export interface ImportPlace {
  line?: number
  question?: number
  title?: string
}

/** Why a file or one of its questions was refused: a code the UI words (app/i18n), and details it shows. */
export type ImportErrorCode =
  | 'empty' // no questions in the file
  | 'tooMany' // more questions than a deck may hold
  | 'tooLarge' // the upload, or an archive once expanded, is over its cap
  | 'malformed' // the file cannot be read as its format at all (problem: why; detail: the reader's message)
  | 'unknownKind' // a question type or kind we cannot import (detail: the type)
  | 'missingField' // detail: the field
  | 'noCorrectAnswer'
  | 'badColumns' // a CSV row with the wrong number of columns (detail: found/expected)
  | 'invalid' // the content schema refused it (field + detail: the schema's message)
  | 'citation' // a citation the sources do not bear out (field + detail)

export interface ImportError extends ImportPlace {
  code: ImportErrorCode
  field?: string
  /** The schema's or reader's own words (English, for authors' tools and logs); the UI words `reason` instead. */
  detail?: string
  /** Why the content schema refused a field, for the UI to word in the viewer's language (with `limit`). */
  reason?: ImportReason
  /** Why a whole file could not be read ('malformed', 'tooLarge'), for the UI to word (with `limit`). */
  problem?: FileProblem
  limit?: string
}

/**
 * Why a file could not be read at all: each a message in app/i18n, so a reader's or library's English (zip,
 * SQLite, XML, GIFT, CSV parsers) never reaches the page; `detail` keeps it for logs and tools.
 */
export const fileProblems = [
  'notText',
  'fileTooLarge',
  'notZip',
  'noCollection',
  'zipDamaged',
  'sizeMismatch',
  'zstdDamaged',
  'expandsPastCap',
  'notAnkiCollection',
  'noNotesTable',
  'xmlDoctype',
  'xmlSyntax',
  'xmlNoQuiz',
  'giftSyntax',
  'csvSyntax',
] as const
export type FileProblem = (typeof fileProblems)[number]

/** A byte count as the UI shows limits: whole megabytes. */
export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`

/** Why a field was refused ('invalid' errors): each a message in app/i18n, never the schema's English. */
export const importReasons = [
  'missing',
  'empty',
  'tooLong',
  'tooFew',
  'tooMany',
  'notOneOf',
  'format',
  'wrongType',
  'unknownFields',
  'distractorRepeatsAnswer',
  'clozeOneGap',
  'clozeGapPlace',
  'sidesSamePerspective',
  'pairsRepeat',
  'eventsOrder',
  'dateFormat',
  'framingTwoSources',
  'quoteNotFound',
  'textsUnavailable',
  'notValid',
] as const
export type ImportReason = (typeof importReasons)[number]

interface SchemaIssue {
  code: string
  path: PropertyKey[]
  origin?: string
  minimum?: unknown
  maximum?: unknown
  values?: unknown[]
  keys?: string[]
  params?: Record<string, unknown>
}

/** A schema issue as a reason and its limit (a length, the values allowed …); `candidate` tells missing from wrong. */
export function issueReason(issue: SchemaIssue, candidate: unknown): { reason: ImportReason; limit?: string } {
  const declared = issue.params?.reason
  if (typeof declared === 'string' && (importReasons as readonly string[]).includes(declared)) return { reason: declared as ImportReason }
  const at = issue.path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    candidate,
  )
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union':
      return { reason: at === undefined ? 'missing' : 'wrongType' }
    case 'too_small':
      return issue.origin === 'string' ? { reason: 'empty' } : { reason: 'tooFew', limit: String(issue.minimum) }
    case 'too_big':
      return { reason: issue.origin === 'string' ? 'tooLong' : 'tooMany', limit: String(issue.maximum) }
    case 'invalid_value':
      return { reason: 'notOneOf', limit: (issue.values ?? []).map(String).join(', ') }
    case 'invalid_format':
      return { reason: 'format' }
    case 'unrecognized_keys':
      return { reason: 'unknownFields', limit: (issue.keys ?? []).join(', ') }
    default:
      return { reason: 'notValid' }
  }
}

/** A text in the file's language; `zh` when the file gives a Chinese version too (else the same text serves both). */
export interface DraftText {
  en: string
  zh?: string
}

export interface DraftCitation {
  doc: string
  quote: string
  locator: string
  speaker: string
  translation: string
}

/** One question as a format reads it, before it is an item. */
export interface ImportDraft {
  at: ImportPlace
  kind: ItemKind
  prompt: DraftText
  answer: DraftText
  explanation?: DraftText
  accepted?: string[]
  distractors?: DraftText[]
  statement?: DraftText
  isTrue?: boolean
  pairs?: Array<{ left: DraftText; right: DraftText }>
  category?: string
  tags?: string[]
  citations?: DraftCitation[]
}

export type ParseResult = { ok: true; drafts: ImportDraft[] } | { ok: false; errors: ImportError[] }

/** At most this many questions in one private deck (a large Anki deck is several decks' worth). */
export const MAX_IMPORT_ITEMS = 2000
/** Bytes of an uploaded file. */
export const MAX_IMPORT_FILE_BYTES = 2 * 1024 * 1024
/** Bytes an archive (an Anki package) may expand to, declared or actual, all entries together. */
export const MAX_EXPANDED_BYTES = 32 * 1024 * 1024

/** What an item needs that the files do not say: the category when none is given, and the explanation fallback. */
export const DEFAULT_CATEGORY: Category = 'event'

const bilingual = (text: DraftText) => ({ en: text.en.trim(), zh: (text.zh ?? text.en).trim() })

/** A private deck's id: the prefix content may not use, then a random part. */
export function isImportedDeckId(id: string): boolean {
  return id.startsWith(IMPORTED_ID_PREFIX) && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && id.length <= 40
}

/** The candidate item for a draft: the same shape a bank file holds. */
export function draftToCandidate(draft: ImportDraft, id: string): Record<string, unknown> {
  const answer = bilingual(draft.answer)
  const candidate: Record<string, unknown> = {
    id,
    kind: draft.kind,
    // A date item needs its date, which no file format carries: without one it is an event.
    category: draft.category === 'date' || !draft.category ? DEFAULT_CATEGORY : draft.category,
    prompt: bilingual(draft.prompt),
    answer,
    // Files rarely carry one; the answer is what the card back then explains.
    explanation: draft.explanation && draft.explanation.en.trim() !== '' ? bilingual(draft.explanation) : answer,
    tags: draft.tags ?? [],
    sources: (draft.citations ?? []).map((c) => ({ ...c })),
  }
  if (draft.accepted && draft.accepted.length > 0) candidate.accepted = draft.accepted.map((a) => a.trim())
  if (draft.distractors) candidate.distractors = draft.distractors.map(bilingual)
  if (draft.statement) candidate.statement = bilingual(draft.statement)
  if (draft.isTrue !== undefined) candidate.isTrue = draft.isTrue
  if (draft.pairs) candidate.pairs = draft.pairs.map((p) => ({ left: bilingual(p.left), right: bilingual(p.right) }))
  return candidate
}

export interface ContentReferences {
  sources: readonly SourceDoc[]
  speakers: readonly Speaker[]
  /** Source texts by document id; null where this server has none (citations then cannot be verified, so are refused). */
  texts: ReadonlyMap<string, string> | null
}

/**
 * Drafts → items of the private deck `deckId` (ids `<deckId>-1`, `-2`, … in file order), or every error.
 * Each item passes the content schema; the one rule an import is spared is "every item cites a passage":
 * a citation is optional, and when given it must name a known document and speaker and quote it exactly.
 */
export function finishImport(
  drafts: readonly ImportDraft[],
  deckId: string,
  refs: ContentReferences,
): { ok: true; items: ContentItem[] } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = []
  if (drafts.length === 0) return { ok: false, errors: [{ code: 'empty' }] }
  if (drafts.length > MAX_IMPORT_ITEMS) return { ok: false, errors: [{ code: 'tooMany', detail: String(MAX_IMPORT_ITEMS) }] }
  const items: ContentItem[] = []
  const cited: LoadedItem[] = []
  drafts.forEach((draft, index) => {
    const candidate = draftToCandidate(draft, `${deckId}-${index + 1}`)
    const parsed = itemSchema.safeParse(candidate)
    const uncited = !draft.citations || draft.citations.length === 0
    const issues = parsed.success
      ? []
      : parsed.error.issues.filter((issue) => !(uncited && issue.path.length <= 1 && issue.path[0] === 'sources'))
    for (const issue of issues)
      errors.push({ ...draft.at, code: 'invalid', field: issue.path.join('.'), detail: issue.message, ...issueReason(issue, candidate) })
    if (issues.length > 0) return
    // The only issue left was the missing citation: the candidate is otherwise a valid item.
    const item = (
      parsed.success ? parsed.data : itemSchema.parse({ ...candidate, sources: [PLACEHOLDER_CITATION, PLACEHOLDER_CITATION] })
    ) as ContentItem
    if (!parsed.success) item.sources = []
    items.push(item)
    if (!uncited) {
      errors.push(...checkCitation(draft, refs))
      cited.push({ ...item, file: 'import', index })
    }
  })
  if (cited.length > 0 && refs.texts && errors.length === 0) {
    const bundle: ContentBundle = {
      sources: [...refs.sources],
      speakers: [...refs.speakers],
      decks: [],
      items: cited,
      lineOf: () => undefined,
    }
    for (const e of verifyQuotes(bundle, new Map(refs.texts))) {
      const draft = drafts[cited.find((c) => c.id === e.itemId)!.index]!
      errors.push({
        ...draft.at,
        code: 'citation',
        field: 'quote',
        detail: e.message,
        reason: 'quoteNotFound',
        limit: draft.citations?.[0]?.doc,
      })
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, items }
}

/** Stands in for the absent citation only so the schema can build the rest of an uncited item; never stored. */
const PLACEHOLDER_CITATION = { doc: 'none', locator: 'none', quote: 'none', translation: 'none', speaker: 'none' }

function checkCitation(draft: ImportDraft, refs: ContentReferences): ImportError[] {
  const errors: ImportError[] = []
  for (const c of draft.citations ?? []) {
    if (!refs.sources.some((s) => s.id === c.doc)) errors.push({ ...draft.at, code: 'citation', field: 'source', detail: c.doc })
    if (!refs.speakers.some((s) => s.id === c.speaker)) errors.push({ ...draft.at, code: 'citation', field: 'speaker', detail: c.speaker })
  }
  if (!refs.texts)
    errors.push({ ...draft.at, code: 'citation', field: 'quote', detail: 'source texts unavailable', reason: 'textsUnavailable' })
  return errors
}

/** Errors in file order (by line, else question), at most `limit` of them. */
export function sortErrors(errors: readonly ImportError[], limit = 100): ImportError[] {
  return [...errors].sort((a, b) => (a.line ?? a.question ?? 0) - (b.line ?? b.question ?? 0)).slice(0, limit)
}

/**
 * HTML as the text a reader sees: tags dropped (block ends become line breaks), entities decoded. What is left
 * is stored as plain text, so markup or script that was escaped in the file is shown escaped, never run.
 */
export function htmlToText(html: string): string {
  return (
    decodeEntities(
      html
        .replace(/<\s*(script|style)\b[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, '')
        .replace(/<\s*br\s*\/?>/gi, '\n')
        .replace(/<\s*\/\s*(p|div|li|h[1-6])\s*>/gi, '\n')
        .replace(/<[^>]*>/g, ''),
    )
      .replace(/[ \t\u00a0]+/g, ' ')
      // Line breaks stay, and one blank line between paragraphs (feedback is split into parts at blank lines).
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  )
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole
  })
}
