import { Form, Link, redirect } from 'react-router'
import type { Route } from './+types/quiz-result'
import { BilingualText, Citation } from '~/components/card-view'
import { VerdictView } from '~/components/questions/verdict-view'
import { toCardContent } from '~/domain/card-content'
import { gradeResponse } from '~/domain/questions'
import { scorePercent, scoresByCategory } from '~/domain/quiz'
import { useLang, useT } from '~/i18n/react'
import { sourceDocs, speakers as speakerList } from '~/data/content.server'
import { getDb } from '~/utils/db.server'
import { getSettings } from '~/data/settings.server'
import { liveItem } from '~/data/questions.server'
import { requireOwnAttempt } from '~/utils/access.server'
import { attemptCategories, bestDeckFor, finishAttempt, quizQuestionAt } from '~/data/quiz.server'
import { requestReviews } from '~/data/study-queue.server'
import { failure } from '~/utils/http-errors.server'
import { pageTitle } from '~/i18n/meta'
import { RouteErrorBoundary } from '~/components/error-page'

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { user, attempt } = await requireOwnAttempt(context, params.attemptId)
  const db = getDb()
  const now = Date.now()
  const result = await finishAttempt(db, attempt, now)
  const [sources, speakers, settings] = await Promise.all([sourceDocs(db), speakerList(db), getSettings(db, user.id)])
  const responses = new Map(result.answers.map((a) => [a.position, a.response]))
  const mistakes = []
  for (const position of result.missedPositions) {
    const shown = await quizQuestionAt(db, attempt, position)
    if (!shown) continue
    const { item, asked, question } = shown
    const response = responses.get(position)
    mistakes.push({
      position,
      itemId: item.id,
      content: toCardContent(item, sources, speakers),
      question,
      verdict: response === undefined ? null : gradeResponse(asked, question, response),
    })
  }
  const missedIds = mistakes.map((m) => m.itemId)
  const url = new URL(request.url)
  return {
    score: result.score,
    total: result.total,
    percent: scorePercent(result.score, result.total),
    byCategory: scoresByCategory(await attemptCategories(db, attempt), result.missedPositions),
    timedOut: attempt.deadline !== null && now > attempt.deadline && result.answers.length < result.total,
    mistakes,
    added: url.searchParams.has('added') ? Number(url.searchParams.get('added')) || 0 : null,
    studyDeck: await bestDeckFor(db, missedIds),
    cardLanguage: settings.cardLanguage,
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { user, attempt } = await requireOwnAttempt(context, params.attemptId)
  const form = await request.formData()
  if (form.get('intent') !== 'request-review') return failure('errorBadForm', 400, 'intent must be "request-review"')
  const db = getDb()
  const { missedPositions } = await finishAttempt(db, attempt, Date.now())
  const missed = [...new Set(missedPositions.map((p) => attempt.itemIds[p]!))]
  const live = (await Promise.all(missed.map((id) => liveItem(db, id)))).filter((i) => i !== null).map((i) => i.id)
  const added = await requestReviews(db, user.id, live, Date.now())
  return redirect(`/quiz/${attempt.id}/result?added=${added}`)
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.quizResultTitle)
}

export const ErrorBoundary = RouteErrorBoundary

export default function QuizResult({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { score, total, percent, byCategory, mistakes, added, studyDeck, cardLanguage, timedOut } = loaderData
  return (
    <div className="page">
      <h1>
        {t.quizScore(score, total)} <span className="score-percent">({percent}%)</span>
      </h1>
      {actionData ? (
        <p role="alert" className="error">
          {t[actionData.message]}
        </p>
      ) : null}
      {timedOut ? <p className="muted">{t.quizTimeUp}</p> : null}
      <div role="status" aria-live="polite">
        {added !== null ? <p className="success">{t.quizMissedAdded(added)}</p> : null}
      </div>
      <table className="data category-scores">
        <caption>{t.quizByCategory}</caption>
        <thead>
          <tr>
            <th scope="col">{t.quizCategory}</th>
            <th scope="col">{t.quizRight}</th>
            <th scope="col">%</th>
          </tr>
        </thead>
        <tbody>
          {byCategory.map((row) => (
            <tr key={row.category}>
              <th scope="row">{t.categoryNames[row.category] ?? row.category}</th>
              <td>{t.quizRightOf(row.right, row.total)}</td>
              <td>{scorePercent(row.right, row.total)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mistakes.length === 0 ? (
        <p>{t.quizNoMistakes}</p>
      ) : (
        <>
          <div className="result-actions">
            {added === null ? (
              <Form method="post">
                <input type="hidden" name="intent" value="request-review" />
                <button type="submit" className="button primary">
                  {t.quizReviewMissed}
                </button>
              </Form>
            ) : null}
            {added !== null && studyDeck ? (
              <Link className="button primary" to={`/decks/${studyDeck}/study`}>
                {t.quizStudyMissed}
              </Link>
            ) : null}
          </div>
          <h2 id="quiz-mistakes">{t.quizMistakes}</h2>
          <ol className="mistakes" aria-labelledby="quiz-mistakes">
            {mistakes.map((m) => (
              <li key={m.position} className="card">
                <BilingualText text={m.content.prompt} mode={cardLanguage} uiLang={lang} as="h3" className="prompt" />
                {m.verdict ? (
                  <VerdictView question={m.question} verdict={m.verdict} mode={cardLanguage} uiLang={lang} />
                ) : (
                  <p className="muted">{t.noAnswer}</p>
                )}
                <p className="answer-label">{t.answer}</p>
                <BilingualText text={m.content.answer} mode={cardLanguage} uiLang={lang} as="div" className="answer" />
                <h4 className="answer-label">{t.explanation}</h4>
                <BilingualText text={m.content.explanation} mode={cardLanguage} uiLang={lang} className="explanation" />
                {m.content.sources.map((c, i) => (
                  <Citation key={i} c={c} mode={cardLanguage} uiLang={lang} />
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
      <p>
        <Link to="/quiz">{t.quizSetupTitle}</Link>
      </p>
    </div>
  )
}
