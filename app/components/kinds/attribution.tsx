import type { DetailOf, QuestionOf } from '~/domain/kinds'
import { useT } from '~/i18n/react'
import { Text } from '../questions/texts'
import { Choices } from './choices'
import type { KindView } from './view'

/** The perspective given for each statement against the right one (attribution and framing pairs). */
export function PerspectivesVerdict({ detail }: { detail: DetailOf<'attribution'> }) {
  const t = useT()
  return (
    <dl>
      <dt>{t.youAnswered}</dt>
      <dd>{detail.given.map((p) => (p ? t.perspectiveNames[p] : t.noAnswer)).join(' · ')}</dd>
      <dt>{t.expectedAnswer}</dt>
      <dd>{detail.expected.map((p) => t.perspectiveNames[p]).join(' · ')}</dd>
    </dl>
  )
}

export const attributionView: KindView<QuestionOf<'attribution'>, DetailOf<'attribution'>> = {
  Input: function AttributionInput({ question, mode, uiLang }) {
    const t = useT()
    return (
      <>
        <blockquote className="statement"><Text text={question.statement} mode={mode} uiLang={uiLang} /></blockquote>
        <Choices name="response" legend={t.whoSaysIt} options={question.options.map((p) => ({ value: p, label: t.perspectiveNames[p] ?? p }))} />
      </>
    )
  },
  Verdict: ({ detail }) => <PerspectivesVerdict detail={detail} />,
}
