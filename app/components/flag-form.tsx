/** The report form on a card's page, checked with the card page's schema in the browser (Conform) and on the server. */
import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from 'react-router'
import { Field } from '~/components/field'
import { cardActionSchema, FLAG_NOTE_MAX, FLAG_REASONS } from '~/domain/card-forms'
import { useT } from '~/i18n/react'
import { cardPath } from './card-tools'
import { formTiming } from './form-timing'

export function FlagForm({ itemId, next, lastResult }: { itemId: string; next: string; lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT()
  const [form, fields] = useForm({
    id: `flag-${itemId}`,
    lastResult,
    constraint: getZodConstraint(cardActionSchema),
    ...formTiming,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cardActionSchema }),
  })
  return (
    <Form method="post" action={cardPath(itemId)} {...getFormProps(form)} noValidate className="flag-form">
      <input type="hidden" name="intent" value="flag" />
      <input type="hidden" name="next" value={next} />
      <Field meta={fields.reason} label={t.flagReason}>
        {(d) => (
          <select {...getSelectProps(fields.reason)} aria-describedby={d} defaultValue="">
            <option value="" disabled>
              —
            </option>
            {FLAG_REASONS.map((r) => (
              <option key={r} value={r}>
                {t.flagReasons[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field meta={fields.note} label={t.flagNote}>
        {(d) => <textarea {...getTextareaProps(fields.note)} maxLength={FLAG_NOTE_MAX} rows={3} aria-describedby={d} />}
      </Field>
      <button type="submit" className="secondary">
        {t.flagSend}
      </button>
    </Form>
  )
}
