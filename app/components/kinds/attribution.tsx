import type { DetailOf, QuestionOf } from '~/domain/kinds'
import type { Bilingual } from '~/domain/content/fields'
import type { Lang } from '~/i18n'
import { useT } from '~/i18n/react'
import type { CardLanguage } from '../card-view'
import { Text } from '../questions/texts'
import { Choices } from './choices'
import type { KindView } from './view'

/**
 * Each statement stays on screen after Check, with the perspective given for it against the right one
 * (attribution: one statement; framing pairs: both sides, in the order shown).
 */
export function PerspectivesVerdict({
  statements,
  detail,
  mode,
  uiLang,
}: {
  statements: Bilingual[]
  detail: DetailOf<'attribution'>
  mode: CardLanguage
  uiLang: Lang
}) {
  const t = useT()
  return (
    <>
      {statements.map((statement, i) => {
        const given = detail.given[i] ?? null
        const expected = detail.expected[i]!
        return (
          <div key={i} className="verdict-side">
            <blockquote className="statement">
              <Text text={statement} mode={mode} uiLang={uiLang} />
            </blockquote>
            <dl>
              <dt>{t.youAnswered}</dt>
              <dd className={given === expected ? 'right' : 'wrong'}>{given ? t.perspectiveNames[given] : t.noAnswer}</dd>
              {given !== expected ? (
                <>
                  <dt>{t.expectedAnswer}</dt>
                  <dd>{t.perspectiveNames[expected]}</dd>
                </>
              ) : null}
            </dl>
          </div>
        )
      })}
    </>
  )
}

export const attributionView: KindView<QuestionOf<'attribution'>, DetailOf<'attribution'>> = {
  Input: function AttributionInput({ question, mode, uiLang }) {
    const t = useT()
    return (
      <>
        <blockquote className="statement">
          <Text text={question.statement} mode={mode} uiLang={uiLang} />
        </blockquote>
        <Choices
          name="response"
          legend={t.whoSaysIt}
          options={question.options.map((p) => ({ value: p, label: t.perspectiveNames[p] ?? p }))}
        />
      </>
    )
  },
  Verdict: ({ question, detail, mode, uiLang }) => (
    <PerspectivesVerdict statements={[question.statement]} detail={detail} mode={mode} uiLang={uiLang} />
  ),
}
