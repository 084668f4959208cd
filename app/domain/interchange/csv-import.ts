/**
 * CSV/TSV import (papaparse). Two layouts:
 * - Quizlet-style, no header: term, definition[, explanation]. Each row becomes a **flip** card: a definition is
 *   a sentence or more, and grading typed sentences by their wording would be unfair (the charter: grades depend
 *   on what the learner knows, never on exact wording), so the learner recalls and rates.
 * - With a header row naming the columns below (any order): `kind` may then be flip, typed (with `accepted`
 *   forms, "|"-separated) or choice (with `distractors`, "|"-separated); `*_zh` columns give the Chinese texts;
 *   `source`, `quote`, `locator`, `speaker`, `translation` cite a source document.
 * Errors are named by the line the row starts on.
 */
import Papa from 'papaparse'
import type { ItemKind } from '../content/fields'
import type { DraftCitation, DraftText, ImportDraft, ImportError, ParseResult } from './import-item'
import { MAX_IMPORT_ITEMS } from './import-item'

export const CSV_SEPARATORS = { comma: ',', tab: '\t', semicolon: ';' } as const
export type CsvSeparator = keyof typeof CSV_SEPARATORS

export const CSV_COLUMNS = [
  'term',
  'definition',
  'prompt',
  'answer',
  'kind',
  'accepted',
  'distractors',
  'explanation',
  'category',
  'tags',
  'prompt_zh',
  'answer_zh',
  'explanation_zh',
  'distractors_zh',
  'source',
  'quote',
  'locator',
  'speaker',
  'translation',
] as const
type Column = (typeof CSV_COLUMNS)[number]

/** The kinds a CSV row may be: the rest need structure (events, pairs, sides) that one row does not hold well. */
export const CSV_KINDS = ['flip', 'typed', 'choice'] as const satisfies readonly ItemKind[]

const CITATION_COLUMNS = ['source', 'quote', 'locator', 'speaker', 'translation'] as const

interface Row {
  line: number
  cells: string[]
}

function readRows(text: string, separator: CsvSeparator): { rows: Row[]; errors: ImportError[] } {
  const source = text.replace(/^\uFEFF/, '')
  const rows: Row[] = []
  const errors: ImportError[] = []
  let cursor = 0
  let line = 1
  const lineAt = (offset: number) => {
    // Count line breaks from the last row's end to where this row starts (blank lines skipped in between).
    let start = cursor
    while (start < offset && (source[start] === '\n' || source[start] === '\r')) start++
    for (let i = cursor; i < start; i++) if (source[i] === '\n') line++
    const at = line
    for (let i = start; i < offset; i++) if (source[i] === '\n') line++
    cursor = offset
    return at
  }
  Papa.parse<string[]>(source, {
    delimiter: CSV_SEPARATORS[separator],
    skipEmptyLines: 'greedy',
    step: (result) => {
      const at = lineAt(result.meta.cursor)
      for (const e of result.errors) errors.push({ line: at, code: 'malformed', problem: 'csvSyntax', detail: e.message })
      rows.push({ line: at, cells: result.data.map(undefuse) })
    },
  })
  return { rows, errors }
}

/** Spreadsheet exports (ours included) put an apostrophe before a leading formula character: take it off again. */
const undefuse = (cell: string) => cell.replace(/^'([=+\-@\t\r])/, '$1')

const split = (value: string | undefined) =>
  (value ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean)

function headerOf(cells: string[]): Map<Column, number> | null {
  const names = cells.map((c) => c.trim().toLowerCase())
  if (!names.every((n) => (CSV_COLUMNS as readonly string[]).includes(n))) return null
  if (!names.some((n) => n === 'prompt' || n === 'term')) return null
  return new Map(names.map((n, i) => [n as Column, i]))
}

export function parseCsv(text: string, separator: CsvSeparator): ParseResult {
  const { rows, errors } = readRows(text, separator)
  if (errors.length > 0) return { ok: false, errors }
  if (rows.length === 0) return { ok: false, errors: [{ code: 'empty' }] }
  const header = headerOf(rows[0]!.cells)
  const body = header ? rows.slice(1) : rows
  if (body.length > MAX_IMPORT_ITEMS) return { ok: false, errors: [{ code: 'tooMany', detail: String(MAX_IMPORT_ITEMS) }] }
  const drafts: ImportDraft[] = []
  for (const row of body) {
    const result = header ? rowWithHeader(row, header) : rowWithoutHeader(row)
    if ('errors' in result) errors.push(...result.errors)
    else drafts.push(result.draft)
  }
  if (errors.length > 0) return { ok: false, errors }
  if (drafts.length === 0) return { ok: false, errors: [{ code: 'empty' }] }
  return { ok: true, drafts }
}

type RowResult = { draft: ImportDraft } | { errors: ImportError[] }

function rowWithoutHeader({ line, cells }: Row): RowResult {
  if (cells.length < 2 || cells.length > 3) return { errors: [{ line, code: 'badColumns', detail: `${cells.length}/2–3` }] }
  const [term = '', definition = '', explanation] = cells
  const missing = [!term.trim() && 'term', !definition.trim() && 'definition'].filter(Boolean) as string[]
  if (missing.length > 0) return { errors: missing.map((field) => ({ line, code: 'missingField' as const, field })) }
  return {
    draft: {
      at: { line },
      kind: 'flip',
      prompt: { en: term },
      answer: { en: definition },
      explanation: explanation ? { en: explanation } : undefined,
    },
  }
}

function rowWithHeader({ line, cells }: Row, header: Map<Column, number>): RowResult {
  if (cells.length !== header.size) return { errors: [{ line, code: 'badColumns', detail: `${cells.length}/${header.size}` }] }
  const cell = (name: Column) => {
    const i = header.get(name)
    return i === undefined ? '' : (cells[i] ?? '').trim()
  }
  const text = (name: Column, zh: Column | null): DraftText => ({ en: cell(name), zh: zh && cell(zh) ? cell(zh) : undefined })
  const errors: ImportError[] = []
  const kind = (cell('kind') || 'flip').toLowerCase()
  if (!(CSV_KINDS as readonly string[]).includes(kind)) errors.push({ line, code: 'unknownKind', detail: kind })
  const prompt = cell('prompt') ? text('prompt', 'prompt_zh') : text('term', 'prompt_zh')
  const answer = cell('answer') ? text('answer', 'answer_zh') : text('definition', 'answer_zh')
  if (!prompt.en) errors.push({ line, code: 'missingField', field: 'prompt' })
  if (!answer.en) errors.push({ line, code: 'missingField', field: 'answer' })
  const given = CITATION_COLUMNS.filter((c) => cell(c) !== '')
  if (given.length > 0 && given.length < CITATION_COLUMNS.length) {
    for (const c of CITATION_COLUMNS) if (!cell(c)) errors.push({ line, code: 'missingField', field: c })
  }
  if (errors.length > 0) return { errors }
  const distractorsZh = split(cell('distractors_zh'))
  const distractors = split(cell('distractors')).map((en, i) => ({ en, zh: distractorsZh[i] }))
  const citation: DraftCitation | undefined =
    given.length === CITATION_COLUMNS.length
      ? { doc: cell('source'), quote: cell('quote'), locator: cell('locator'), speaker: cell('speaker'), translation: cell('translation') }
      : undefined
  return {
    draft: {
      at: { line },
      kind: kind as ImportDraft['kind'],
      prompt,
      answer,
      explanation: cell('explanation') ? text('explanation', 'explanation_zh') : undefined,
      accepted: kind === 'typed' ? split(cell('accepted')) : undefined,
      distractors: kind === 'choice' && distractors.length > 0 ? distractors : undefined,
      category: cell('category') || undefined,
      tags: split(cell('tags').replace(/\s+/g, '|')),
      citations: citation ? [citation] : undefined,
    },
  }
}
