/**
 * The forms of a card's page (/cards/:itemId): suspend, unsuspend, bury, unbury and report a problem, as one
 * schema discriminated on `intent`. Error messages are i18n keys, translated where they are shown.
 */
import { z } from 'zod'

import { FLAG_NOTE_MAX, FLAG_REASONS } from './flag-reasons'
import { msg } from '~/i18n/keys'

export { FLAG_NOTE_MAX, FLAG_REASONS, type FlagReason } from './flag-reasons'

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
      reason: z.enum(FLAG_REASONS, { error: msg('errorFlagReason') }),
      note: z.string().trim().max(FLAG_NOTE_MAX, msg('errorFlagNote')).default(''),
    }),
  ],
  { error: msg('errorUnknownIntent') },
)

export type CardAction = z.infer<typeof cardActionSchema>

/** The card browser's filters, from the URL (anything unknown is an error, not ignored). */
export const CARD_STATUSES = ['new', 'learning', 'review', 'relearning', 'suspended', 'buried', 'leech'] as const
