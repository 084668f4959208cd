/**
 * The settings form's schema, shared by the browser (instant feedback) and the server (the real check).
 * Error messages are i18n keys, translated where they are shown.
 */
import { z } from 'zod'
import { LEECH_THRESHOLD } from './holds'
import { isValidTimeZone } from './study-day'

export const settingsSchema = z.object({
  desiredRetention: z.number({ error: 'errorRetention' }).min(0.7, 'errorRetention').max(0.99, 'errorRetention'),
  newPerDay: z.number({ error: 'errorNewPerDay' }).int('errorNewPerDay').min(0, 'errorNewPerDay').max(500, 'errorNewPerDay'),
  maxReviewsPerDay: z.number({ error: 'errorMaxReviews' }).int('errorMaxReviews').min(0, 'errorMaxReviews').max(5000, 'errorMaxReviews'),
  // Optional so an older form without the field leaves the learner's threshold as it is.
  leechThreshold: z.number({ error: 'errorLeechThreshold' }).int('errorLeechThreshold').min(LEECH_THRESHOLD.min, 'errorLeechThreshold').max(LEECH_THRESHOLD.max, 'errorLeechThreshold').optional(),
  uiLanguage: z.enum(['en', 'zh-Hans'], { error: 'errorChoice' }),
  cardLanguage: z.enum(['en', 'zh', 'both'], { error: 'errorChoice' }),
  timeZone: z.string({ error: 'errorTimeZone' }).max(64, 'errorTimeZone').refine(isValidTimeZone, 'errorTimeZone'),
})

export type SettingsInput = z.infer<typeof settingsSchema>
