/**
 * The settings form that puts FSRS parameters back in force: the defaults, or one of the learner's own
 * adopted sets by id. Parameters themselves are never taken from a form (strict: any other field is refused).
 */
import { z } from 'zod'
import { msg } from '~/i18n/keys'

export const FSRS_PARAMETERS_INTENT = 'fsrs-parameters'

export const parametersFormSchema = z.strictObject({
  intent: z.literal(FSRS_PARAMETERS_INTENT),
  parameters: z.union([z.literal('default', { error: msg('errorParameters') }), z.uuid({ error: msg('errorParameters') })], {
    error: msg('errorParameters'),
  }),
})
