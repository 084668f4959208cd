import type { DetailOf, QuestionOf } from '~/domain/kinds'
import { useT } from '~/i18n/react'
import { Text } from '../questions/texts'
import { PerspectivesVerdict } from './attribution'
import type { KindView } from './view'

export const framingPairView: KindView<QuestionOf<'framing-pair'>, DetailOf<'framing-pair'>> = {
  Input: function FramingPairInput({ question, mode, uiLang }) {
    const t = useT()
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
              <select id={`side-${i}`} name={`side-${i}`} defaultValue="">
                <option value="">{t.chooseOne}</option>
                {question.options.map((p) => (
                  <option key={p} value={p}>
                    {t.perspectiveNames[p] ?? p}
                  </option>
                ))}
              </select>
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
