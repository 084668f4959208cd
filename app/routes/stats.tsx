import { Form, Link } from 'react-router'
import type { Route } from './+types/stats'
import { BarChart, ChartTable, Heatmap } from '~/components/charts'
import { deckTitles } from '~/data/decks.server'
import { getSettings } from '~/data/settings.server'
import { learnerStats } from '~/data/stats.server'
import { dueForecast, heatmapWeeks, STABILITY_BUCKETS, streaks, trueRetention } from '~/domain/stats'
import { addDays } from '~/domain/study-day'
import { useLang, useT } from '~/i18n/react'
import { currentUser } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { errorPage } from '~/utils/http-errors.server'
import { pageTitle } from '~/i18n/meta'
import { RouteErrorBoundary } from '~/components/error-page'

export async function loader({ request, context }: Route.LoaderArgs) {
  const db = getDb()
  const now = Date.now()
  const user = currentUser(context)
  const settings = user ? await getSettings(db, user.id) : null
  const decks = await deckTitles(db, user?.id ?? null)
  const deckParam = new URL(request.url).searchParams.get('deck') || null
  if (deckParam !== null && !decks.some((d) => d.id === deckParam)) throw errorPage('errorNoSuchDeck', 404)
  const stats = await learnerStats(db, user?.id ?? null, deckParam, settings?.timeZone ?? 'UTC', now)
  const totals = new Map(stats.days.map((d) => [d.day, d.answers]))
  const active = new Set(stats.days.filter((d) => d.answers > 0).map((d) => d.day))
  const minutes = new Map(stats.days.map((d) => [d.day, Math.round(d.durationMs / 60_000)]))
  const last30 = Array.from({ length: 30 }, (_, i) => addDays(stats.today, i - 29))
  return {
    decks,
    deckId: deckParam,
    today: stats.today,
    desiredRetention: settings?.desiredRetention ?? 0.9,
    streaks: streaks(active, stats.today),
    daysStudied: active.size,
    answersThisYear: stats.days.reduce((n, d) => n + d.answers, 0),
    weeks: heatmapWeeks(totals, stats.today),
    months: monthTotals(stats.days),
    retention: {
      today: trueRetention(stats.days, stats.today, stats.today),
      week: trueRetention(stats.days, addDays(stats.today, -6), stats.today),
      month: trueRetention(stats.days, addDays(stats.today, -29), stats.today),
    },
    forecast: dueForecast(stats.dueByDayOffset, 90),
    states: stats.states,
    stability: stats.stability,
    difficulty: stats.difficulty,
    minutes: last30.map((day) => ({ day, minutes: minutes.get(day) ?? 0 })),
  }
}

function monthTotals(days: ReadonlyArray<{ day: string; answers: number }>) {
  const months = new Map<string, number>()
  for (const d of days) months.set(d.day.slice(0, 7), (months.get(d.day.slice(0, 7)) ?? 0) + d.answers)
  return [...months.entries()].sort(([a], [b]) => (a < b ? 1 : -1))
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.statsTitle)
}

export const ErrorBoundary = RouteErrorBoundary

export default function Stats({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const d = loaderData
  const pct = (r: number | null) =>
    r === null ? '—' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(r)
  const shortDate = (day: string) =>
    new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
  const dayAfter = (i: number) => shortDate(addDays(d.today, i))
  const stabilityLabels = [
    ...STABILITY_BUCKETS.map((limit, i) => t.statsStabilityBucket(i === 0 ? 0 : STABILITY_BUCKETS[i - 1]!, limit)),
    t.statsStabilityOver(STABILITY_BUCKETS.at(-1)!),
  ]
  const forecast30 = d.forecast.slice(0, 30)
  const stateRows: Array<[string, number]> = [
    [t.newLabel, d.states.fresh],
    [t.learningLabel, d.states.learning],
    [t.statsReviewState, d.states.review],
    [t.statsRelearningState, d.states.relearning],
  ]
  return (
    <div className="page stats">
      <h1>{t.statsTitle}</h1>
      <p>
        <Link to="/cards">{t.browseCards}</Link>
      </p>
      <Form method="get" className="stats-filter">
        <label htmlFor="stats-deck">{t.statsDeck}</label>
        <select id="stats-deck" name="deck" defaultValue={d.deckId ?? ''}>
          <option value="">{t.statsAllDecks}</option>
          {d.decks.map((deck) => (
            <option key={deck.id} value={deck.id}>
              {lang === 'zh-Hans' ? deck.title.zh : deck.title.en}
            </option>
          ))}
        </select>
        <button type="submit" className="button small">
          {t.statsShow}
        </button>
      </Form>

      <section aria-labelledby="stats-heatmap">
        <h2 id="stats-heatmap">{t.statsHeatmap}</h2>
        <p>{t.statsStreaks(d.streaks.current, d.streaks.longest)}</p>
        <Heatmap weeks={d.weeks} summary={t.statsHeatmapSummary(d.answersThisYear, d.daysStudied)} />
        <ChartTable caption={t.statsHeatmap} head={[t.statsMonth, t.statsAnswers]} rows={d.months.map(([m, n]) => [m, n])} />
      </section>

      <section aria-labelledby="stats-retention">
        <h2 id="stats-retention">{t.statsRetention}</h2>
        <dl className="stats-numbers">
          {(['today', 'week', 'month'] as const).map((k) => (
            <div key={k}>
              <dt>{t.statsRetentionPeriod[k]}</dt>
              <dd>
                {pct(d.retention[k].rate)}{' '}
                <span className="muted">{t.statsRetentionOf(d.retention[k].passed, d.retention[k].answers)}</span>
              </dd>
            </div>
          ))}
          <div>
            <dt>{t.desiredRetention}</dt>
            <dd>{pct(d.desiredRetention)}</dd>
          </div>
        </dl>
        <p className="help">{t.statsRetentionHelp}</p>
      </section>

      <section aria-labelledby="stats-forecast">
        <h2 id="stats-forecast">{t.statsForecast}</h2>
        <h3>{t.statsNextDays(30)}</h3>
        <BarChart
          values={forecast30}
          labels={[dayAfter(0), dayAfter(29)]}
          summary={t.statsForecastSummary(
            30,
            forecast30.reduce((a, b) => a + b, 0),
          )}
        />
        <ChartTable caption={t.statsNextDays(30)} head={[t.statsDay, t.statsCards]} rows={forecast30.map((n, i) => [dayAfter(i), n])} />
        <h3>{t.statsNextDays(90)}</h3>
        <BarChart
          values={d.forecast}
          labels={[dayAfter(0), dayAfter(89)]}
          summary={t.statsForecastSummary(
            90,
            d.forecast.reduce((a, b) => a + b, 0),
          )}
        />
        <ChartTable caption={t.statsNextDays(90)} head={[t.statsDay, t.statsCards]} rows={d.forecast.map((n, i) => [dayAfter(i), n])} />
      </section>

      <section aria-labelledby="stats-states">
        <h2 id="stats-states">{t.statsCardStates}</h2>
        <BarChart
          values={stateRows.map(([, n]) => n)}
          labels={[stateRows[0]![0], stateRows[3]![0]]}
          summary={stateRows.map(([l, n]) => `${l} ${n}`).join(', ')}
        />
        <ChartTable caption={t.statsCardStates} head={[t.statsState, t.statsCards]} rows={stateRows} />
      </section>

      <section aria-labelledby="stats-stability">
        <h2 id="stats-stability">{t.statsStability}</h2>
        <p className="help">{t.statsStabilityHelp}</p>
        <BarChart
          values={d.stability}
          labels={[stabilityLabels[0]!, stabilityLabels.at(-1)!]}
          summary={stabilityLabels.map((l, i) => `${l}: ${d.stability[i]}`).join(', ')}
        />
        <ChartTable
          caption={t.statsStability}
          head={[t.statsStabilityDays, t.statsCards]}
          rows={stabilityLabels.map((l, i) => [l, d.stability[i] ?? 0])}
        />
      </section>

      <section aria-labelledby="stats-difficulty">
        <h2 id="stats-difficulty">{t.statsDifficulty}</h2>
        <p className="help">{t.statsDifficultyHelp}</p>
        <BarChart values={d.difficulty} labels={['1', '10']} summary={d.difficulty.map((n, i) => `${i + 1}: ${n}`).join(', ')} />
        <ChartTable
          caption={t.statsDifficulty}
          head={[t.statsDifficultyValue, t.statsCards]}
          rows={d.difficulty.map((n, i) => [String(i + 1), n])}
        />
      </section>

      <section aria-labelledby="stats-time">
        <h2 id="stats-time">{t.statsTime}</h2>
        <BarChart
          values={d.minutes.map((m) => m.minutes)}
          labels={[shortDate(d.minutes[0]!.day), shortDate(d.today)]}
          summary={t.statsTimeSummary(d.minutes.reduce((n, m) => n + m.minutes, 0))}
        />
        <ChartTable caption={t.statsTime} head={[t.statsDay, t.statsMinutes]} rows={d.minutes.map((m) => [shortDate(m.day), m.minutes])} />
      </section>
    </div>
  )
}
