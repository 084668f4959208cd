/**
 * Under a card while studying: its info, bury and suspend, and a problem report. Plain forms posting to the
 * card's page (/cards/:itemId), which returns to `next`, so all of it works without JavaScript.
 */
import { Form } from 'react-router'
import type { CardInfo } from '~/data/holds.server'
import { FLAG_NOTE_MAX, FLAG_REASONS } from '~/domain/flag-reasons'
import { useT } from '~/i18n/react'
import { CardInfoView, HoldBadges } from './card-info'

export function cardPath(itemId: string): string {
  return `/cards/${encodeURIComponent(itemId)}`
}

export function HoldButton({
  itemId,
  intent,
  next,
  label,
  className = 'secondary small',
}: {
  itemId: string
  intent: 'suspend' | 'unsuspend' | 'bury' | 'unbury'
  next: string
  label: string
  className?: string
}) {
  return (
    <Form method="post" action={cardPath(itemId)} className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="next" value={next} />
      <button type="submit" className={className}>
        {label}
      </button>
    </Form>
  )
}

/**
 * The report form under a studied card: plain HTML checks only, so the study page ships no schema library
 * (the server checks with the card page's zod schema; its page shows any error beside the fields).
 */
export function QuickFlagForm({ itemId, next }: { itemId: string; next: string }) {
  const t = useT()
  const id = `flag-${itemId}`
  return (
    <Form method="post" action={cardPath(itemId)} className="flag-form">
      <input type="hidden" name="intent" value="flag" />
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t.flagReason}</label>
        <select id={`${id}-reason`} name="reason" required defaultValue="">
          <option value="" disabled>
            —
          </option>
          {FLAG_REASONS.map((r) => (
            <option key={r} value={r}>
              {t.flagReasons[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t.flagNote}</label>
        <textarea id={`${id}-note`} name="note" maxLength={FLAG_NOTE_MAX} rows={3} />
      </div>
      <button type="submit" className="secondary">
        {t.flagSend}
      </button>
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
        <QuickFlagForm itemId={itemId} next={next} />
      </details>
    </div>
  )
}
