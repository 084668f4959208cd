import { Form, Link } from 'react-router'
import type { Route } from './+types/cards'
import { HoldBadges } from '~/components/card-info'
import { cardPath, HoldButton } from '~/components/card-tools'
import { browserCards, deckItemIds } from '~/data/card-browser.server'
import { deckTitles } from '~/data/decks.server'
import { getSettings } from '~/data/settings.server'
import { BROWSER_PAGE_SIZE, filterCards, readBrowserFilters, statusOf, type BrowserFilters } from '~/domain/card-browser'
import { CARD_STATUSES } from '~/domain/card-forms'
import { categories, itemKinds } from '~/domain/content/fields'
import { isLeech, LEECH_THRESHOLD } from '~/domain/holds'
import { useLang, useT } from '~/i18n/react'
import { messagesForOrLoaded } from '~/i18n'
import { currentUser } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { languageFor } from '~/utils/lang.server'
import { errorPage } from '~/utils/http-errors.server'
import { pageTitle } from '~/i18n/meta'
import { RouteErrorBoundary } from '~/components/error-page'
import { cardLineLanguage } from '~/domain/card-content'

export async function loader({ request, context }: Route.LoaderArgs) {
  const db = getDb()
  const now = Date.now()
  const user = currentUser(context)
  const url = new URL(request.url)
  const parsed = readBrowserFilters(url.searchParams)
  const settings = user ? await getSettings(db, user.id) : null
  const decks = await deckTitles(db, user?.id ?? null)
  // A bad filter is the visitor's typo, not a missing page: say so and show everything.
  const filters: BrowserFilters = parsed.success ? parsed.data : { q: '', page: 1 }
  if (filters.deck !== undefined && !decks.some((d) => d.id === filters.deck)) throw errorPage('errorNoSuchDeck', 404)
  const threshold = settings?.leechThreshold ?? LEECH_THRESHOLD.default
  const [cards, inDeck] = await Promise.all([
    browserCards(db, user?.id ?? null),
    filters.deck ? deckItemIds(db, filters.deck) : Promise.resolve(null),
  ])
  const matching = filterCards(cards, filters, (id) => inDeck?.has(id) ?? true, now, threshold)
  const pages = Math.max(1, Math.ceil(matching.length / BROWSER_PAGE_SIZE))
  const page = Math.min(filters.page, pages)
  const lang = languageFor(request, settings?.uiLanguage ?? null)
  const cardLang = cardLineLanguage(settings?.cardLanguage ?? 'both', lang)
  const rows = matching.slice((page - 1) * BROWSER_PAGE_SIZE, page * BROWSER_PAGE_SIZE).map((c) => ({
    id: c.item.id,
    prompt: c.item.prompt[cardLang],
    kind: c.item.kind,
    category: c.item.category,
    status: statusOf(c, now),
    leech: isLeech(c.lapses, threshold),
    hold: c.hold,
  }))
  return {
    decks,
    filters: { ...filters, page },
    filterError: !parsed.success,
    total: matching.length,
    pages,
    rows,
    timeZone: settings?.timeZone ?? 'UTC',
    // Where the hold buttons return to: this page without its old notice.
    here: withoutNotice(url),
    notice:
      url.searchParams.get('msg') === 'suspended'
        ? ('suspended' as const)
        : url.searchParams.get('msg') === 'unsuspended'
          ? ('unsuspended' as const)
          : null,
    title: messagesForOrLoaded(lang).browserTitle,
  }
}

function withoutNotice(url: URL): string {
  const params = new URLSearchParams(url.searchParams)
  params.delete('msg')
  const query = params.toString()
  return query ? `${url.pathname}?${query}` : url.pathname
}

function pageLink(filters: BrowserFilters, page: number): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...filters, page }))
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value))
  const query = params.toString()
  return query ? `/cards?${query}` : '/cards'
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.browserTitle)
}

export const ErrorBoundary = RouteErrorBoundary

export default function Cards({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { filters, rows, decks } = loaderData
  return (
    <div className="page">
      <h1>{t.browserTitle}</h1>
      <div role="status" aria-live="polite" className="notice">
        {loaderData.notice === 'suspended' ? t.noticeSuspended : loaderData.notice === 'unsuspended' ? t.noticeUnsuspended : null}
      </div>
      {loaderData.filterError ? (
        <p role="alert" className="error">
          {t.errorBadFilter}
        </p>
      ) : null}
      <Form method="get" className="browser-filters">
        <div className="field">
          <label htmlFor="browser-q">{t.browserSearch}</label>
          <input id="browser-q" type="search" name="q" defaultValue={filters.q} maxLength={200} aria-describedby="browser-q-help" />
          <p className="help" id="browser-q-help">
            {t.browserSearchHelp}
          </p>
        </div>
        <div className="filter-grid">
          <FilterSelect
            id="browser-deck"
            name="deck"
            label={t.browserDeck}
            value={filters.deck}
            options={decks.map((d) => [d.id, lang === 'en' ? d.title.en : d.title.zh])}
          />
          <FilterSelect
            id="browser-category"
            name="category"
            label={t.browserCategory}
            value={filters.category}
            options={categories.map((c) => [c, t.categoryNames[c] ?? c])}
          />
          <FilterSelect
            id="browser-kind"
            name="kind"
            label={t.browserKind}
            value={filters.kind}
            options={itemKinds.map((k) => [k, t.kindNames[k] ?? k])}
          />
          <FilterSelect
            id="browser-status"
            name="status"
            label={t.browserStatus}
            value={filters.status}
            options={CARD_STATUSES.map((s) => [s, t.statusNames[s]])}
          />
        </div>
        <button type="submit" className="button">
          {t.browserApply}
        </button>
      </Form>
      <p className="muted">{t.browserCount(loaderData.total)}</p>
      {rows.length === 0 ? (
        <p>{t.browserNone}</p>
      ) : (
        <ul className="card-list">
          {rows.map((row) => (
            <li key={row.id} className="card-row">
              <p className="card-row-prompt">{row.prompt}</p>
              <p className="card-row-meta">
                <span>{t.statusNames[row.status]}</span> · <span>{t.kindNames[row.kind] ?? row.kind}</span> ·{' '}
                <span>{t.categoryNames[row.category] ?? row.category}</span>
              </p>
              <HoldBadges
                info={{ hold: row.status === 'suspended' || row.status === 'buried' ? row.hold : null, leech: row.leech }}
                timeZone={loaderData.timeZone}
              />
              <div className="button-row">
                <Link to={cardPath(row.id)} className="button secondary small" aria-label={`${t.browserInfo}: ${row.prompt}`}>
                  {t.browserInfo}
                </Link>
                {row.status === 'suspended' ? (
                  <HoldButton itemId={row.id} intent="unsuspend" next={loaderData.here} label={t.unsuspendCard} />
                ) : (
                  <HoldButton itemId={row.id} intent="suspend" next={loaderData.here} label={t.suspendCard} />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {loaderData.pages > 1 ? (
        <nav className="pager" aria-label={t.browserPage(filters.page, loaderData.pages)}>
          {filters.page > 1 ? <Link to={pageLink(filters, filters.page - 1)}>{t.browserPrevious}</Link> : null}
          <span>{t.browserPage(filters.page, loaderData.pages)}</span>
          {filters.page < loaderData.pages ? <Link to={pageLink(filters, filters.page + 1)}>{t.browserMore}</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}

function FilterSelect({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string
  name: string
  label: string
  value: string | undefined
  options: Array<[string, string]>
}) {
  const t = useT()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{t.browserAny}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}
