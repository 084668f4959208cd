/**
 * Turns the text of one content file into validated data, or into errors that name the file, the item,
 * the field and the line. Pure: the caller reads the file.
 *
 * Two YAML libraries, each for what it is good at: js-yaml parses fast (10k items in a fraction of a
 * second); `yaml` keeps source positions, and is run only when an error needs a line number.
 */
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml'
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml'
import { z } from 'zod'
import type { ContentError } from './errors'
import {
  bankSchema,
  itemBaseShape,
  itemKinds,
  KIND_FIELDS,
  deckSchema,
  decksFileSchema,
  itemSchema,
  sourceDocSchema,
  sourcesFileSchema,
  speakerSchema,
  speakersFileSchema,
  type ContentItem,
  type Speaker,
  type DeckDef,
  type SourceDoc,
} from './schema'

type Path = ReadonlyArray<string | number>

interface YamlFile {
  data: unknown
  lineOf: (path: Path) => number | undefined
}

function readYaml(file: string, text: string, errors: ContentError[]): YamlFile | null {
  let data: unknown
  try {
    // CORE_SCHEMA: no implicit timestamps, so "2025-10-21" stays the string the schema validates.
    data = load(text, { schema: CORE_SCHEMA, filename: file })
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error
    errors.push({ file, line: error.mark ? error.mark.line + 1 : undefined, message: `YAML syntax: ${error.reason}` })
    return null
  }
  let locate: YamlFile['lineOf'] | null = null
  return { data, lineOf: (path) => (locate ??= sourceLocator(text))(path) }
}

/** Line numbers for paths into a YAML text (parsed again with positions; only used to report errors). */
export function sourceLocator(text: string): (path: Path) => number | undefined {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter })
  return (path) => {
    // Walk up the path until a node exists (a missing field is reported at its parent's line).
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined
      if (node && (node as Node).range) return lineCounter.linePos(node.range![0]).line
      if (node && (isMap(node) || isSeq(node)) && node.range) return lineCounter.linePos(node.range[0]).line
    }
    return undefined
  }
}

function issuesToErrors(
  file: string,
  issues: z.core.$ZodIssue[],
  basePath: Path,
  lineOf: YamlFile['lineOf'],
  itemId?: string,
  kindOf?: () => string | undefined,
): ContentError[] {
  return issues.flatMap((issue) => {
    const path = [...basePath, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]
    const field = issue.path.length > 0 ? issue.path.join('.') : undefined
    let message = issue.message
    if (issue.code === 'unrecognized_keys') {
      // Another kind's field is named as such, on its own line; anything else is simply unknown.
      const kind = kindOf?.()
      const misplaced = kind ? issue.keys.filter((k) => (KIND_FIELDS as readonly string[]).includes(k)) : []
      const unknown = issue.keys.filter((k) => !misplaced.includes(k))
      return [
        ...misplaced.map((key) => ({
          file,
          itemId,
          field: [...issue.path, key].join('.'),
          line: lineOf([...path, key]),
          message: `"${key}" does not belong to a ${kind} item`,
        })),
        ...(unknown.length > 0 ? [{ file, itemId, field, line: lineOf(path), message: `unknown field(s): ${unknown.join(', ')}` }] : []),
      ]
    }
    if (issue.code === 'invalid_type' && message.includes('received undefined')) message = 'is required'
    if (issue.code === 'invalid_union' && message.startsWith('kind: ')) {
      return [{ file, itemId, field: 'kind', line: lineOf([...basePath, 'kind']), message: message.slice('kind: '.length) }]
    }
    return [{ file, itemId, field, line: lineOf(path), message }]
  })
}

/** Checks the fields every item has, for an item whose kind is unknown (so no kind's schema applies). */
const anyKindItemSchema = z.looseObject(itemBaseShape).superRefine((item, ctx) => {
  const known = new Set<string>([...Object.keys(itemBaseShape), 'kind', ...KIND_FIELDS])
  const unknown = Object.keys(item).filter((k) => !known.has(k))
  if (unknown.length > 0) ctx.addIssue({ code: 'custom', path: [], message: `unknown field(s): ${unknown.join(', ')}` })
})

/** Validates each list entry on its own so one bad entry does not hide the others. */
function parseList<T>(file: string, yaml: YamlFile, listKey: string, schema: z.ZodType<T>, errors: ContentError[]): T[] {
  const list = (yaml.data as Record<string, unknown>)[listKey] as unknown[]
  const out: T[] = []
  list.forEach((raw, index) => {
    const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined
    const result = schema.safeParse(raw)
    if (result.success) {
      out.push(result.data)
      return
    }
    const kind = raw && typeof raw === 'object' ? (raw as { kind?: unknown }).kind : undefined
    const kindKnown = typeof kind === 'string' && (itemKinds as readonly string[]).includes(kind)
    const issues = [...result.error.issues]
    // An item of no known kind still gets its other fields checked, so one run reports every problem.
    if (listKey === 'items' && !kindKnown) issues.push(...(anyKindItemSchema.safeParse(raw).error?.issues ?? []))
    errors.push(
      ...issuesToErrors(file, issues, [listKey, index], yaml.lineOf, id ?? `#${index + 1}`, () =>
        kindKnown ? (kind as string) : undefined,
      ),
    )
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
  items: Array<ContentItem & { file: string; index: number }>
  /** The line of a path in this file (computed on first use: only errors need it). */
  lineOf: YamlFile['lineOf']
}

export function parseBankFile(file: string, text: string, errors: ContentError[]): ParsedBank | null {
  const yaml = parseTopLevel(file, text, bankSchema, errors)
  if (!yaml) return null
  const raw = (yaml.data as { items: unknown[] }).items
  const items = parseList(file, yaml, 'items', itemSchema, errors)
  const indexOf = new Map<string, number>()
  raw.forEach((entry, i) => {
    const id = (entry as { id?: unknown } | null)?.id
    if (typeof id === 'string' && !indexOf.has(id)) indexOf.set(id, i)
  })
  return {
    bank: (yaml.data as { bank: string }).bank,
    items: items.map((item) => ({ ...item, file, index: indexOf.get(item.id) ?? 0 })),
    lineOf: yaml.lineOf,
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

export function parseSpeakersFile(file: string, text: string, errors: ContentError[]): Speaker[] {
  const yaml = parseTopLevel(file, text, speakersFileSchema, errors)
  return yaml ? parseList(file, yaml, 'speakers', speakerSchema, errors) : []
}
