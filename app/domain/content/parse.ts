/**
 * Turns the text of one content file into validated data, or into errors that name the file, the item,
 * the field and the line. Pure: the caller reads the file.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml'
import type { z } from 'zod'
import type { ContentError } from './errors'
import {
  bankSchema,
  deckSchema,
  decksFileSchema,
  itemSchema,
  sourceDocSchema,
  sourcesFileSchema,
  type ContentItem,
  type DeckDef,
  type SourceDoc,
} from './schema'

type Path = ReadonlyArray<string | number>

interface YamlFile {
  data: unknown
  lineOf: (path: Path) => number | undefined
}

function readYaml(file: string, text: string, errors: ContentError[]): YamlFile | null {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      errors.push({ file, line: lineCounter.linePos(err.pos[0]).line, message: `YAML syntax: ${err.message.split('\n')[0]}` })
    }
    return null
  }
  const lineOf = (path: Path): number | undefined => {
    // Walk up the path until a node exists (a missing field is reported at its parent's line).
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined
      if (node && (node as Node).range) return lineCounter.linePos(node.range![0]).line
      if (node && (isMap(node) || isSeq(node)) && node.range) return lineCounter.linePos(node.range[0]).line
    }
    return undefined
  }
  return { data: doc.toJS(), lineOf }
}

function issuesToErrors(
  file: string,
  issues: z.core.$ZodIssue[],
  basePath: Path,
  lineOf: YamlFile['lineOf'],
  itemId?: string,
): ContentError[] {
  return issues.map((issue) => {
    const path = [...basePath, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]
    const field = issue.path.length > 0 ? issue.path.join('.') : undefined
    let message = issue.message
    if (issue.code === 'unrecognized_keys') message = `unknown field(s): ${issue.keys.join(', ')}`
    if (issue.code === 'invalid_type' && message.includes('received undefined')) message = 'is required'
    return { file, itemId, field, line: lineOf(path), message }
  })
}

/** Validates each list entry on its own so one bad entry does not hide the others. */
function parseList<T>(
  file: string,
  yaml: YamlFile,
  listKey: string,
  schema: z.ZodType<T>,
  errors: ContentError[],
): T[] {
  const list = (yaml.data as Record<string, unknown>)[listKey] as unknown[]
  const out: T[] = []
  list.forEach((raw, index) => {
    const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined
    const result = schema.safeParse(raw)
    if (result.success) out.push(result.data)
    else errors.push(...issuesToErrors(file, result.error.issues, [listKey, index], yaml.lineOf, id ?? `#${index + 1}`))
  })
  return out
}

function parseTopLevel(file: string, text: string, schema: z.ZodType, errors: ContentError[]): YamlFile | null {
  const yaml = readYaml(file, text, errors)
  if (!yaml) return null
  const top = schema.safeParse(yaml.data)
  if (!top.success) {
    errors.push(...issuesToErrors(file, top.error.issues, [], yaml.lineOf))
    return null
  }
  return yaml
}

export interface ParsedBank {
  bank: string
  items: Array<ContentItem & { file: string; line: number | undefined }>
}

export function parseBankFile(file: string, text: string, errors: ContentError[]): ParsedBank | null {
  const yaml = parseTopLevel(file, text, bankSchema, errors)
  if (!yaml) return null
  const items = parseList(file, yaml, 'items', itemSchema, errors)
  const lines = new Map<string, number | undefined>()
  ;((yaml.data as { items: Array<{ id?: unknown }> }).items).forEach((raw, i) => {
    if (raw && typeof raw.id === 'string') lines.set(raw.id, yaml.lineOf(['items', i]))
  })
  return {
    bank: (yaml.data as { bank: string }).bank,
    items: items.map((item) => ({ ...item, file, line: lines.get(item.id) })),
  }
}

export function parseSourcesFile(file: string, text: string, errors: ContentError[]): SourceDoc[] {
  const yaml = parseTopLevel(file, text, sourcesFileSchema, errors)
  return yaml ? parseList(file, yaml, 'sources', sourceDocSchema, errors) : []
}

export function parseDecksFile(file: string, text: string, errors: ContentError[]): DeckDef[] {
  const yaml = parseTopLevel(file, text, decksFileSchema, errors)
  return yaml ? parseList(file, yaml, 'decks', deckSchema, errors) : []
}
