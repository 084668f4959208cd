/**
 * The content format: what a question-bank file, the sources file and the decks file may contain.
 * Pure data definitions — no file system — so the same schema serves the loader, the checker and tests.
 */
import { z } from 'zod'

/** Stable forever: learners' progress is keyed by it. Lower-case words joined by hyphens. */
export const itemIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens (e.g. "mh-date-takaichi-start")')
  .max(80, 'must be at most 80 characters')

const nonEmpty = z.string().trim().min(1, 'must not be empty')

/** Every learner-facing text exists in both languages; a missing side is an error, not a fallback. */
export const bilingualSchema = z.object(
  { en: nonEmpty, zh: nonEmpty },
  { error: 'must have both "en" and "zh" texts' },
)

/**
 * A date at the precision the source gives: a year (2025), a month (2025-10), a day (2025-10-21),
 * or a range of either joined by "/" (2025-10-26/2025-10-27).
 */
const singleDate = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/
export function isValidContentDate(value: string): boolean {
  const parts = value.split('/')
  if (parts.length > 2) return false
  for (const part of parts) {
    const m = singleDate.exec(part)
    if (!m) return false
    if (m[3]) {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
      if (d.getUTCDate() !== Number(m[3])) return false // 2025-02-30 and friends
    }
  }
  if (parts.length === 2 && parts[0]!.length !== parts[1]!.length) return false
  if (parts.length === 2 && parts[0]! > parts[1]!) return false
  return true
}
export const contentDateSchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine(isValidContentDate, 'must be a date like 2025, 2025-10, 2025-10-21 or a range 2025-10-26/2025-10-27')

export const categories = ['date', 'actor', 'framing', 'number', 'event'] as const
export type Category = (typeof categories)[number]

export const itemKinds = ['flip', 'choice', 'true-false', 'typed', 'cloze', 'ordering', 'matching', 'attribution', 'framing-pair'] as const
export type ItemKind = (typeof itemKinds)[number]

export const perspectives = ['japanese-official', 'chinese-academic', 'chinese-commentary', 'chinese-media'] as const
export type Perspective = (typeof perspectives)[number]
const perspectiveSchema = z.enum(perspectives, { error: `must be one of: ${perspectives.join(', ')}` })

/** A cloze sentence marks its one gap as [[the missing words]]. */
export const CLOZE_GAP = /\[\[([^\]]+)\]\]/g

export const citationSchema = z.object({
  doc: nonEmpty,
  locator: nonEmpty,
  /** The source's exact words in the source's language; verified against the text (whitespace ignored). */
  quote: nonEmpty,
  /** The quote in the other language, for a reader of that language (card back). */
  translation: nonEmpty,
})
export type Citation = z.infer<typeof citationSchema>

export const itemSchema = z
  .object({
    id: itemIdSchema,
    kind: z.enum(itemKinds, { error: `must be one of: ${itemKinds.join(', ')}` }),
    category: z.enum(categories, { error: `must be one of: ${categories.join(', ')}` }),
    prompt: bilingualSchema,
    answer: bilingualSchema,
    /** Other forms a typed answer may take (name orders, date formats, number scales). */
    accepted: z.array(nonEmpty).default([]),
    /** For date items (and optionally events): when it happened, at the precision the source gives. */
    date: contentDateSchema.optional(),
    explanation: bilingualSchema,
    tags: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'tags are lower-case words joined by hyphens')).default([]),
    sources: z.array(citationSchema).min(1, 'every item cites at least one passage'),
    // Kind-specific fields (each kind requires its own and accepts no other kind's; see content/README.md).
    /** choice: authored wrong answers; without them, answers of sibling items (same category and source) serve. */
    distractors: z.array(bilingualSchema).min(2, 'give at least 2 distractors').max(5, 'give at most 5 distractors').optional(),
    /** true-false: the claim shown, and whether the sources support it. */
    statement: bilingualSchema.optional(),
    isTrue: z.boolean({ error: 'must be true or false' }).optional(),
    /** cloze: a sentence of the item's own (not a source quote) with one [[gap]] per language. */
    cloze: bilingualSchema.optional(),
    /** ordering: 3–6 events listed in chronological order, each with its date. */
    events: z.array(z.object({ en: nonEmpty, zh: nonEmpty, date: contentDateSchema }).strict()).min(3, 'give 3–6 events').max(6, 'give 3–6 events').optional(),
    /** matching: 3–6 pairs (actor ↔ role or statement). */
    pairs: z.array(z.object({ left: bilingualSchema, right: bilingualSchema }).strict()).min(3, 'give 3–6 pairs').max(6, 'give 3–6 pairs').optional(),
    /** attribution: which perspective's source says `statement`. */
    perspective: perspectiveSchema.optional(),
    /** framing-pair: two characterisations of one event, whose is whose. */
    sides: z.array(z.object({ perspective: perspectiveSchema, text: bilingualSchema }).strict()).length(2, 'a framing pair has exactly 2 sides').optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.category === 'date' && item.date === undefined) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'a date item needs a "date" field' })
    }
    if (item.category === 'framing' && item.sources.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'a framing item cites one passage per side (at least two)' })
    }
    checkKindFields(item, ctx)
  })

const kindFields: Record<ItemKind, ReadonlyArray<'distractors' | 'statement' | 'isTrue' | 'cloze' | 'events' | 'pairs' | 'perspective' | 'sides'>> = {
  flip: [],
  typed: [],
  choice: ['distractors'],
  'true-false': ['statement', 'isTrue'],
  cloze: ['cloze'],
  ordering: ['events'],
  matching: ['pairs'],
  attribution: ['statement', 'perspective'],
  'framing-pair': ['sides'],
}
const optionalKindFields = new Set(['distractors'])
const allKindFields = ['distractors', 'statement', 'isTrue', 'cloze', 'events', 'pairs', 'perspective', 'sides'] as const

type ItemShape = { kind: ItemKind; answer: { en: string; zh: string }; distractors?: Array<{ en: string; zh: string }>; cloze?: { en: string; zh: string }; events?: Array<{ en: string; zh: string; date: string }>; pairs?: Array<{ left: { en: string; zh: string }; right: { en: string; zh: string } }>; sides?: Array<{ perspective: string }>; sources: Array<{ quote: string }> } & Record<string, unknown>

function checkKindFields(item: ItemShape, ctx: z.RefinementCtx) {
  const own = kindFields[item.kind]
  for (const field of allKindFields) {
    const present = item[field] !== undefined
    if (own.includes(field) && !present && !optionalKindFields.has(field)) {
      ctx.addIssue({ code: 'custom', path: [field], message: `a ${item.kind} item needs "${field}"` })
    }
    if (!own.includes(field) && present) {
      ctx.addIssue({ code: 'custom', path: [field], message: `"${field}" does not belong to a ${item.kind} item` })
    }
  }
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()
  item.distractors?.forEach((d, i) => {
    if (same(d.en, item.answer.en) || same(d.zh, item.answer.zh)) ctx.addIssue({ code: 'custom', path: ['distractors', i], message: 'a distractor repeats the answer' })
  })
  if (item.cloze) {
    for (const lang of ['en', 'zh'] as const) {
      const gaps = [...item.cloze[lang].matchAll(CLOZE_GAP)]
      if (gaps.length !== 1) ctx.addIssue({ code: 'custom', path: ['cloze', lang], message: 'mark exactly one gap as [[words]]' })
      const sentence = item.cloze[lang].replace(CLOZE_GAP, '$1').replace(/\s+/g, '')
      if (item.sources.some((c) => c.quote.replace(/\s+/g, '').includes(sentence))) {
        ctx.addIssue({ code: 'custom', path: ['cloze', lang], message: 'a cloze gap goes in a sentence of the item, not in a source quote' })
      }
    }
  }
  item.events?.forEach((e, i) => {
    const prev = item.events![i - 1]
    if (prev && !(prev.date.split('/')[0]! < e.date.split('/')[0]!)) {
      ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: 'list events in chronological order, with distinct dates' })
    }
  })
  if (item.pairs) {
    for (const side of ['left', 'right'] as const) {
      const seen = new Set(item.pairs.map((p) => p[side].en.trim().toLowerCase()))
      if (seen.size !== item.pairs.length) ctx.addIssue({ code: 'custom', path: ['pairs'], message: `two pairs share the same ${side} side` })
    }
  }
  if (item.sides && item.sides[0]?.perspective === item.sides[1]?.perspective) {
    ctx.addIssue({ code: 'custom', path: ['sides', 1, 'perspective'], message: 'the two sides need different perspectives' })
  }
}
export type ContentItem = z.output<typeof itemSchema>

export const bankSchema = z
  .object({
    bank: itemIdSchema,
    items: z.array(z.unknown()).min(1, 'a bank holds at least one item'),
  })
  .strict()

export const sourceDocSchema = z
  .object({
    id: itemIdSchema,
    file: nonEmpty,
    language: z.enum(['en', 'zh-Hans']),
    perspective: z.enum(perspectives),
    title: bilingualSchema,
    outlet: bilingualSchema,
    date: contentDateSchema.nullable(),
    dateNote: bilingualSchema.optional(),
    translationOf: itemIdSchema.nullable().default(null),
  })
  .strict()
export type SourceDoc = z.output<typeof sourceDocSchema>
export const sourcesFileSchema = z.object({ sources: z.array(z.unknown()).min(1) }).strict()

export const deckFilterSchema = z
  .object({
    sources: z.array(nonEmpty).optional(),
    categories: z.array(z.enum(categories)).optional(),
    tags: z.array(nonEmpty).optional(),
    items: z.array(itemIdSchema).optional(),
  })
  .strict()
  .refine((f) => Object.values(f).some((v) => v !== undefined && v.length > 0), 'a deck filter needs at least one of sources, categories, tags, items')
export type DeckFilter = z.output<typeof deckFilterSchema>

export const deckSchema = z
  .object({
    id: itemIdSchema,
    title: bilingualSchema,
    description: bilingualSchema,
    filter: deckFilterSchema,
  })
  .strict()
export type DeckDef = z.output<typeof deckSchema>
export const decksFileSchema = z.object({ decks: z.array(z.unknown()).min(1) }).strict()
