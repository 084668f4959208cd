/**
 * The forms of a card's page (/cards/:itemId): suspend, unsuspend, bury, unbury and report a problem, as one
 * schema discriminated on `intent`. Error messages are i18n keys, translated where they are shown.
 */
import { z } from 'zod'

export const FLAG_REASONS = ['wrong', 'unclear', 'translation', 'other'] as const
export type FlagReason = (typeof FLAG_REASONS)[number]
export const FLAG_NOTE_MAX = 1000

const next = z.string().max(2000).optional()

export const cardActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('suspend'), next }),
    z.object({ intent: z.literal('unsuspend'), next }),
    z.object({ intent: z.literal('bury'), next }),
    z.object({ intent: z.literal('unbury'), next }),
    z.object({
      intent: z.literal('flag'),
      next,
      reason: z.enum(FLAG_REASONS, { error: 'errorFlagReason' }),
      note: z.string().trim().max(FLAG_NOTE_MAX, 'errorFlagNote').default(''),
    }),
  ],
  { error: 'errorUnknownIntent' },
)

export type CardAction = z.infer<typeof cardActionSchema>

/** The card browser's filters, from the URL (anything unknown is an error, not ignored). */
export const CARD_STATUSES = ['new', 'learning', 'review', 'relearning', 'suspended', 'buried', 'leech'] as const
