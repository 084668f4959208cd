import { Form } from 'react-router'
import type { ParameterSet } from '~/data/fsrs-parameters.server'
import { FSRS_PARAMETERS_INTENT } from '~/domain/fsrs-parameters-form'
import { useLang, useT } from '~/i18n/react'

type Props = {
  inForce: string | null
  sets: ParameterSet[]
  timeZone: string
  error: 'errorParameters' | 'errorParametersNotFound' | null
}

/** The learner's FSRS parameter sets: which is in force, how well each predicted, and going back to one or to the defaults. */
export function FsrsParameters({ inForce, sets, timeZone, error }: Props) {
  const t = useT()
  const lang = useLang()
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone })
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 4 })
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 })
  const choose = (value: string, label: string, className = 'button small') => (
    <Form method="post" className="fsrs-choose">
      <input type="hidden" name="intent" value={FSRS_PARAMETERS_INTENT} />
      <input type="hidden" name="parameters" value={value} />
      <button type="submit" className={className}>
        {label}
      </button>
    </Form>
  )
  return (
    <section aria-labelledby="fsrs-title" className="fsrs-parameters">
      <h2 id="fsrs-title">{t.fsrsTitle}</h2>
      <p className="help">{t.fsrsIntro}</p>
      <p>{inForce === null ? t.fsrsInForceDefaults : t.fsrsInForceFitted}</p>
      <div role="alert">{error ? <p className="error">{t[error]}</p> : null}</div>
      {inForce !== null ? choose('default', t.fsrsUseDefaults, 'button') : null}
      {sets.length === 0 ? (
        <p className="muted">{t.fsrsNoSets}</p>
      ) : (
        <ol className="fsrs-sets">
          {sets.map((set) => (
            <li key={set.id}>
              <p>
                <strong>{date.format(set.createdAt)}</strong> · {set.kind === 'full' ? t.fsrsKindFull : t.fsrsKindPretrain}
              </p>
              <p className="muted">{t.fsrsFittedOn(set.trainReviews, set.cards, set.testReviews)}</p>
              <p>
                {t.fsrsLogLoss}: {number.format(set.logLoss)} ({t.fsrsBefore} {number.format(set.previousLogLoss)}) · {t.fsrsRmse}:{' '}
                {percent.format(set.rmseBins)} ({t.fsrsBefore} {percent.format(set.previousRmseBins)})
              </p>
              <p>
                {set.id === inForce ? <strong>{t.fsrsStatusInForce}</strong> : set.adopted ? t.fsrsStatusAdopted : t.fsrsStatusRejected}
              </p>
              {set.adopted && set.id !== inForce ? choose(set.id, t.fsrsUseThis) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
