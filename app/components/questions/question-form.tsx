import { Form } from 'react-router'
import type { Question } from '~/domain/questions'
import type { Lang } from '~/i18n'
import type { CardLanguage } from '../card-view'
import { viewFor } from '../kinds'

export const QUESTION_FORM_ID = 'question-form'

/**
 * The answering side of every interactive kind, as one form; each kind's inputs come from its UI module
 * (app/components/kinds). The submit button lives in the bottom bar (form="question-form"), in thumb reach.
 */
export function QuestionForm({
  question,
  hidden,
  action,
  mode,
  uiLang,
  requireComplete,
  given,
}: {
  question: Question
  hidden: Record<string, string>
  action?: string
  mode: CardLanguage
  uiLang: Lang
  requireComplete?: boolean
  given?: string[]
}) {
  const { Input } = viewFor(question)
  return (
    <Form method="post" action={action} id={QUESTION_FORM_ID} className="question-form" preventScrollReset>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Input question={question} mode={mode} uiLang={uiLang} requireComplete={requireComplete} given={given} />
    </Form>
  )
}
