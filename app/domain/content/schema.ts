/**
 * The content format: what a question-bank file, the sources file and the decks file may contain.
 * Pure data definitions — no file system — so the same schema serves the loader, the checker and tests.
 */
import { z } from 'zod'
import { kindModules } from '../kinds'
import { bilingualSchema, categories, contentDateSchema, itemIdSchema, itemKinds, nonEmpty, perspectives } from './fields'

export * from './fields'

/** Fields that only some kinds have: named when they turn up on an item of another kind. */
export const KIND_FIELDS = ['distractors', 'statement', 'isTrue', 'cloze', 'events', 'pairs', 'perspective', 'speaker', 'sides'] as const

const [first, ...rest] = Object.values(kindModules).map((m) => m.schema)

/**
 * An item: a discriminated union on `kind`, one member per kind module (app/domain/kinds), each allowing its
 * own fields and no other kind's. Rules that hold for every kind follow.
 */
export const itemSchema = z
  .discriminatedUnion('kind', [first!, ...rest], { error: `kind: must be one of: ${itemKinds.join(', ')}` })
  .superRefine((item, ctx) => {
    if (item.category === 'date' && item.date === undefined) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'a date item needs a "date" field', params: { reason: 'missing' } })
    }
    if (item.category === 'framing' && item.sources.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        message: 'a framing item cites one passage per side (at least two)',
        params: { reason: 'framingTwoSources' },
      })
    }
  })
export type ContentItem = z.output<typeof itemSchema>
export type ItemOfKind<K extends ContentItem['kind']> = Extract<ContentItem, { kind: K }>

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

/** Whose side a speaker is on, whatever document quotes them (a Japanese opposition leader is Japanese). */
export const speakerSides = ['japan', 'china', 'united-states', 'international'] as const
export const speakerSchema = z
  .object({
    id: itemIdSchema,
    /** Full name, or a description for unnamed voices ("the news analysis's authors"). */
    name: bilingualSchema,
    /** How cards refer to the speaker (an attribution's answer must use it): "Motegi", "茂木". */
    short: bilingualSchema,
    /** What the speaker is, and where: "academic interviewer in the official dialogue". */
    role: bilingualSchema,
    side: z.enum(speakerSides, { error: `must be one of: ${speakerSides.join(', ')}` }),
  })
  .strict()
export type Speaker = z.output<typeof speakerSchema>
export const speakersFileSchema = z.object({ speakers: z.array(z.unknown()).min(1) }).strict()

export const deckFilterSchema = z
  .object({
    sources: z.array(nonEmpty).optional(),
    categories: z.array(z.enum(categories)).optional(),
    tags: z.array(nonEmpty).optional(),
    items: z.array(itemIdSchema).optional(),
  })
  .strict()
  .refine(
    (f) => Object.values(f).some((v) => v !== undefined && v.length > 0),
    'a deck filter needs at least one of sources, categories, tags, items',
  )
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
