/**
 * Under a card while studying: its info, bury and suspend, and a problem report. Plain forms posting to the
 * card's page (/cards/:itemId), which returns to `next`, so all of it works without JavaScript.
 */
import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from 'react-router'
import { Field } from '~/components/field'
import type { CardInfo } from '~/data/holds.server'
import { cardActionSchema, FLAG_NOTE_MAX, FLAG_REASONS } from '~/domain/card-forms'
import { useT } from '~/i18n/react'
import { CardInfoView, HoldBadges } from './card-info'

export function cardPath(itemId: string): string {
  return `/cards/${encodeURIComponent(itemId)}`
}

export function HoldButton({ itemId, intent, next, label, className = 'secondary small' }: { itemId: string; intent: 'suspend' | 'unsuspend' | 'bury' | 'unbury'; next: string; label: string; className?: string }) {
  return (
    <Form method="post" action={cardPath(itemId)} className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="next" value={next} />
      <button type="submit" className={className}>{label}</button>
    </Form>
  )
}

export function FlagForm({ itemId, next, lastResult }: { itemId: string; next: string; lastResult?: SubmissionResult<string[]> | null }) {
  const t = useT()
  const [form, fields] = useForm({
    id: `flag-${itemId}`,
    lastResult,
    constraint: getZodConstraint(cardActionSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cardActionSchema }),
  })
  return (
    <Form method="post" action={cardPath(itemId)} {...getFormProps(form)} noValidate className="flag-form">
      <input type="hidden" name="intent" value="flag" />
      <input type="hidden" name="next" value={next} />
      <Field meta={fields.reason} label={t.flagReason}>
        {(d) => (
          <select {...getSelectProps(fields.reason)} aria-describedby={d} defaultValue="">
            <option value="" disabled>—</option>
            {FLAG_REASONS.map((r) => (
              <option key={r} value={r}>{t.flagReasons[r]}</option>
            ))}
          </select>
        )}
      </Field>
      <Field meta={fields.note} label={t.flagNote}>
        {(d) => <textarea {...getTextareaProps(fields.note)} maxLength={FLAG_NOTE_MAX} rows={3} aria-describedby={d} />}
      </Field>
      <button type="submit" className="secondary">{t.flagSend}</button>
    </Form>
  )
}

/** The study page's block under the card. */
export function CardTools({ itemId, info, timeZone, next }: { itemId: string; info: CardInfo; timeZone: string; next: string }) {
  const t = useT()
  return (
    <div className="card-tools">
      <details>
        <summary>{t.cardInfoTitle}</summary>
        <HoldBadges info={info} timeZone={timeZone} />
        <CardInfoView info={info} timeZone={timeZone} />
        <div className="button-row">
          <HoldButton itemId={itemId} intent="bury" next={next} label={t.buryCard} />
          <HoldButton itemId={itemId} intent="suspend" next={next} label={t.suspendCard} />
        </div>
      </details>
      <details>
        <summary>{t.flagTitle}</summary>
        <FlagForm itemId={itemId} next={next} />
      </details>
    </div>
  )
}
