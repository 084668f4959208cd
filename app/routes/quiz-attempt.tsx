import { redirect, useNavigation } from 'react-router'
import type { Route } from './+types/quiz-attempt'
import { BilingualText } from '~/components/card-view'
import { QuizCountdown } from '~/components/quiz-countdown'
import { QUESTION_FORM_ID, QuestionForm } from '~/components/questions/question-form'
import { describeResponse, gradeResponse } from '~/domain/questions'
import { nextQuestionPosition } from '~/domain/quiz'
import { useLang, useT } from '~/i18n/react'
import { getDb } from '~/utils/db.server'
import { getSettings } from '~/data/settings.server'
import { requireOwnAttempt } from '~/utils/access.server'
import { attemptAnswers, quizQuestionAt, recordQuizAnswer } from '~/data/quiz.server'
import { composeResponse, formFields } from '~/utils/review-input.server'
import { failure } from '~/utils/http-errors.server'
import { pageTitle } from '~/i18n/meta'
import { RouteErrorBoundary } from '~/components/error-page'

export async function loader({ context, params }: Route.LoaderArgs) {
  const { user, attempt } = await requireOwnAttempt(context, params.attemptId)
  const db = getDb()
  const now = Date.now()
  const answered = new Set((await attemptAnswers(db, attempt.id)).map((a) => a.position))
  const position = nextQuestionPosition(answered, attempt.itemIds.length)
  if (position === null || attempt.finishedAt !== null || (attempt.deadline !== null && now > attempt.deadline)) {
    throw redirect(`/quiz/${attempt.id}/result`)
  }
  const asked = await quizQuestionAt(db, attempt, position)
  const settings = await getSettings(db, user.id)
  return {
    attemptId: attempt.id,
    position,
    total: attempt.itemIds.length,
    msLeft: attempt.deadline === null ? null : Math.max(0, attempt.deadline - now),
    timeLimitMinutes: attempt.config.timeLimitMinutes,
    prompt: asked?.item.prompt ?? { en: '(retired item)', zh: '（已停用条目）' },
    question: asked?.question ?? ({ kind: 'typed' } as const),
    cardLanguage: settings.cardLanguage,
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { attempt } = await requireOwnAttempt(context, params.attemptId)
  const db = getDb()
  const now = Date.now()
  const read = formFields(await request.formData())
  if (!read.ok) return failure('errorBadForm', 400, read.error)
  const position = Number(read.fields.position)
  if (!Number.isInteger(position) || position < 0 || position >= attempt.itemIds.length) {
    return failure('errorBadForm', 400, `position: must be a question number from 0 to ${attempt.itemIds.length - 1}`)
  }
  const response = (composeResponse(read.fields) ?? '').slice(0, 2000)
  if (attempt.finishedAt === null && (attempt.deadline === null || now <= attempt.deadline)) {
    const asked = await quizQuestionAt(db, attempt, position)
    const verdict = asked ? gradeResponse(asked.asked, asked.question, response) : null
    const meaning = asked && verdict ? describeResponse(asked.asked, asked.question, verdict) : null
    await recordQuizAnswer(db, attempt, position, response, { correct: verdict?.correct ?? false, meaning }, now)
  }
  const last = position === attempt.itemIds.length - 1
  return redirect(last ? `/quiz/${attempt.id}/result` : `/quiz/${attempt.id}`)
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.quizQuestionTitle)
}

export const ErrorBoundary = RouteErrorBoundary

export default function QuizAttempt({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const navigation = useNavigation()
  const { attemptId, position, total, question, prompt, cardLanguage, msLeft, timeLimitMinutes } = loaderData
  return (
    <div className="study">
      <div className="quiz-head">
        <h1 className="study-title">{t.quizQuestionOf(position + 1, total)}</h1>
        {msLeft !== null && timeLimitMinutes !== null ? (
          <QuizCountdown msLeft={msLeft} timeLimitMinutes={timeLimitMinutes} resultUrl={`/quiz/${attemptId}/result`} />
        ) : null}
      </div>
      <progress className="quiz-progress" max={total} value={position} aria-label={t.quizQuestionOf(position + 1, total)} />
      {actionData && 'message' in actionData ? (
        <p role="alert" className="error">
          {t[actionData.message]}
        </p>
      ) : null}
      <article className="card" aria-label={t.question}>
        <BilingualText text={prompt} mode={cardLanguage} uiLang={lang} as="h2" className="prompt" />
        <QuestionForm key={position} question={question} hidden={{ position: String(position) }} mode={cardLanguage} uiLang={lang} />
      </article>
      <div className="bottom-bar">
        <button type="submit" form={QUESTION_FORM_ID} className="button primary reveal" disabled={navigation.state !== 'idle'}>
          {position === total - 1 ? t.quizFinish : t.quizNext}
        </button>
      </div>
    </div>
  )
}
