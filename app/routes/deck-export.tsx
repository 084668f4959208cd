/**
 * /decks/:deckId/export: choose a format and a language, then download (a plain GET form, so it works without
 * scripts; the file route parses it with the same zod schema).
 */
import { Link } from 'react-router'
import type { Route } from './+types/deck-export'
import { RouteErrorBoundary } from '~/components/error-page'
import { deckExists } from '~/data/decks.server'
import { ExportFormatFields } from '~/components/export-format-fields'
import { isExportRefusal } from '~/domain/interchange/export-form'
import { metaLang, pageTitle } from '~/i18n/meta'
import { useLang, useT } from '~/i18n/react'
import { currentUser } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { errorPage } from '~/utils/http-errors.server'

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = currentUser(context)
  const deck = await deckExists(getDb(), params.deckId, user?.id ?? null)
  if (!deck) throw errorPage('errorNoSuchDeck', 404)
  const error = new URL(request.url).searchParams.get('error')
  return { deck: { id: deck.id, title: deck.data.title }, refusal: isExportRefusal(error) ? error : null }
}

export function meta(args: Route.MetaArgs) {
  const lang = metaLang(args.matches)
  const title = args.loaderData?.deck.title
  return pageTitle(args, (t) => t.exportPageTitle(title ? (lang === 'en' ? title.en : title.zh) : ''))
}

export const ErrorBoundary = RouteErrorBoundary

export default function DeckExport({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { deck, refusal } = loaderData
  const title = lang === 'en' ? deck.title.en : deck.title.zh
  const base = `/decks/${encodeURIComponent(deck.id)}`
  return (
    <div className="page narrow deck-export">
      <Link to={`${base}/study`} className="back-link">
        ← {title}
      </Link>
      <h1>{t.exportPageTitle(title)}</h1>
      <p className="muted">{t.exportIntro}</p>
      {refusal ? (
        <p role="alert" className="error">
          {refusal === 'empty' ? t.exportEmpty : t.exportInvalid}
        </p>
      ) : null}
      {/* Keyed by language: the card language defaults to the interface language, also after switching it. */}
      <form key={lang} method="get" action={`${base}/export/file`}>
        <ExportFormatFields />
        <button type="submit" className="button primary">
          {t.exportDownload}
        </button>
      </form>
      <p>
        <Link to="/export">{t.filterExportLink}</Link>
      </p>
    </div>
  )
}
