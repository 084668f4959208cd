import { Link } from 'react-router'
import type { Route } from './+types/home'
import { useLang, useT } from '~/i18n/react'
import { studyDayAt } from '~/domain/study-day'
import { getDb } from '~/utils/db.server'
import { dailyProgress, deckSummaries, getSettings } from '~/utils/progress.server'
import { getSessionUser } from '~/utils/session.server'

export async function loader({ request }: Route.LoaderArgs) {
  const db = getDb()
  const now = Date.now()
  const user = await getSessionUser(request)
  const settings = user ? await getSettings(db, user.id) : null
  const [decks, progress] = await Promise.all([
    deckSummaries(db, user?.id ?? null, now),
    user && settings ? dailyProgress(db, user.id, studyDayAt(now, settings.timeZone).start) : null,
  ])
  const newLimit = settings?.newPerDay ?? 20
  const newLeft = Math.max(0, newLimit - (progress?.newToday ?? 0))
  return {
    decks: decks.map((d) => ({ ...d, freshToday: Math.min(d.fresh, newLeft) })),
    progress: progress && { reviewed: progress.answeredToday, newSeen: progress.newToday, newLimit },
  }
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { decks, progress } = loaderData
  return (
    <div className="page">
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
                  <span className="counts" aria-label={t.deckCounts({ fresh: deck.freshToday, learning: deck.learning, due: deck.due })}>
                    <span className="count-new" title={t.newLabel}>{deck.freshToday}</span>
                    <span className="count-learning" title={t.learningLabel}>{deck.learning}</span>
                    <span className="count-due" title={t.dueLabel}>{deck.due}</span>
                  </span>
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
