import { lazy, Suspense } from 'react'
import { Link } from 'react-router'
import { useHydrated } from '~/components/questions/use-hydrated'
import type { Route } from './+types/home'
import { useLang, useT, useTimeZone } from '~/i18n/react'
import { formatDateTime } from '~/i18n'
import { studyDateAt, studyDayAt } from '~/domain/study-day'
import { extraNewCards } from '~/data/new-card-extensions.server'
import { getDb } from '~/utils/db.server'
import { dailyProgress } from '~/data/study-queue.server'
import { deckSummaries } from '~/data/decks.server'
import { getSettings } from '~/data/settings.server'
import { assignmentItemIds, assignmentsForStudent } from '~/data/classes.server'
import { bestDeckFor } from '~/data/quiz.server'
import { currentUser } from '~/utils/access.server'
import { pageTitle } from '~/i18n/meta'
import { DeckCounts } from '~/components/deck-counts'

/** The keep-offline switch per deck (issue 11): browser storage only, loaded after the page in its own chunk. */
const OfflineDeckSwitch = lazy(() => import('~/offline/deck-switch'))

export async function loader({ request, context }: Route.LoaderArgs) {
  const db = getDb()
  const now = Date.now()
  const user = currentUser(context)
  const settings = user ? await getSettings(db, user.id) : null
  const [decks, progress, extra] = await Promise.all([
    deckSummaries(db, user?.id ?? null, now),
    user && settings ? dailyProgress(db, user.id, studyDayAt(now, settings.timeZone).start) : null,
    user && settings ? extraNewCards(db, user.id, studyDateAt(now, settings.timeZone)) : 0,
  ])
  // Today's limit, raised if the learner chose "Study more today".
  const newLimit = (settings?.newPerDay ?? 20) + extra
  const newLeft = Math.max(0, newLimit - (progress?.newToday ?? 0))
  const assigned = user?.kind === 'account' ? await assignmentsForStudent(db, user.id) : []
  const studyDecks = await Promise.all(assigned.map(async (a) => a.deckId ?? (await bestDeckFor(db, await assignmentItemIds(db, a.id)))))
  return {
    assignments: assigned.map((a, i) => ({ ...a, studyDeck: studyDecks[i] ?? null })),
    joined: new URL(request.url).searchParams.get('joined'),
    decks: decks.map((d) => ({ ...d, freshToday: Math.min(d.fresh, newLeft) })),
    progress: progress && { reviewed: progress.answeredToday, newSeen: progress.newToday, newLimit },
    // A deck is kept for a learner: a visitor (no answer yet) has nothing to keep it for.
    learner: user !== null,
  }
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.decksTitle)
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const hydrated = useHydrated()
  const t = useT()
  const lang = useLang()
  const timeZone = useTimeZone()
  const { decks, progress, assignments, joined, learner } = loaderData
  return (
    <div className="page">
      <div role="status">{joined ? <p className="success">{t.joinedClass(joined)}</p> : null}</div>
      {assignments.length > 0 ? (
        <section aria-labelledby="assignments-title" className="assignments">
          <h1 id="assignments-title">{t.yourAssignments}</h1>
          <ul className="deck-list">
            {assignments.map((a) => (
              <li key={a.id} className={`deck assignment${a.progress.met ? ' met' : ''}`}>
                <div className="deck-link">
                  <span className="deck-title">{a.title}</span>
                  <span className="deck-desc">
                    {a.className} · {t.dueOn(formatDateTime(a.dueAt, lang, timeZone))}
                  </span>
                  <span>{t.progressStudied(a.progress.studied, a.progress.total)}</span>
                  <span>
                    {a.goal === 'memory'
                      ? t.progressRecall(Math.round(a.progress.recallOnDue * 100), Math.round(a.targetRecall * 100))
                      : t.progressQuiz(
                          a.progress.bestQuizScore === null ? null : Math.round(a.progress.bestQuizScore * 100),
                          Math.round((a.targetScore ?? 1) * 100),
                        )}
                  </span>
                  <progress
                    max={1}
                    value={
                      a.goal === 'memory'
                        ? Math.min(1, a.progress.recallOnDue / a.targetRecall)
                        : a.progress.studied / Math.max(1, a.progress.total)
                    }
                    aria-label={a.title}
                  />
                  <span className="deck-meta">
                    <strong>{a.progress.met ? t.goalMet : t.goalInProgress}</strong>
                    <span className="assignment-actions">
                      {a.studyDeck ? (
                        <Link className="button small" to={`/decks/${a.studyDeck}/study`}>
                          {t.studyAssignment}
                        </Link>
                      ) : null}
                      {a.goal === 'quiz' ? (
                        <Link className="button small" to={`/quiz?assignment=${a.id}`}>
                          {t.takeAssignmentQuiz}
                        </Link>
                      ) : null}
                    </span>
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h1>{t.decksTitle}</h1>
      <p className="muted">{t.tagline}</p>
      {progress ? <p className="today">{t.todayProgress(progress)}</p> : null}
      {decks.length === 0 ? <p>{t.noDecks}</p> : null}
      <ul className="deck-list">
        {decks.map((deck) => {
          const title = lang === 'en' ? deck.data.title.en : deck.data.title.zh
          return (
            <li key={deck.id} className="deck">
              <Link to={`/decks/${deck.id}/study`} className="deck-link" aria-label={t.studyDeck(title)}>
                <span className="deck-title">{title}</span>
                <span className="deck-desc">{lang === 'en' ? deck.data.description.en : deck.data.description.zh}</span>
                <span className="deck-meta">
                  <span>{t.itemsInDeck(deck.total)}</span>
                  <DeckCounts fresh={deck.freshToday} learning={deck.learning} due={deck.due} />
                </span>
                <span className="deck-progress">
                  <progress max={Math.max(1, deck.total)} value={deck.started} aria-label={t.deckStartedLabel(title)} />
                  <span>{t.deckStarted(deck.started, deck.total)}</span>
                </span>
              </Link>
              <Link to={`/decks/${deck.id}/export`} className="deck-export-link" aria-label={t.exportDeckLabel(title)}>
                {t.exportLink}
              </Link>
              {hydrated && learner ? (
                <Suspense fallback={null}>
                  <OfflineDeckSwitch deckId={deck.id} title={title} />
                </Suspense>
              ) : null}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
