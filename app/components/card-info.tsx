/** A card's memory state and history ("why this card now"), and its hold badges. Plain data in, no I/O. */
import type { CardInfo } from '~/data/holds.server'
import { useLang, useT } from '~/i18n/react'

export function formatWhen(t: number, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(t))
}

export function HoldBadges({ info, timeZone }: { info: Pick<CardInfo, 'hold' | 'leech'>; timeZone: string }) {
  const t = useT()
  const lang = useLang()
  const { hold } = info
  const badges: string[] = []
  if (info.leech) badges.push(t.leechTag)
  if (hold?.suspendedAt != null) badges.push(hold.suspendedBy === 'leech' ? t.suspendedAsLeech : t.suspendedTag)
  if (hold?.buriedUntil != null && hold.buriedUntil > Date.now()) badges.push(t.buriedUntil(formatWhen(hold.buriedUntil, lang, timeZone)))
  if (badges.length === 0) return null
  return (
    <p className="badges">
      {badges.map((b) => (
        <span key={b} className="badge">
          {b}
        </span>
      ))}
    </p>
  )
}

export function CardInfoView({ info, timeZone }: { info: CardInfo; timeZone: string }) {
  const t = useT()
  const lang = useLang()
  const ratings: Record<number, string> = { 1: t.again, 2: t.hard, 3: t.good, 4: t.easy }
  if (info.reps === 0) return <p className="muted">{t.cardInfoNever}</p>
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 })
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 })
  return (
    <>
      <dl className="card-info">
        <dt>{t.cardInfoRecall}</dt>
        <dd>{info.retrievability === null ? '—' : percent.format(info.retrievability)}</dd>
        <dt>{t.cardInfoStability}</dt>
        <dd>{info.stability === null ? '—' : t.cardInfoDays(Number(number.format(info.stability)))}</dd>
        <dt>{t.cardInfoDifficulty}</dt>
        <dd>{info.difficulty === null ? '—' : number.format(info.difficulty)}</dd>
        <dt>{t.cardInfoDue}</dt>
        <dd>{info.due === null ? '—' : formatWhen(info.due, lang, timeZone)}</dd>
        <dt>{t.cardInfoAnswers}</dt>
        <dd>{info.reps}</dd>
        <dt>{t.cardInfoLapses}</dt>
        <dd>{info.lapses}</dd>
      </dl>
      <h3 className="small-heading">{t.cardInfoLastAnswers}</h3>
      <ol className="answer-history">
        {info.answers.map((a) => (
          <li key={a.at}>
            <time dateTime={new Date(a.at).toISOString()}>{formatWhen(a.at, lang, timeZone)}</time> · {ratings[a.rating] ?? a.rating}
            {a.correct === null ? null : ` · ${a.correct ? t.answerRight : t.answerWrong}`}
          </li>
        ))}
      </ol>
    </>
  )
}
