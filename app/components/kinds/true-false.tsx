import type { DetailOf, QuestionOf } from '~/domain/kinds'
import { useT } from '~/i18n/react'
import { Text } from '../questions/texts'
import { Choices } from './choices'
import type { KindView } from './view'

export const trueFalseView: KindView<QuestionOf<'true-false'>, DetailOf<'true-false'>> = {
  Input: function TrueFalseInput({ question, mode, uiLang }) {
    const t = useT()
    return (
      <>
        <blockquote className="statement"><Text text={question.statement} mode={mode} uiLang={uiLang} /></blockquote>
        <Choices name="response" legend={t.isItTrue} options={[{ value: 'true', label: t.trueLabel }, { value: 'false', label: t.falseLabel }]} />
      </>
    )
  },
  Verdict: function TrueFalseVerdict({ detail }) {
    const t = useT()
    return (
      <dl>
        <dt>{t.youAnswered}</dt>
        <dd>{detail.chosen === null ? t.noAnswer : detail.chosen ? t.trueLabel : t.falseLabel}</dd>
        <dt>{t.expectedAnswer}</dt>
        <dd>{detail.truth ? t.trueLabel : t.falseLabel}</dd>
      </dl>
    )
  },
}
