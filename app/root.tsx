import { useEffect } from 'react'
import { Form, Link, Links, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/root'
import { useLang, useT } from './i18n/react'
import { metaMessages, pageTitle } from './i18n/meta'
import { PageMeta } from './i18n/page-meta'
import { ErrorMessage } from './components/error-page'
import { useNonce } from './utils/nonce'
import { skipRevalidationAfterCheck } from './utils/revalidation'
import { registerServiceWorker } from './offline/register'
import { currentUser } from './utils/access.server'
import { visitorMiddleware } from './utils/request-context.server'
import { viewerPreferences } from './utils/lang.server'
import { dictionaryChunkUrl } from './i18n/chunks.server'
import './styles.css'

/** Who is asking, resolved once per request for every loader and action (app/utils/request-context.server.ts). */
export const middleware: Route.MiddlewareFunction[] = [visitorMiddleware]

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = currentUser(context)
  const { lang, timeZone } = await viewerPreferences(request, user?.id ?? null)
  return {
    lang,
    timeZone,
    dictionaryUrl: dictionaryChunkUrl(lang),
    account: user?.kind === 'account' ? { name: user.displayName ?? user.email ?? '', role: user.role } : null,
  }
}

// A check changes nothing shown here (language, time zone, account: a visitor made a guest by it keeps the browser's).
export const shouldRevalidate = skipRevalidationAfterCheck

export function meta({ matches, error }: Route.MetaArgs) {
  const t = metaMessages(matches)
  const title = error ? pageTitle({ matches, error }, () => t.appName) : [{ title: t.appName }]
  return [...title, { name: 'description', content: t.tagline }]
}

export function Layout({ children }: { children: React.ReactNode }) {
  const lang = useLang()
  const nonce = useNonce()
  const dictionaryUrl = (useRouteLoaderData('root') as { dictionaryUrl?: string } | undefined)?.dictionaryUrl
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#1f5f6b" />
        <link rel="manifest" href={`/manifest.${lang}.webmanifest`} />
        {/* Icons drawn by scripts/make-icons.ts: the .ico for browsers that ask for it, the SVG for those that can. */}
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
        <PageMeta />
        <Links />
        {dictionaryUrl ? <link rel="modulepreload" href={dictionaryUrl} /> : null}
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

/** Remember the browser's time zone so a new guest's study day starts at their local 04:00. */
function useTimeZoneCookie() {
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone
    if (tz) document.cookie = `tz=${encodeURIComponent(tz)}; Path=/; Max-Age=31536000; SameSite=Lax`
  }, [])
}

function Header() {
  const t = useT()
  const account = (useRouteLoaderData('root') as { account: { name: string; role: string } | null } | undefined)?.account ?? null
  const lang = useLang()
  const location = useLocation()
  const other = lang === 'en' ? 'zh-Hans' : 'en'
  return (
    <header className="topbar">
      <a href="#main" className="skip-link">
        {t.skipToContent}
      </a>
      <Link to="/" className="brand">
        {t.appName}
      </Link>
      <nav aria-label={t.appName} className="topnav">
        <NavLink to="/" end>
          {t.navDecks}
        </NavLink>
        <NavLink to="/quiz">{t.navQuiz}</NavLink>
        <NavLink to="/stats">{t.navStats}</NavLink>
        {account ? <NavLink to="/classes">{t.navClasses}</NavLink> : null}
        <NavLink to="/settings">{t.navSettings}</NavLink>
        {account ? <NavLink to="/account">{t.navAccount}</NavLink> : <NavLink to="/login">{t.navSignIn}</NavLink>}
        <Form method="post" action="/language" className="inline-form">
          <input type="hidden" name="lang" value={other} />
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <button type="submit" className="link-button" aria-label={t.switchToLabel} lang={other}>
            {t.switchTo}
          </button>
        </Form>
      </nav>
    </header>
  )
}

export default function App() {
  useTimeZoneCookie()
  const lang = useLang()
  // Installable app and offline study (issue 11): the service worker, and the language offline pages use.
  useEffect(() => registerServiceWorker(lang), [lang])
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  )
}

/** Any error that reaches the root keeps the header and navigation; the message is in the viewer's language. */
export function ErrorBoundary() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <ErrorMessage />
      </main>
    </>
  )
}
