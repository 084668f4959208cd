import { Link } from 'react-router'
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

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { klass, assignment } = await ownAssignment(context, request, params.classId, params.assignmentId)
  const picksFor = new URL(request.url).searchParams.get('picks')
  const analysis = await assignmentItemAnalysis(getDb(), assignment, picksFor)
  return {
    klass: { id: klass.id, name: klass.name },
    assignment: { id: assignment.id, title: assignment.title },
    items: analysis.items,
    quizAttempts: analysis.quizAttempts,
  }
}

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
  const { klass, assignment, items, quizAttempts } = loaderData
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
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t.iaReviewHeading}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t.colItem}</th>
              <th scope="col">{t.iaColN}</th>
              <th scope="col">{t.iaColFirstCorrect}</th>
              <th scope="col">{t.iaColDiscrimination}</th>
              <th scope="col">{t.iaColEfficiency}</th>
              <th scope="col">{t.iaColCheck}</th>
              <th scope="col">{t.iaColLapses}</th>
              <th scope="col">{t.iaColMeanTime}</th>
              <th scope="col">{t.iaColLearnerFlags}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.itemId}>
                <th scope="row">
                  {text(i.prompt)}
                  {i.hasOptions && (
                    <>
                      {' '}
                      <Link to={`?picks=${encodeURIComponent(i.itemId)}#picks`} preventScrollReset>
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
        </table>
      </div>
      <h2>{t.iaQuizHeading(quizAttempts)}</h2>
      {quizAttempts === 0 ? (
        <p className="muted">{t.iaNoQuizzes}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.iaQuizHeading(quizAttempts)}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t.colItem}</th>
                <th scope="col">{t.iaColN}</th>
                <th scope="col">{t.iaColFacility}</th>
                <th scope="col">{t.iaColDiscrimination}</th>
                <th scope="col">{t.iaColEfficiency}</th>
                <th scope="col">{t.iaColCheck}</th>
              </tr>
            </thead>
            <tbody>
              {items
                .filter((i) => i.quiz.stats.n > 0)
                .map((i) => (
                  <tr key={i.itemId}>
                    <th scope="row">{text(i.prompt)}</th>
                    <StatCells stats={i.quiz.stats} />
                    <CheckCell check={i.quiz.check} dubious={i.quiz.dubious} />
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
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
