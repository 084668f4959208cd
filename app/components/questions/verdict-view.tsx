import type { Question, Verdict } from '~/domain/questions'
import type { Lang } from '~/i18n'
import { useT } from '~/i18n/react'
import type { CardLanguage } from '../card-view'
import { viewFor } from '../kinds'

/** Right or wrong, then what the learner answered against what was expected, as the kind shows it. */
export function VerdictView({
  question,
  verdict,
  mode,
  uiLang,
}: {
  question: Question
  verdict: Verdict
  mode: CardLanguage
  uiLang: Lang
}) {
  const t = useT()
  const { Verdict: KindVerdict } = viewFor(question)
  return (
    <section className={`verdict ${verdict.correct ? 'is-correct' : 'is-wrong'}`} aria-label={t.verdictRegion} aria-live="polite">
      <p className="verdict-title">{verdict.correct ? `✓ ${t.correctFeedback}` : `✗ ${t.wrongFeedback}`}</p>
      <KindVerdict question={question} detail={verdict.detail} correct={verdict.correct} mode={mode} uiLang={uiLang} />
    </section>
  )
}
