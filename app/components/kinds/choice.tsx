import type { DetailOf, QuestionOf } from '~/domain/kinds'
import { useT } from '~/i18n/react'
import { Text } from '../questions/texts'
import { Choices } from './choices'
import type { KindView } from './view'

export const choiceView: KindView<QuestionOf<'choice'>, DetailOf<'choice'>> = {
  Input: function ChoiceInput({ question, mode, uiLang }) {
    const t = useT()
    return <Choices name="response" legend={t.yourAnswer} options={question.options.map((o, i) => ({ value: String(i), label: <Text text={o} mode={mode} uiLang={uiLang} /> }))} />
  },
  Verdict: function ChoiceVerdict({ question, detail, correct, mode, uiLang }) {
    const t = useT()
    return (
      <dl>
        <dt>{t.youAnswered}</dt>
        <dd>{detail.chosen === null ? t.noAnswer : <Text text={question.options[detail.chosen]!} mode={mode} uiLang={uiLang} />}</dd>
        {!correct ? (
          <>
            <dt>{t.expectedAnswer}</dt>
            <dd><Text text={question.options[detail.correctIndex]!} mode={mode} uiLang={uiLang} /></dd>
          </>
        ) : null}
      </dl>
    )
  },
}
