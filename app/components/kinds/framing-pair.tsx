import { useState } from 'react'
import type { DetailOf, QuestionOf } from '~/domain/kinds'
import { useT } from '~/i18n/react'
import { Text } from '../questions/texts'
import { PerspectivesVerdict } from './attribution'
import type { KindView } from './view'

export const framingPairView: KindView<QuestionOf<'framing-pair'>, DetailOf<'framing-pair'>> = {
  Input: function FramingPairInput({ question, mode, uiLang, requireComplete = false, given }) {
    const t = useT()
    // A side the server refused as blank, or the browser found blank on Check, says so under its select.
    const [missing, setMissing] = useState<boolean[]>(() => question.sides.map((_, i) => given !== undefined && !given[i]))
    const mark = (i: number, value: boolean) => setMissing((m) => m.map((v, j) => (j === i ? value : v)))
    return (
      <div className="framing-pair">
        <p className="help">{t.whichIsWhose}</p>
        {question.sides.map((side, i) => (
          <div key={i} className="side">
            <blockquote className="statement">
              <Text text={side} mode={mode} uiLang={uiLang} />
            </blockquote>
            <div className="field">
              <label htmlFor={`side-${i}`}>{t.sideLabel(i + 1)}</label>
              <select
                id={`side-${i}`}
                name={`side-${i}`}
                defaultValue={given?.[i] ?? ''}
                required={requireComplete}
                aria-invalid={missing[i] || undefined}
                aria-describedby={requireComplete ? `side-${i}-error` : undefined}
                onInvalid={(e) => {
                  // Our message, in the reserved line under the select, instead of the browser's bubble.
                  e.preventDefault()
                  mark(i, true)
                }}
                onChange={(e) => {
                  if (e.target.value) mark(i, false)
                }}
              >
                <option value="">{t.chooseOne}</option>
                {question.options.map((p) => (
                  <option key={p} value={p}>
                    {t.perspectiveNames[p] ?? p}
                  </option>
                ))}
              </select>
              {requireComplete ? (
                <p className="field-error side-error" id={`side-${i}-error`} aria-live="polite">
                  {missing[i] ? t.chooseWhoseSide : ''}
                </p>
              ) : null}
            </div>
          </div>
        ))}
      </div>
    )
  },
  Verdict: ({ question, detail, mode, uiLang }) => (
    <PerspectivesVerdict statements={question.sides} detail={detail} mode={mode} uiLang={uiLang} />
  ),
}
