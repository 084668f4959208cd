/**
 * The building blocks of the content format, shared by the item schema of every question kind
 * (app/domain/kinds/*) and the sources and decks files. Pure data definitions — no file system.
 */
import { z } from 'zod'

/** Stable forever: learners' progress is keyed by it. Lower-case words joined by hyphens. */
export const itemIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens (e.g. "mh-date-takaichi-start")')
  .max(80, 'must be at most 80 characters')

export const nonEmpty = z.string().trim().min(1, 'must not be empty')

/** Every learner-facing text exists in both languages; a missing side is an error, not a fallback. */
export const bilingualSchema = z.object({ en: nonEmpty, zh: nonEmpty }, { error: 'must have both "en" and "zh" texts' })
export type Bilingual = z.output<typeof bilingualSchema>

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
  .refine(isValidContentDate, {
    message: 'must be a date like 2025, 2025-10, 2025-10-21 or a range 2025-10-26/2025-10-27',
    params: { reason: 'dateFormat' },
  })

export const categories = ['date', 'actor', 'framing', 'number', 'event'] as const
export type Category = (typeof categories)[number]

export const itemKinds = ['flip', 'choice', 'true-false', 'typed', 'cloze', 'ordering', 'matching', 'attribution', 'framing-pair'] as const
export type ItemKind = (typeof itemKinds)[number]

export const perspectives = ['japanese-official', 'chinese-academic', 'chinese-commentary', 'chinese-media'] as const
export type Perspective = (typeof perspectives)[number]
export const perspectiveSchema = z.enum(perspectives, { error: `must be one of: ${perspectives.join(', ')}` })

/** A cloze sentence marks its one gap as [[the missing words]]. */
export const CLOZE_GAP = /\[\[([^\]]+)\]\]/g

export const citationSchema = z.object({
  doc: nonEmpty,
  locator: nonEmpty,
  /** The locator's Chinese form when the locator is written in English (else content/locators.yaml supplies it). */
  locatorZh: nonEmpty.optional(),
  /** The source's exact words in the source's language; verified against the text (whitespace ignored). */
  quote: nonEmpty,
  /** The quote in the other language, for a reader of that language (card back). */
  translation: nonEmpty,
  /**
   * Who says it (an id in content/speakers.yaml), as distinct from the document it appears in (`doc`): the
   * Chinese news analysis quotes a Japanese opposition leader, the official dialogue has an academic asking
   * the questions. Whose words or claim the quote gives: the author's own, or the person they quote or report.
   */
  speaker: itemIdSchema,
})
export type Citation = z.infer<typeof citationSchema>

/** The fields every item has, whatever its kind. Each kind's schema extends these with its own. */
export const itemBaseShape = {
  id: itemIdSchema,
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
}

/**
 * A field a kind requires: when it is missing the author reads which kind needs it, rather than a bare
 * "is required".
 */
export function requiredFor<T extends z.ZodType>(kind: ItemKind, field: string, schema: T) {
  return z.preprocess((value, ctx) => {
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: `a ${kind} item needs "${field}"`, params: { reason: 'missing' } })
      return z.NEVER
    }
    return value
  }, schema)
}

/** One kind's item schema: the shared fields, the kind's literal and its own fields, nothing else. */
export function kindItemSchema<K extends ItemKind, S extends z.ZodRawShape>(kind: K, own: S) {
  return z.strictObject({ ...itemBaseShape, kind: z.literal(kind), ...own })
}
