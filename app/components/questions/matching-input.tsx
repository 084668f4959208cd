import { useState } from 'react'
import type { Lang } from '~/i18n'
import { useT } from '~/i18n/react'
import type { CardLanguage } from '../card-view'
import { plain, Text, type Bilingual } from './texts'

/**
 * Match lefts to rights. A select per left works everywhere (keyboard, no scripts); with scripts the learner
 * can also tap a left item and then its partner, listed right under it so nothing jumps away from the finger.
 * Options can be a sentence long: every control is as wide as the card, never as wide as its longest option.
 */
export function MatchingInput({
  lefts,
  rights,
  mode,
  uiLang,
}: {
  lefts: Bilingual[]
  rights: Bilingual[]
  mode: CardLanguage
  uiLang: Lang
}) {
  const t = useT()
  const [chosen, setChosen] = useState<Array<string>>(() => lefts.map(() => ''))
  const [active, setActive] = useState<number | null>(null)
  const assign = (left: number, right: string) =>
    setChosen((c) => c.map((v, i) => (i === left ? right : v === right && right !== '' ? '' : v)))
  return (
    <div className="matching">
      <p className="help" id="matching-help">
        {t.matchHelp}
      </p>
      <ul className="match-lefts">
        {lefts.map((l, i) => (
          <li key={i} className={`match-left${active === i ? ' picked' : ''}`}>
            <button
              type="button"
              className="match-chip"
              aria-pressed={active === i}
              aria-controls={active === i ? `match-rights-${i}` : undefined}
              onClick={() => setActive(active === i ? null : i)}
            >
              <Text text={l} mode={mode} uiLang={uiLang} />
            </button>
            <label className="visually-hidden" htmlFor={`match-${i}`}>
              {plain(l, mode, uiLang)}
            </label>
            <select
              id={`match-${i}`}
              name={`match-${i}`}
              value={chosen[i]}
              onChange={(e) => assign(i, e.target.value)}
              aria-describedby="matching-help"
            >
              <option value="">{t.chooseOne}</option>
              {rights.map((r, j) => (
                <option key={j} value={String(j)}>
                  {plain(r, mode, uiLang)}
                </option>
              ))}
            </select>
            {active === i ? (
              <ul className="match-rights" id={`match-rights-${i}`} aria-label={plain(l, mode, uiLang)}>
                {rights.map((r, j) => (
                  <li key={j}>
                    <button
                      type="button"
                      className="match-chip"
                      aria-pressed={chosen[i] === String(j)}
                      onClick={() => {
                        assign(i, String(j))
                        setActive(null)
                      }}
                    >
                      <Text text={r} mode={mode} uiLang={uiLang} />
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
