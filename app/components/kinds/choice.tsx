import type { DetailOf, QuestionOf } from '~/domain/kinds'
import { useT } from '~/i18n/react'
import { Text } from '../questions/texts'
import { Choices } from './choices'
import type { KindView } from './view'
import { OptionsVerdict } from './options-verdict'

export const choiceView: KindView<QuestionOf<'choice'>, DetailOf<'choice'>> = {
  Input: function ChoiceInput({ question, mode, uiLang }) {
    const t = useT()
    return (
      <Choices
        name="response"
        legend={t.yourAnswer}
        options={question.options.map((o, i) => ({ value: String(i), label: <Text text={o} mode={mode} uiLang={uiLang} /> }))}
      />
    )
  },
  Verdict: function ChoiceVerdict({ question, detail, mode, uiLang }) {
    const t = useT()
    return (
      <OptionsVerdict
        options={question.options.map((o) => (
          <Text text={o} mode={mode} uiLang={uiLang} />
        ))}
        chosen={detail.chosen}
        right={detail.correctIndex}
        noAnswer={detail.chosen === null ? t.noAnswer : null}
      />
    )
  },
}
