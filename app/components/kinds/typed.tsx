import type { DetailOf, QuestionOf } from '~/domain/kinds'
import { useT } from '~/i18n/react'
import type { KindView } from './view'

/** A typed text against the nearest accepted form (typed and cloze cards). */
export function TypedVerdict({ detail, correct }: { detail: DetailOf<'typed'>; correct: boolean }) {
  const t = useT()
  return (
    <dl>
      <dt>{t.youAnswered}</dt>
      <dd>{detail.typed || t.noAnswer}</dd>
      {!correct ? (
        <>
          <dt>{t.expectedAnswer}</dt>
          <dd>{detail.closest}</dd>
          <dd className="diff" aria-label={t.differences}>
            {detail.diff.map((part, i) =>
              part.kind === 'same' ? <span key={i}>{part.text}</span> : part.kind === 'missing' ? <ins key={i}>{part.text}</ins> : <del key={i}>{part.text}</del>,
            )}
          </dd>
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
        <input id="typed-answer" name="response" autoComplete="off" autoCapitalize="off" spellCheck={false} maxLength={500} enterKeyHint="done" />
      </div>
    )
  },
  Verdict: ({ detail, correct }) => <TypedVerdict detail={detail} correct={correct} />,
}
