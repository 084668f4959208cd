/**
 * Schemas for the account, class and assignment forms, shared by browser and server. Messages are i18n keys.
 */
import { z } from 'zod'
import { msg } from '~/i18n/keys'

const email = z
  .email({ error: msg('errorEmail') })
  .max(200, msg('errorEmail'))
  .transform((e) => e.trim().toLowerCase())
const password = z
  .string({ error: msg('errorPasswordLength') })
  .min(10, msg('errorPasswordLength'))
  .max(200, msg('errorPasswordLength'))

export const signUpSchema = z.object({
  displayName: z
    .string({ error: msg('errorName') })
    .trim()
    .min(1, msg('errorName'))
    .max(60, msg('errorName')),
  email,
  password,
  role: z.enum(['student', 'instructor'], { error: msg('errorChoice') }).default('student'),
})

export const signInSchema = z.object({
  email,
  password: z
    .string({ error: msg('errorPasswordLength') })
    .min(1, msg('errorPasswordLength'))
    .max(200, msg('errorPasswordLength')),
})

export const forgotPasswordSchema = z.object({ email })

export const resetPasswordSchema = z
  .object({ password, confirm: z.string({ error: msg('errorPasswordsDiffer') }) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: msg('errorPasswordsDiffer') })

export const classSchema = z.object({
  name: z
    .string({ error: msg('errorClassName') })
    .trim()
    .min(1, msg('errorClassName'))
    .max(80, msg('errorClassName')),
})

export const joinSchema = z.object({
  code: z
    .string({ error: msg('errorJoinCode') })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6,12}$/, msg('errorJoinCode')),
})

const assignmentFields = z.object({
  title: z
    .string({ error: msg('errorAssignmentTitle') })
    .trim()
    .min(1, msg('errorAssignmentTitle'))
    .max(120, msg('errorAssignmentTitle')),
  deckId: z.string().max(80).optional(),
  source: z.string().max(80).optional(),
  category: z.string().max(20).optional(),
  tag: z.string().max(80).optional(),
  dueDate: z.string({ error: msg('errorDueDate') }).regex(/^\d{4}-\d{2}-\d{2}$/, msg('errorDueDate')),
  goal: z.enum(['memory', 'quiz'], { error: msg('errorChoice') }),
  targetRecall: z
    .number({ error: msg('errorTargetRecall') })
    .min(0.5, msg('errorTargetRecall'))
    .max(0.99, msg('errorTargetRecall'))
    .default(0.85),
  targetScore: z
    .number({ error: msg('errorTargetScore') })
    .min(0.1, msg('errorTargetScore'))
    .max(1, msg('errorTargetScore'))
    .optional(),
})

/** A scope is required, and a quiz goal needs its target score (refined after extending: zod refuses to extend a refined object). */
const withAssignmentRules = <T extends z.ZodType<z.infer<typeof assignmentFields>>>(schema: T) =>
  schema
    .refine((v) => v.deckId || v.source || v.category || v.tag, { path: ['deckId'], message: msg('errorScope') })
    .refine((v) => v.goal !== 'quiz' || v.targetScore !== undefined, { path: ['targetScore'], message: msg('errorTargetScore') })

export const assignmentSchema = withAssignmentRules(assignmentFields)

/** The class page's three intents, parsed by one schema. */
export const classActionSchema = z.discriminatedUnion(
  'intent',
  [
    withAssignmentRules(assignmentFields.extend({ intent: z.literal('create-assignment') })),
    // Destructive intents ask first: without confirm=1 the action only describes what would happen.
    z.object({ intent: z.literal('remove-student'), userId: z.string().min(1).max(64), confirm: z.literal('1').optional() }),
    z.object({ intent: z.literal('archive'), confirm: z.literal('1').optional() }),
  ],
  { error: msg('errorUnknownIntent') },
)

/** The classes page's two intents, parsed by one schema. */
export const classesActionSchema = z.discriminatedUnion(
  'intent',
  [classSchema.extend({ intent: z.literal('create') }), joinSchema.extend({ intent: z.literal('join') })],
  {
    error: msg('errorUnknownIntent'),
  },
)
