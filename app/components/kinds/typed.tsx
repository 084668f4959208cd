import type { DetailOf, QuestionOf } from '~/domain/kinds'
import type { Lang } from '~/i18n'
import { useT } from '~/i18n/react'
import type { CardLanguage } from '../card-view'
import { Text } from '../questions/texts'
import type { KindView } from './view'

/**
 * A typed text against what was expected (typed and cloze cards): the answer as the card writes it, and a
 * labelled character diff only where one is readable (the checker decides; see AnswerCheck.showDiff).
 */
export function TypedVerdict({
  detail,
  correct,
  mode,
  uiLang,
}: {
  detail: DetailOf<'typed'>
  correct: boolean
  mode: CardLanguage
  uiLang: Lang
}) {
  const t = useT()
  return (
    <dl>
      <dt>{t.youAnswered}</dt>
      <dd>{detail.typed || t.noAnswer}</dd>
      {detail.typos ? <dd className="typo-note">{t.typoTolerated(detail.typos.count, detail.typos.allowed)}</dd> : null}
      {!correct ? (
        <>
          <dt>{t.expectedAnswer}</dt>
          <dd>{detail.expected ? <Text text={detail.expected} mode={mode} uiLang={uiLang} /> : detail.closest}</dd>
        </>
      ) : null}
      {detail.diff.length > 0 ? (
        <>
          <dt className="diff-term">{t.differencesAgainst(detail.closest)}</dt>
          <dd className="diff">
            {detail.diff.map((part, i) =>
              part.kind === 'same' ? (
                <span key={i}>{part.text}</span>
              ) : part.kind === 'missing' ? (
                <ins key={i}>
                  <span className="visually-hidden">{t.diffMissing}</span>
                  {part.text}
                </ins>
              ) : (
                <del key={i}>
                  <span className="visually-hidden">{t.diffExtra}</span>
                  {part.text}
                </del>
              ),
            )}
          </dd>
          {/* The key to the marks, for everyone: an aria-label on a dd is ignored by most screen readers. */}
          <dd className="diff-legend">{t.differences}</dd>
        </>
      ) : null}
    </dl>
  )
}

export const typedView: KindView<QuestionOf<'typed'>, DetailOf<'typed'>> = {
  Input: function TypedInput() {
    const t = useT()
    return (
      <div className="field">
        <label htmlFor="typed-answer">{t.yourAnswer}</label>
        <input
          id="typed-answer"
          name="response"
          autoFocus
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={500}
          enterKeyHint="done"
        />
      </div>
    )
  },
  Verdict: ({ detail, correct, mode, uiLang }) => <TypedVerdict detail={detail} correct={correct} mode={mode} uiLang={uiLang} />,
}
