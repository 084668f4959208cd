/**
 * The settings form's schema, shared by the browser (instant feedback) and the server (the real check).
 * Error messages are i18n keys, translated where they are shown.
 */
import { z } from 'zod'
import { LEECH_THRESHOLD } from './holds'
import { isValidTimeZone } from './study-day'
import { msg } from '~/i18n/keys'
import { parametersFormSchema } from './fsrs-parameters-form'

export const settingsSchema = z.object({
  desiredRetention: z
    .number({ error: msg('errorRetention') })
    .min(0.7, msg('errorRetention'))
    .max(0.99, msg('errorRetention')),
  newPerDay: z
    .number({ error: msg('errorNewPerDay') })
    .int(msg('errorNewPerDay'))
    .min(0, msg('errorNewPerDay'))
    .max(500, msg('errorNewPerDay')),
  maxReviewsPerDay: z
    .number({ error: msg('errorMaxReviews') })
    .int(msg('errorMaxReviews'))
    .min(0, msg('errorMaxReviews'))
    .max(5000, msg('errorMaxReviews')),
  // Optional so an older form without the field leaves the learner's threshold as it is.
  leechThreshold: z
    .number({ error: msg('errorLeechThreshold') })
    .int(msg('errorLeechThreshold'))
    .min(LEECH_THRESHOLD.min, msg('errorLeechThreshold'))
    .max(LEECH_THRESHOLD.max, msg('errorLeechThreshold'))
    .optional(),
  uiLanguage: z.enum(['en', 'zh-Hans'], { error: msg('errorChoice') }),
  cardLanguage: z.enum(['en', 'zh', 'both'], { error: msg('errorChoice') }),
  timeZone: z
    .string({ error: msg('errorTimeZone') })
    .max(64, msg('errorTimeZone'))
    .refine(isValidTimeZone, msg('errorTimeZone')),
})

export type SettingsInput = z.infer<typeof settingsSchema>

/**
 * The settings page's two forms, parsed by one schema discriminated on `intent`. The settings form has no intent
 * field (older pages and scripts post without one), so its intent may be absent.
 */
export const settingsActionSchema = z.discriminatedUnion(
  'intent',
  [settingsSchema.extend({ intent: z.literal('save-settings').optional() }), parametersFormSchema],
  {
    error: msg('errorUnknownIntent'),
  },
)
