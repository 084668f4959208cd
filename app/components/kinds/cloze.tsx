import type { DetailOf, QuestionOf } from '~/domain/kinds'
import { useT } from '~/i18n/react'
import { Text } from '../questions/texts'
import { TypedVerdict } from './typed'
import type { KindView } from './view'

export const clozeView: KindView<QuestionOf<'cloze'>, DetailOf<'cloze'>> = {
  Input: function ClozeInput({ question, mode, uiLang }) {
    const t = useT()
    return (
      <p className="cloze">
        <Text text={question.before} mode={mode} uiLang={uiLang} />
        <label className="visually-hidden" htmlFor="cloze-answer">
          {t.yourAnswer}
        </label>
        <input id="cloze-answer" name="response" autoFocus className="cloze-input" autoComplete="off" maxLength={200} enterKeyHint="done" />
        <Text text={question.after} mode={mode} uiLang={uiLang} />
      </p>
    )
  },
  Verdict: ({ question, detail, correct, mode, uiLang }) => (
    <>
      {/* The sentence stays on screen, its gap shown as a blank: the answer is given below. */}
      <p className="cloze">
        <Text text={question.before} mode={mode} uiLang={uiLang} />
        <span className="cloze-gap" aria-hidden="true">
          ＿＿＿
        </span>
        <Text text={question.after} mode={mode} uiLang={uiLang} />
      </p>
      <TypedVerdict detail={detail} correct={correct} mode={mode} uiLang={uiLang} />
    </>
  ),
}
