/**
 * Schemas for the account, class and assignment forms, shared by browser and server. Messages are i18n keys.
 */
import { z } from 'zod'

const email = z.email({ error: 'errorEmail' }).max(200, 'errorEmail').transform((e) => e.trim().toLowerCase())
const password = z.string({ error: 'errorPasswordLength' }).min(10, 'errorPasswordLength').max(200, 'errorPasswordLength')

export const signUpSchema = z.object({
  displayName: z.string({ error: 'errorName' }).trim().min(1, 'errorName').max(60, 'errorName'),
  email,
  password,
  role: z.enum(['student', 'instructor'], { error: 'errorChoice' }).default('student'),
})

export const signInSchema = z.object({ email, password: z.string({ error: 'errorPasswordLength' }).min(1, 'errorPasswordLength').max(200, 'errorPasswordLength') })

export const forgotPasswordSchema = z.object({ email })

export const resetPasswordSchema = z
  .object({ password, confirm: z.string({ error: 'errorPasswordsDiffer' }) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'errorPasswordsDiffer' })

export const classSchema = z.object({ name: z.string({ error: 'errorClassName' }).trim().min(1, 'errorClassName').max(80, 'errorClassName') })

export const joinSchema = z.object({
  code: z
    .string({ error: 'errorJoinCode' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6,12}$/, 'errorJoinCode'),
})

export const assignmentSchema = z
  .object({
    title: z.string({ error: 'errorAssignmentTitle' }).trim().min(1, 'errorAssignmentTitle').max(120, 'errorAssignmentTitle'),
    deckId: z.string().max(80).optional(),
    source: z.string().max(80).optional(),
    category: z.string().max(20).optional(),
    tag: z.string().max(80).optional(),
    dueDate: z.string({ error: 'errorDueDate' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'errorDueDate'),
    goal: z.enum(['memory', 'quiz'], { error: 'errorChoice' }),
    targetRecall: z.number({ error: 'errorTargetRecall' }).min(0.5, 'errorTargetRecall').max(0.99, 'errorTargetRecall').default(0.85),
    targetScore: z.number({ error: 'errorTargetScore' }).min(0.1, 'errorTargetScore').max(1, 'errorTargetScore').optional(),
  })
  .refine((v) => v.deckId || v.source || v.category || v.tag, { path: ['deckId'], message: 'errorScope' })
  .refine((v) => v.goal !== 'quiz' || v.targetScore !== undefined, { path: ['targetScore'], message: 'errorTargetScore' })
