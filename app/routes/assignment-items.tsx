import { Link, useSearchParams } from 'react-router'
import type { Route } from './+types/assignment-items'
import type { Pick } from '~/domain/distractors'
import type { DiscriminationFlag, ItemStatistics } from '~/domain/item-analysis'
import { ownValue } from '~/domain/lookup'
import { useLang, useT } from '~/i18n/react'
import { assignmentItemAnalysis } from '~/data/item-analysis.server'
import { getDb } from '~/utils/db.server'
import { ownAssignment } from '~/utils/access.server'
import { pageTitle } from '~/i18n/meta'
import { RouteErrorBoundary } from '~/components/error-page'
import { SortableTable } from '~/components/sortable-table'
import {
  quizSortKeys,
  quizSortValue,
  reviewSortKeys,
  reviewSortValue,
  type QuizSortKey,
  type ReviewSortKey,
} from '~/domain/item-analysis-sort'
import { readSort, sortRows, type SortParams } from '~/domain/table-sort'
import { requestLanguage } from '~/utils/lang.server'

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { user, klass, assignment } = await ownAssignment(context, request, params.classId, params.assignmentId)
  const search = new URL(request.url).searchParams
  // Without a column chosen, items stay in the deck's order.
  const reviewSort = readSort(search, reviewSortNames, reviewSortKeys, { key: null, dir: 'asc' })
  const quizSort = readSort(search, quizSortNames, quizSortKeys, { key: null, dir: 'asc' })
  const analysis = await assignmentItemAnalysis(getDb(), assignment, search.get('picks'))
  const lang = await requestLanguage(request, user.id)
  const reviewKey = reviewSort.key as ReviewSortKey | null
  const quizKey = quizSort.key as QuizSortKey | null
  const quizzed = analysis.items.filter((i) => i.quiz.stats.n > 0)
  return {
    klass: { id: klass.id, name: klass.name },
    assignment: { id: assignment.id, title: assignment.title },
    items: reviewKey ? sortRows(analysis.items, (i) => reviewSortValue(i, reviewKey, lang), reviewSort.dir, lang) : analysis.items,
    reviewSort,
    quizItems: quizKey ? sortRows(quizzed, (i) => quizSortValue(i, quizKey, lang), quizSort.dir, lang) : quizzed,
    quizSort,
    quizAttempts: analysis.quizAttempts,
  }
}

const reviewSortNames: SortParams = { param: 'sort', dirParam: 'dir' }
const quizSortNames: SortParams = { param: 'qsort', dirParam: 'qdir' }

const whole = (x: number | null) => (x === null ? '—' : String(Math.round(x)))

function CheckCell({ check, dubious }: { check: DiscriminationFlag | null; dubious: boolean }) {
  const t = useT()
  const parts = [
    check === 'very-likely' ? t.iaCheckVeryLikely : check === 'likely' ? t.iaCheckLikely : null,
    dubious ? t.iaDubious : null,
  ].filter(Boolean)
  return <td className={check === 'very-likely' || dubious ? 'behind' : undefined}>{parts.length ? parts.join(' · ') : '—'}</td>
}

function StatCells({ stats }: { stats: ItemStatistics }) {
  return (
    <>
      <td>{stats.n}</td>
      <td>{whole(stats.facility)}</td>
      <td>{whole(stats.discrimination)}</td>
      <td>{whole(stats.efficiency)}</td>
    </>
  )
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.itemAnalysisTitle(args.loaderData?.assignment.title ?? ''))
}

export const ErrorBoundary = RouteErrorBoundary

export default function AssignmentItems({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { klass, assignment, items, reviewSort, quizItems, quizSort, quizAttempts } = loaderData
  const [search] = useSearchParams()
  // The picks link keeps the tables' order.
  const picksHref = (itemId: string) => {
    const next = new URLSearchParams(search)
    next.set('picks', itemId)
    return `?${next}#picks`
  }
  const text = (b: { en: string; zh: string }) => (lang === 'en' ? b.en : b.zh)
  const perspective = (p: string | null) => (p === null ? '—' : (ownValue(t.perspectiveNames, p) ?? p))
  const pickLabel = (p: Pick) =>
    p.kind === 'option'
      ? text(p.text)
      : p.given.length === 1
        ? perspective(p.given[0] ?? null)
        : t.iaPerspectivesGiven(p.given.map(perspective).join(' / '))
  const withPicks = items.filter((i) => i.wrongPicks !== null)
  const base = `/classes/${klass.id}/assignments/${assignment.id}`
  return (
    <div className="page wide">
      <p>
        <Link to={base}>← {assignment.title}</Link>
      </p>
      <h1>{t.itemAnalysisTitle(assignment.title)}</h1>
      <p className="muted">{t.itemAnalysisIntro}</p>
      <p>
        <a className="button" href={`${base}/items.csv`} download>
          {t.iaExportMatrix}
        </a>{' '}
        <a href={`${base}/items.csv?lang=${lang === 'en' ? 'zh-Hans' : 'en'}`} download>
          {lang === 'en' ? t.exportCsvChinese : t.exportCsvEnglish}
        </a>
      </p>
      <h2>{t.iaReviewHeading}</h2>
      <p className="muted">{t.iaReviewHelp}</p>
      <SortableTable
        label={t.iaReviewHeading}
        names={reviewSortNames}
        sort={reviewSort}
        columns={[
          { label: t.colItem, key: 'prompt' },
          { label: t.iaColN, key: 'n' },
          { label: t.iaColFirstCorrect, key: 'facility' },
          { label: t.iaColDiscrimination, key: 'discrimination' },
          { label: t.iaColEfficiency, key: 'efficiency' },
          { label: t.iaColCheck, key: 'check' },
          { label: t.iaColLapses, key: 'lapses' },
          { label: t.iaColMeanTime, key: 'meanTime' },
          { label: t.iaColLearnerFlags, key: 'learnerFlags' },
        ]}
      >
        <tbody>
          {items.map((i) => (
            <tr key={i.itemId}>
              <th scope="row">
                {text(i.prompt)}
                {i.hasOptions && (
                  <>
                    {' '}
                    <Link to={picksHref(i.itemId)} preventScrollReset>
                      {t.iaShowPicks}
                    </Link>
                  </>
                )}
              </th>
              <StatCells stats={i.review.stats} />
              <CheckCell check={i.review.check} dubious={i.review.dubious} />
              <td>{i.review.lapsesPerReview === null ? '—' : i.review.lapsesPerReview.toFixed(2)}</td>
              <td>{i.review.meanSeconds === null ? '—' : t.iaSeconds(Math.round(i.review.meanSeconds * 10) / 10)}</td>
              <td>{i.learnerFlags}</td>
            </tr>
          ))}
        </tbody>
      </SortableTable>
      <h2>{t.iaQuizHeading(quizAttempts)}</h2>
      {quizAttempts === 0 ? (
        <p className="muted">{t.iaNoQuizzes}</p>
      ) : (
        <SortableTable
          label={t.iaQuizHeading(quizAttempts)}
          names={quizSortNames}
          sort={quizSort}
          columns={[
            { label: t.colItem, key: 'prompt' },
            { label: t.iaColN, key: 'n' },
            { label: t.iaColFacility, key: 'facility' },
            { label: t.iaColDiscrimination, key: 'discrimination' },
            { label: t.iaColEfficiency, key: 'efficiency' },
            { label: t.iaColCheck, key: 'check' },
          ]}
        >
          <tbody>
            {quizItems.map((i) => (
              <tr key={i.itemId}>
                <th scope="row">{text(i.prompt)}</th>
                <StatCells stats={i.quiz.stats} />
                <CheckCell check={i.quiz.check} dubious={i.quiz.dubious} />
              </tr>
            ))}
          </tbody>
        </SortableTable>
      )}
      {withPicks.length > 0 && (
        <>
          <h2 id="picks">{t.iaPicksHeading}</h2>
          <ul className="item-picks">
            {withPicks.map((i) => (
              <li key={i.itemId}>
                <strong>{text(i.prompt)}</strong>
                {i.wrongPicks!.length === 0 ? (
                  <span className="muted"> {t.iaNoPicks}</span>
                ) : (
                  <ul>
                    {i.wrongPicks!.map((p, k) => (
                      <li key={k}>
                        {pickLabel(p.pick)} ({p.count})
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
