/** Parsing of the study action's form input: anything malformed becomes a clear 400, never a write. */
import { z } from 'zod'
import { itemIdSchema } from '~/domain/content/schema'
import { readFormResponse } from '~/domain/questions'

const MAX_DURATION_MS = 10 * 60 * 1000

const intField = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))

/** An empty optional field (a hidden input the script did not fill) counts as absent. */
const optionalField = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional())

const responseField = z.string().max(2000, 'must be at most 2000 characters').optional()

export const checkFormSchema = z.object({
  intent: z.literal('check'),
  reviewId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_"'),
  itemId: itemIdSchema,
  response: responseField,
})

export const reviewFormSchema = z.object({
  intent: z.literal('review'),
  response: responseField,
  reviewId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_"'),
  itemId: itemIdSchema,
  rating: z
    .string()
    .regex(/^[1-4]$/, 'must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)')
    .transform((v) => Number(v) as 1 | 2 | 3 | 4),
  shownAt: optionalField(intField(0, 8_640_000_000_000_000)),
  durationMs: optionalField(intField(0, 86_400_000)),
})

export const undoFormSchema = z.object({ intent: z.literal('undo') })

/** "Study more today": raise today's new-card limit once. */
export const studyMoreFormSchema = z.object({ intent: z.literal('study-more') })

export const studyFormSchema = z.discriminatedUnion('intent', [reviewFormSchema, checkFormSchema, undoFormSchema, studyMoreFormSchema], {
  error: 'intent must be "review", "check", "undo" or "study-more"',
})

export type StudyForm = z.infer<typeof studyFormSchema>

/** Only text fields count; a field sent twice is ambiguous and refused. */
export function formFields(form: FormData): { ok: true; fields: Record<string, string> } | { ok: false; error: string } {
  const fields: Record<string, string> = {}
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') return { ok: false, error: `${key}: must be text` }
    if (Object.hasOwn(fields, key)) return { ok: false, error: `${key}: was sent more than once` }
    fields[key] = value
  }
  return { ok: true, fields }
}

/**
 * One response string from whichever inputs the question used (each kind module reads its own fields).
 * Malformed combinations become '' (graded wrong), never an error.
 */
export function composeResponse(fields: Record<string, string>): string | undefined {
  return readFormResponse(fields)
}

export function parseStudyForm(form: FormData): { ok: true; value: StudyForm } | { ok: false; error: string } {
  const read = formFields(form)
  if (!read.ok) return read
  const response = composeResponse(read.fields)
  const parsed = studyFormSchema.safeParse(response === undefined ? read.fields : { ...read.fields, response })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const field = issue.path.join('.')
    return { ok: false, error: field ? `${field}: ${issue.message}` : issue.message }
  }
  return { ok: true, value: parsed.data }
}

/** Time spent on the card: the client's measurement if sent, else since the server showed it; clamped. */
export function reviewDuration(form: { shownAt?: number; durationMs?: number }, now: number): number {
  const raw = form.durationMs ?? (form.shownAt !== undefined ? now - form.shownAt : 0)
  return Math.min(MAX_DURATION_MS, Math.max(0, Math.round(raw)))
}
