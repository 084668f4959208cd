import type { Question, Verdict } from '~/domain/questions'
import type { Lang } from '~/i18n'
import { useT } from '~/i18n/react'
import type { CardLanguage } from '../card-view'
import { Text } from './texts'

/** What the learner answered against what was expected, per kind, with the differences marked. */
export function VerdictView({ question, verdict, mode, uiLang }: { question: Question; verdict: Verdict; mode: CardLanguage; uiLang: Lang }) {
  const t = useT()
  const d = verdict.detail
  return (
    <section className={`verdict ${verdict.correct ? 'is-correct' : 'is-wrong'}`} aria-live="polite">
      <p className="verdict-title">{verdict.correct ? `✓ ${t.correctFeedback}` : `✗ ${t.wrongFeedback}`}</p>
      {d.kind === 'typed' && question.kind !== 'flip' ? (
        <dl>
          <dt>{t.youAnswered}</dt>
          <dd>{d.typed || t.noAnswer}</dd>
          {!verdict.correct ? (
            <>
              <dt>{t.expectedAnswer}</dt>
              <dd>{d.closest}</dd>
              <dd className="diff" aria-label={t.differences}>
                {d.diff.map((part, i) =>
                  part.kind === 'same' ? <span key={i}>{part.text}</span> : part.kind === 'missing' ? <ins key={i}>{part.text}</ins> : <del key={i}>{part.text}</del>,
                )}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {d.kind === 'choice' && question.kind === 'choice' ? (
        <dl>
          <dt>{t.youAnswered}</dt>
          <dd>{d.chosen === null ? t.noAnswer : <Text text={question.options[d.chosen]!} mode={mode} uiLang={uiLang} />}</dd>
          {!verdict.correct ? (
            <>
              <dt>{t.expectedAnswer}</dt>
              <dd><Text text={question.options[d.correctIndex]!} mode={mode} uiLang={uiLang} /></dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {d.kind === 'true-false' ? (
        <dl>
          <dt>{t.youAnswered}</dt>
          <dd>{d.chosen === null ? t.noAnswer : d.chosen ? t.trueLabel : t.falseLabel}</dd>
          <dt>{t.expectedAnswer}</dt>
          <dd>{d.truth ? t.trueLabel : t.falseLabel}</dd>
        </dl>
      ) : null}
      {d.kind === 'ordering' && question.kind === 'ordering' ? (
        <>
          <p className="verdict-sub">{t.correctOrder}</p>
          <ol className="verdict-list">
            {d.correctOrder.map((displayIndex, pos) => (
              <li key={displayIndex} className={d.given[pos] === displayIndex ? 'right' : 'wrong'}>
                <Text text={question.events[displayIndex]!} mode={mode} uiLang={uiLang} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {d.kind === 'matching' && question.kind === 'matching' ? (
        <ul className="verdict-list">
          {question.lefts.map((l, i) => (
            <li key={i} className={d.given[i] === d.correctRights[i] ? 'right' : 'wrong'}>
              <Text text={l} mode={mode} uiLang={uiLang} /> → <Text text={question.rights[d.correctRights[i]!]!} mode={mode} uiLang={uiLang} />
            </li>
          ))}
        </ul>
      ) : null}
      {d.kind === 'perspectives' ? (
        <dl>
          <dt>{t.youAnswered}</dt>
          <dd>{d.given.map((p) => (p ? t.perspectiveNames[p] : t.noAnswer)).join(' · ')}</dd>
          <dt>{t.expectedAnswer}</dt>
          <dd>{d.expected.map((p) => t.perspectiveNames[p]).join(' · ')}</dd>
        </dl>
      ) : null}
    </section>
  )
}
