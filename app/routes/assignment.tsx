import { Link, useSearchParams } from 'react-router'
import type { Route } from './+types/assignment'
import { AnswerMeaningText } from '~/components/answer-meaning'
import { useLang, useT, useTimeZone } from '~/i18n/react'
import { formatDateTime } from '~/i18n'
import { assignmentDashboard, itemSortKeys, sortRows, studentSortKeys, type ItemRow, type StudentRow } from '~/data/dashboard.server'
import { itemsInScope } from '~/data/decks.server'
import { flagsForItems } from '~/data/flags.server'
import { getDb } from '~/utils/db.server'
import { ownAssignment } from '~/utils/access.server'
import { pageTitle } from '~/i18n/meta'
import { RouteErrorBoundary } from '~/components/error-page'

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { klass, assignment } = await ownAssignment(context, request, params.classId, params.assignmentId)
  const url = new URL(request.url)
  const dir = url.searchParams.get('dir') === 'desc' ? 'desc' : 'asc'
  const sort = url.searchParams.get('sort') ?? 'name'
  const dashboard = await assignmentDashboard(getDb(), assignment, Date.now())
  const students = (studentSortKeys as readonly string[]).includes(sort)
    ? sortRows(dashboard.students, sort as keyof StudentRow, dir)
    : dashboard.students
  const isort = url.searchParams.get('isort') ?? 'correctShare'
  const idir = url.searchParams.get('idir') === 'desc' ? 'desc' : 'asc'
  const items = (itemSortKeys as readonly string[]).includes(isort)
    ? sortRows(dashboard.items, isort as keyof ItemRow, idir)
    : dashboard.items
  // Learners' reports on this assignment's items (a flagged item keeps working until it is fixed).
  const reports = await flagsForItems(getDb(), await itemsInScope(getDb(), { assignmentId: assignment.id }))
  const prompts = new Map(dashboard.items.map((i) => [i.itemId, i.prompt]))
  return {
    klass: { id: klass.id, name: klass.name },
    assignment,
    students,
    items,
    totalItems: dashboard.totalItems,
    reports: reports.map((r) => ({ ...r, prompt: prompts.get(r.itemId) ?? { en: r.itemId, zh: r.itemId } })),
  }
}

function SortHeader({ label, keyName, param, dirParam }: { label: string; keyName: string; param: string; dirParam: string }) {
  const t = useT()
  const [params] = useSearchParams()
  const active =
    params.get(param) === keyName ||
    (!params.get(param) && ((param === 'sort' && keyName === 'name') || (param === 'isort' && keyName === 'correctShare')))
  const dir = params.get(dirParam) === 'desc' ? 'desc' : 'asc'
  const next = new URLSearchParams(params)
  next.set(param, keyName)
  next.set(dirParam, active && dir === 'asc' ? 'desc' : 'asc')
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link to={`?${next}`} preventScrollReset aria-label={active ? t.sortedBy(label, dir) : undefined}>
        {label}
        {active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </Link>
    </th>
  )
}

const goalClass = (met: boolean) => (met ? 'ok' : 'behind')

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.dashboardTitle(args.loaderData?.assignment.title ?? ''))
}

export const ErrorBoundary = RouteErrorBoundary

export default function AssignmentDashboard({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const timeZone = useTimeZone()
  const { klass, assignment, students, items, totalItems } = loaderData
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`)
  return (
    <div className="page wide">
      <p>
        <Link to={`/classes/${klass.id}`}>← {klass.name}</Link>
      </p>
      <h1>{t.dashboardTitle(assignment.title)}</h1>
      <p className="muted">
        {t.dueOn(formatDateTime(assignment.dueAt, lang, timeZone))} · {t.itemsInDeck(totalItems)} ·{' '}
        {assignment.goal === 'memory'
          ? `${t.goalMemory} ≥ ${pct(assignment.targetRecall)}`
          : `${t.goalQuiz} ≥ ${pct(assignment.targetScore)}`}
      </p>
      <p>
        <a className="button" href={`/classes/${klass.id}/assignments/${assignment.id}/export.csv`} download>
          {t.exportCsv}
        </a>{' '}
        <a href={`/classes/${klass.id}/assignments/${assignment.id}/export.csv?lang=${lang === 'en' ? 'zh-Hans' : 'en'}`} download>
          {lang === 'en' ? t.exportCsvChinese : t.exportCsvEnglish}
        </a>{' '}
        <Link className="button" to={`/classes/${klass.id}/assignments/${assignment.id}/items`}>
          {t.itemAnalysis}
        </Link>
      </p>
      <h2>{t.perStudent}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t.perStudent}>
        <table className="data">
          <thead>
            <tr>
              <SortHeader label={t.colStudent} keyName="name" param="sort" dirParam="dir" />
              <SortHeader label={t.colStarted} keyName="started" param="sort" dirParam="dir" />
              <SortHeader label={t.colDueNow} keyName="dueNow" param="sort" dirParam="dir" />
              <SortHeader label={t.colRecall} keyName="recallOnDue" param="sort" dirParam="dir" />
              <SortHeader label={t.colBestQuiz} keyName="bestQuiz" param="sort" dirParam="dir" />
              <SortHeader label={t.colLatestQuiz} keyName="latestQuiz" param="sort" dirParam="dir" />
              <SortHeader label={t.colReviews7d} keyName="reviews7d" param="sort" dirParam="dir" />
              <SortHeader label={t.colTime7d} keyName="minutes7d" param="sort" dirParam="dir" />
              <SortHeader label={t.colLastActive} keyName="lastActive" param="sort" dirParam="dir" />
            </tr>
          </thead>
          <tbody>
            {students.map((s) => (
              <tr key={s.userId}>
                <th scope="row">{s.name}</th>
                <td>
                  {s.started}/{totalItems}
                </td>
                <td>{s.dueNow}</td>
                {/* Coloured by the assignment's own goal: recall for a memory goal, the best quiz for a quiz goal. */}
                <td className={assignment.goal === 'memory' ? goalClass(s.recallOnDue >= assignment.targetRecall) : undefined}>
                  {pct(s.recallOnDue)}
                </td>
                <td
                  className={
                    assignment.goal === 'quiz' ? goalClass(s.bestQuiz !== null && s.bestQuiz >= (assignment.targetScore ?? 1)) : undefined
                  }
                >
                  {pct(s.bestQuiz)}
                  {s.quizzes > 1 ? <span className="muted"> {t.quizAttemptsCount(s.quizzes)}</span> : null}
                </td>
                <td>{pct(s.latestQuiz)}</td>
                <td>{s.reviews7d}</td>
                <td>{s.minutes7d}</td>
                <td>{s.lastActive ? formatDateTime(s.lastActive, lang, timeZone) : t.never}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t.perItem}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t.perItem}>
        <table className="data">
          <thead>
            <tr>
              <SortHeader label={t.colItem} keyName="prompt" param="isort" dirParam="idir" />
              <SortHeader label={t.colAnswers} keyName="answers" param="isort" dirParam="idir" />
              <SortHeader label={t.colCorrect} keyName="correctShare" param="isort" dirParam="idir" />
              <th scope="col">{t.colCommonWrong}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.itemId}>
                <th scope="row">
                  {lang === 'en' ? i.prompt.en : i.prompt.zh}
                  {i.subject ? <span className="item-subject">{lang === 'en' ? i.subject.en : i.subject.zh}</span> : null}
                </th>
                <td>{i.answers}</td>
                <td>{pct(i.correctShare)}</td>
                <td>
                  {i.commonWrong.length > 0 ? (
                    <ul className="wrong-answers">
                      {i.commonWrong.map((w, n) => (
                        <li key={n}>
                          <AnswerMeaningText meaning={w.meaning} />
                          {` (${w.count})`}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t.learnerReports}</h2>
      {loaderData.reports.length === 0 ? (
        <p className="muted">{t.learnerReportsNone}</p>
      ) : (
        <ul className="card-list">
          {loaderData.reports.map((r) => (
            <li key={r.itemId} className="card-row">
              <p className="card-row-prompt">{lang === 'en' ? r.prompt.en : r.prompt.zh}</p>
              <p className="card-row-meta">
                {t.learnerReportsCount(r.count)}:{' '}
                {Object.entries(r.reasons)
                  .map(([reason, n]) => `${t.flagReasons[reason as keyof typeof t.flagReasons]} (${n})`)
                  .join(' · ')}
              </p>
              {r.notes.length > 0 ? (
                <ul>
                  {r.notes.map((note, i) => (
                    <li key={i}>{note}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
