import type { DetailOf, QuestionOf } from '~/domain/kinds'
import { useT } from '~/i18n/react'
import { Text } from '../questions/texts'
import { Choices } from './choices'
import type { KindView } from './view'
import { OptionsVerdict } from './options-verdict'

export const trueFalseView: KindView<QuestionOf<'true-false'>, DetailOf<'true-false'>> = {
  Input: function TrueFalseInput({ question, mode, uiLang }) {
    const t = useT()
    return (
      <>
        <blockquote className="statement">
          <Text text={question.statement} mode={mode} uiLang={uiLang} />
        </blockquote>
        <Choices
          name="response"
          legend={t.isItTrue}
          options={[
            { value: 'true', label: t.trueLabel },
            { value: 'false', label: t.falseLabel },
          ]}
        />
      </>
    )
  },
  Verdict: function TrueFalseVerdict({ question, detail, mode, uiLang }) {
    const t = useT()
    const chosen = detail.chosen === null ? null : detail.chosen ? 0 : 1
    return (
      <>
        <blockquote className="statement">
          <Text text={question.statement} mode={mode} uiLang={uiLang} />
        </blockquote>
        <OptionsVerdict
          options={[t.trueLabel, t.falseLabel]}
          chosen={chosen}
          right={detail.truth ? 0 : 1}
          noAnswer={detail.chosen === null ? t.noAnswer : null}
        />
      </>
    )
  },
}
