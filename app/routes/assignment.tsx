import { Link } from 'react-router'
import type { Route } from './+types/assignment'
import { AnswerMeaningText } from '~/components/answer-meaning'
import { useLang, useT, useTimeZone } from '~/i18n/react'
import { formatDateTime } from '~/i18n'
import {
  assignmentDashboard,
  itemSortKeys,
  studentSortKeys,
  type ItemRow,
  type ItemSortKey,
  type StudentSortKey,
} from '~/data/dashboard.server'
import { readSort, sortRows, type SortParams } from '~/domain/table-sort'
import { SortableTable } from '~/components/sortable-table'
import { requestLanguage } from '~/utils/lang.server'
import { itemsInScope } from '~/data/decks.server'
import { flagsForItems } from '~/data/flags.server'
import { getDb } from '~/utils/db.server'
import { ownAssignment } from '~/utils/access.server'
import { pageTitle } from '~/i18n/meta'
import { RouteErrorBoundary } from '~/components/error-page'

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { user, klass, assignment } = await ownAssignment(context, request, params.classId, params.assignmentId)
  const search = new URL(request.url).searchParams
  const studentSort = readSort(search, studentSortNames, studentSortKeys, { key: 'name', dir: 'asc' })
  const itemSort = readSort(search, itemSortNames, itemSortKeys, { key: 'correctShare', dir: 'asc' })
  const dashboard = await assignmentDashboard(getDb(), assignment, Date.now())
  // Text sorts in the reader's language (prompts in theirs, names as they would order them).
  const lang = await requestLanguage(request, user.id)
  const studentKey = studentSort.key as StudentSortKey
  const students = sortRows(dashboard.students, (s) => s[studentKey], studentSort.dir, lang)
  const itemKey = itemSort.key as ItemSortKey
  const itemValue = (i: ItemRow) => (itemKey === 'prompt' ? (lang === 'en' ? i.prompt.en : i.prompt.zh) : i[itemKey])
  const items = sortRows(dashboard.items, itemValue, itemSort.dir, lang)
  // Learners' reports on this assignment's items (a flagged item keeps working until it is fixed).
  const reports = await flagsForItems(getDb(), await itemsInScope(getDb(), { assignmentId: assignment.id }))
  const prompts = new Map(dashboard.items.map((i) => [i.itemId, i.prompt]))
  return {
    klass: { id: klass.id, name: klass.name },
    assignment,
    students,
    studentSort,
    items,
    itemSort,
    totalItems: dashboard.totalItems,
    reports: reports.map((r) => ({ ...r, prompt: prompts.get(r.itemId) ?? { en: r.itemId, zh: r.itemId } })),
  }
}

const studentSortNames: SortParams = { param: 'sort', dirParam: 'dir' }
const itemSortNames: SortParams = { param: 'isort', dirParam: 'idir' }

const goalClass = (met: boolean) => (met ? 'ok' : 'behind')

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.dashboardTitle(args.loaderData?.assignment.title ?? ''))
}

export const ErrorBoundary = RouteErrorBoundary

export default function AssignmentDashboard({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const timeZone = useTimeZone()
  const { klass, assignment, students, studentSort, items, itemSort, totalItems } = loaderData
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
      <SortableTable
        label={t.perStudent}
        names={studentSortNames}
        sort={studentSort}
        columns={[
          { label: t.colStudent, key: 'name' },
          { label: t.colStarted, key: 'started' },
          { label: t.colDueNow, key: 'dueNow' },
          { label: t.colRecall, key: 'recallOnDue' },
          { label: t.colBestQuiz, key: 'bestQuiz' },
          { label: t.colLatestQuiz, key: 'latestQuiz' },
          { label: t.colReviews7d, key: 'reviews7d' },
          { label: t.colTime7d, key: 'minutes7d' },
          { label: t.colLastActive, key: 'lastActive' },
        ]}
      >
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
      </SortableTable>
      <h2>{t.perItem}</h2>
      <SortableTable
        label={t.perItem}
        names={itemSortNames}
        sort={itemSort}
        columns={[
          { label: t.colItem, key: 'prompt' },
          { label: t.colAnswers, key: 'answers' },
          { label: t.colCorrect, key: 'correctShare' },
          { label: t.colCommonWrong },
        ]}
      >
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
      </SortableTable>
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
