import { Form } from 'react-router'
import type { Question } from '~/domain/questions'
import type { Lang } from '~/i18n'
import { useT } from '~/i18n/react'
import type { CardLanguage } from '../card-view'
import { MatchingInput } from './matching-input'
import { OrderingInput } from './ordering-input'
import { Text } from './texts'

export const QUESTION_FORM_ID = 'question-form'

/**
 * The answering side of every interactive kind, as one form. Its submit button lives in the bottom bar
 * (form="question-form"), in thumb reach like the reveal button.
 */
export function QuestionForm({ question, hidden, action, mode, uiLang }: { question: Question; hidden: Record<string, string>; action?: string; mode: CardLanguage; uiLang: Lang }) {
  const t = useT()
  return (
    <Form method="post" action={action} id={QUESTION_FORM_ID} className="question-form" preventScrollReset>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <QuestionInputs question={question} mode={mode} uiLang={uiLang} t={t} />
    </Form>
  )
}

function Choices({ name, legend, options }: { name: string; legend: string; options: Array<{ value: string; label: React.ReactNode }> }) {
  return (
    <fieldset className="choices">
      <legend className="visually-hidden">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input type="radio" name={name} value={o.value} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  )
}

function QuestionInputs({ question, mode, uiLang, t }: { question: Question; mode: CardLanguage; uiLang: Lang; t: ReturnType<typeof useT> }) {
  switch (question.kind) {
    case 'flip':
      return null
    case 'typed':
      return (
        <div className="field">
          <label htmlFor="typed-answer">{t.yourAnswer}</label>
          <input id="typed-answer" name="response" autoComplete="off" autoCapitalize="off" spellCheck={false} maxLength={500} enterKeyHint="done" />
        </div>
      )
    case 'cloze':
      return (
        <p className="cloze">
          <Text text={question.before} mode={mode} uiLang={uiLang} />
          <label className="visually-hidden" htmlFor="cloze-answer">{t.yourAnswer}</label>
          <input id="cloze-answer" name="response" className="cloze-input" autoComplete="off" maxLength={200} enterKeyHint="done" />
          <Text text={question.after} mode={mode} uiLang={uiLang} />
        </p>
      )
    case 'choice':
      return <Choices name="response" legend={t.yourAnswer} options={question.options.map((o, i) => ({ value: String(i), label: <Text text={o} mode={mode} uiLang={uiLang} /> }))} />
    case 'true-false':
      return (
        <>
          <blockquote className="statement"><Text text={question.statement} mode={mode} uiLang={uiLang} /></blockquote>
          <Choices name="response" legend={t.isItTrue} options={[{ value: 'true', label: t.trueLabel }, { value: 'false', label: t.falseLabel }]} />
        </>
      )
    case 'attribution':
      return (
        <>
          <blockquote className="statement"><Text text={question.statement} mode={mode} uiLang={uiLang} /></blockquote>
          <Choices name="response" legend={t.whoSaysIt} options={question.options.map((p) => ({ value: p, label: t.perspectiveNames[p] ?? p }))} />
        </>
      )
    case 'framing-pair':
      return (
        <div className="framing-pair">
          <p className="help">{t.whichIsWhose}</p>
          {question.sides.map((side, i) => (
            <div key={i} className="side">
              <blockquote className="statement"><Text text={side} mode={mode} uiLang={uiLang} /></blockquote>
              <div className="field">
                <label htmlFor={`side-${i}`}>{t.sideLabel(i + 1)}</label>
                <select id={`side-${i}`} name={`side-${i}`} defaultValue="">
                  <option value="">{t.chooseOne}</option>
                  {question.options.map((p) => (
                    <option key={p} value={p}>{t.perspectiveNames[p] ?? p}</option>
                  ))}
                </select>
              </div>
            </div>
          ))}
        </div>
      )
    case 'ordering':
      return <OrderingInput events={question.events} mode={mode} uiLang={uiLang} />
    case 'matching':
      return <MatchingInput lefts={question.lefts} rights={question.rights} mode={mode} uiLang={uiLang} />
  }
}
