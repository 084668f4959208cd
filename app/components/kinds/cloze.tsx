import type { ReactNode } from 'react'
import type { DetailOf, QuestionOf } from '~/domain/kinds'
import type { Lang } from '~/i18n'
import { useT } from '~/i18n/react'
import type { CardLanguage } from '../card-view'
import { Text } from '../questions/texts'
import { TypedVerdict } from './typed'
import type { KindView } from './view'

type ClozeQuestion = QuestionOf<'cloze'>

/**
 * The sentence around its gap, in the card language. With both languages, each is a sentence of its own: the
 * interface language's holds `gap` (the answer box), the other follows whole with a blank. Set inline side by side,
 * the halves of the two sentences mixed around one box ("… on 高市政权成立后… [ ] . 在吉隆坡…").
 */
function ClozeSentence({ question, mode, uiLang, gap }: { question: ClozeQuestion; mode: CardLanguage; uiLang: Lang; gap: ReactNode }) {
  const { before, after } = question
  const first = mode === 'both' ? (uiLang === 'zh-Hans' ? 'zh' : 'en') : mode
  const other = mode === 'both' ? (first === 'en' ? 'zh' : 'en') : null
  return (
    <>
      <p className="cloze">
        <Text text={before} mode={first} uiLang={uiLang} />
        {gap}
        <Text text={after} mode={first} uiLang={uiLang} />
      </p>
      {other ? (
        <p className="secondary-text">
          <Text text={before} mode={other} uiLang={uiLang} />
          {blank}
          <Text text={after} mode={other} uiLang={uiLang} />
        </p>
      ) : null}
    </>
  )
}

/** The gap as a blank, where the sentence is read, not answered. */
const blank = (
  <span className="cloze-gap" aria-hidden="true">
    ＿＿＿
  </span>
)

export const clozeView: KindView<ClozeQuestion, DetailOf<'cloze'>> = {
  Input: function ClozeInput({ question, mode, uiLang }) {
    const t = useT()
    const input = (
      <>
        <label className="visually-hidden" htmlFor="cloze-answer">
          {t.yourAnswer}
        </label>
        <input id="cloze-answer" name="response" autoFocus className="cloze-input" autoComplete="off" maxLength={200} enterKeyHint="done" />
      </>
    )
    return <ClozeSentence question={question} mode={mode} uiLang={uiLang} gap={input} />
  },
  Verdict: ({ question, detail, correct, mode, uiLang }) => (
    <>
      {/* The sentence stays on screen, its gap shown as a blank: the answer is given below. */}
      <ClozeSentence question={question} mode={mode} uiLang={uiLang} gap={blank} />
      <TypedVerdict detail={detail} correct={correct} mode={mode} uiLang={uiLang} />
    </>
  ),
}
