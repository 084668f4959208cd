/**
 * Anki package import, the pure part. A .apkg is a zip (fflate) holding the collection: the newer
 * `collection.anki21b` (SQLite compressed with zstd, fzstd), else the legacy `collection.anki21` (or the older
 * `collection.anki2`). Before anything is expanded, the archive's declared sizes are checked against a cap;
 * while expanding, the actual bytes are counted and expansion stops at the cap (a size field can lie).
 * Reading the SQLite file is the server's job (app/utils/anki-collection.server.ts); its notes come back here
 * to become drafts: a note's fields by name (Sourcedeck's own Prompt/Answer/Explanation/Citation, Anki's
 * Front/Back, or the first two), its tags, and a card that asks to type the answer becomes a typed item.
 * Cloze note types are refused as unknown kinds.
 */
import { Decompress as ZstdDecompress } from 'fzstd'
import { Unzip, UnzipInflate, unzipSync } from 'fflate'
import type { DraftText, FileProblem, ImportDraft, ImportError, ParseResult } from './import-item'
import { htmlToText, MAX_EXPANDED_BYTES, MAX_IMPORT_ITEMS, megabytes } from './import-item'
import { resolveCitationLines, splitBilingual, type CitationNames, type FileLanguage } from './interchange-import'
import { categories } from '../content/fields'
import { kindFromTags, KIND_TAG_PREFIX } from './kind-mapping'

export type AnkiLayout = 'anki21b' | 'anki21' | 'anki2'
const COLLECTIONS: Array<[AnkiLayout, string]> = [
  ['anki21b', 'collection.anki21b'],
  ['anki21', 'collection.anki21'],
  ['anki2', 'collection.anki2'],
]

/** Bytes fed to the inflater at a time: one step can expand to at most ~1,000× this before it is counted. */
const STEP = 16 * 1024

type Unpacked = { ok: true; layout: AnkiLayout; collection: Uint8Array } | { ok: false; errors: ImportError[] }

const tooLarge = (detail: string, cap: number): { ok: false; errors: ImportError[] } => ({
  ok: false,
  errors: [{ code: 'tooLarge', problem: 'expandsPastCap', limit: megabytes(cap), detail }],
})
const malformed = (problem: FileProblem, detail: string): { ok: false; errors: ImportError[] } => ({
  ok: false,
  errors: [{ code: 'malformed', problem, detail }],
})

/** The collection inside a package, expanded (and un-zstd'ed) within MAX_EXPANDED_BYTES, or why not. */
export function unpackApkg(bytes: Uint8Array, cap = MAX_EXPANDED_BYTES): Unpacked {
  // The central directory first: what the archive says it holds, without expanding anything.
  const declared = new Map<string, number>()
  try {
    unzipSync(bytes, {
      filter: (file) => {
        declared.set(file.name, file.originalSize)
        return false
      },
    })
  } catch (error) {
    return malformed('notZip', `not a zip archive (${(error as Error).message})`)
  }
  const found = COLLECTIONS.find(([, name]) => declared.has(name))
  if (!found) return malformed('noCollection', 'no collection.anki21b, collection.anki21 or collection.anki2 in the package')
  const [layout, name] = found
  const declaredTotal = [...declared.values()].reduce((a, b) => a + b, 0)
  if (declaredTotal > cap) return tooLarge(`declares ${declaredTotal} bytes expanded, over ${cap}`, cap)
  const expanded = expandEntry(bytes, name, cap)
  if (!expanded.ok) return expanded
  if (expanded.data.byteLength !== declared.get(name))
    return malformed('sizeMismatch', `${name} expands to ${expanded.data.byteLength} bytes, not the ${declared.get(name)} declared`)
  if (layout !== 'anki21b') return { ok: true, layout, collection: expanded.data }
  const sqlite = unzstd(expanded.data, cap)
  return sqlite.ok ? { ok: true, layout, collection: sqlite.data } : sqlite
}

type Expanded = { ok: true; data: Uint8Array } | { ok: false; errors: ImportError[] }

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

/** One zip entry, inflated step by step; stops as soon as the bytes out pass the cap. */
function expandEntry(bytes: Uint8Array, name: string, cap: number): Expanded {
  const chunks: Uint8Array[] = []
  let size = 0
  let over = false
  let failed: string | null = null
  let done = false
  const unzip = new Unzip()
  unzip.register(UnzipInflate)
  unzip.onfile = (file) => {
    if (file.name !== name) return
    file.ondata = (error, chunk, final) => {
      if (error) failed = error.message
      else if (!over) {
        size += chunk.byteLength
        if (size > cap) over = true
        else chunks.push(chunk)
      }
      if (final) done = true
    }
    file.start()
  }
  try {
    for (let i = 0; i < bytes.byteLength && !over && !failed; i += STEP)
      unzip.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.byteLength)
  } catch (error) {
    failed = (error as Error).message
  }
  if (over) return tooLarge(`${name} expands past ${cap} bytes`, cap)
  if (failed || !done) return malformed('zipDamaged', `${name}: ${failed ?? 'truncated'}`)
  return { ok: true, data: concat(chunks, size) }
}

/** zstd, streamed and counted like the zip entry (a frame's declared size is checked by the count too). */
function unzstd(data: Uint8Array, cap: number): Expanded {
  const chunks: Uint8Array[] = []
  let size = 0
  let over = false
  const stream = new ZstdDecompress((chunk) => {
    size += chunk.byteLength
    if (size > cap) over = true
    else if (!over) chunks.push(chunk)
  })
  try {
    for (let i = 0; i < data.byteLength && !over; i += STEP) stream.push(data.subarray(i, i + STEP), i + STEP >= data.byteLength)
  } catch (error) {
    return malformed('zstdDamaged', `collection.anki21b: ${(error as Error).message}`)
  }
  if (over) return tooLarge(`collection.anki21b expands past ${cap} bytes`, cap)
  return { ok: true, data: concat(chunks, size) }
}

/** A note as the server reads it from the collection. */
export interface AnkiNote {
  fields: Array<{ name: string; value: string }>
  tags: string[]
  noteType: { name: string; cloze: boolean; typesAnswer: boolean }
}

const FRONT = ['prompt', 'front', 'question', 'term', 'text']
const BACK = ['answer', 'back', 'definition']
const EXTRA = ['explanation', 'extra', 'back extra', 'notes']
const CITATION = ['citation', 'source']

function field(note: AnkiNote, names: string[]): string | undefined {
  const f = note.fields.find((x) => names.includes(x.name.trim().toLowerCase()))
  return f?.value
}

/** Anki's hierarchical and free tags as ours; the kind tag and Sourcedeck's own id tag dropped. */
function tagsOf(tags: readonly string[]): string[] {
  const out: string[] = []
  for (const raw of tags) {
    const tag = raw.toLowerCase()
    if (tag.startsWith(KIND_TAG_PREFIX) || tag.startsWith('sourcedeck-id-')) continue
    const slug = tag.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
    if (slug && !out.includes(slug)) out.push(slug)
  }
  return out
}

export function draftsFromNotes(notes: readonly AnkiNote[], lang: FileLanguage, names: CitationNames | null): ParseResult {
  if (notes.length === 0) return { ok: false, errors: [{ code: 'empty' }] }
  if (notes.length > MAX_IMPORT_ITEMS) return { ok: false, errors: [{ code: 'tooMany', detail: String(MAX_IMPORT_ITEMS) }] }
  const errors: ImportError[] = []
  const drafts: ImportDraft[] = []
  const text = (html: string): DraftText => (lang === 'both' ? splitBilingual(htmlToText(html)) : { en: htmlToText(html) })
  notes.forEach((note, index) => {
    const front = field(note, FRONT) ?? note.fields[0]?.value ?? ''
    const back = field(note, BACK) ?? note.fields[1]?.value ?? ''
    const at = { question: index + 1, title: htmlToText(front).slice(0, 60) || undefined }
    if (note.noteType.cloze) {
      errors.push({ ...at, code: 'unknownKind', detail: `${note.noteType.name} (cloze)` })
      return
    }
    if (!htmlToText(front)) errors.push({ ...at, code: 'missingField', field: 'front' })
    if (!htmlToText(back)) errors.push({ ...at, code: 'missingField', field: 'back' })
    if (!htmlToText(front) || !htmlToText(back)) return
    const extra = field(note, EXTRA)
    const citationField = field(note, CITATION)
    const citations = citationField && names ? resolveCitationLines(htmlToText(citationField), names) : null
    const typed = note.noteType.typesAnswer || kindFromTags(note.tags) === 'typed'
    const category = note.tags.map((t) => t.toLowerCase()).find((t) => ['actor', 'framing', 'number', 'event'].includes(t))
    drafts.push({
      at,
      kind: typed ? 'typed' : 'flip',
      prompt: text(front),
      answer: text(back),
      explanation: extra && htmlToText(extra) ? text(extra) : undefined,
      category,
      tags: tagsOf(note.tags).filter((t) => !(categories as readonly string[]).includes(t)),
      citations: citations ?? undefined,
    })
  })
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, drafts }
}
