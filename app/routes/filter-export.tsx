/**
 * /export: download a selection of the content's cards (one source, category and tag, any of them "any"), the
 * same filter as `npm run deck:export -- --source/--category/--tag`. A plain GET form, so it works without
 * scripts; the file route parses it with the same zod schema. Imported private decks are never included.
 */
import { Link } from 'react-router'
import type { Route } from './+types/filter-export'
import { RouteErrorBoundary } from '~/components/error-page'
import { ExportFormatFields } from '~/components/export-format-fields'
import { itemChoices } from '~/data/item-choices.server'
import { categories } from '~/domain/content/schema'
import { isExportRefusal } from '~/domain/interchange/export-form'
import { pageTitle } from '~/i18n/meta'
import { useLang, useT } from '~/i18n/react'
import { currentUser } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request, context }: Route.LoaderArgs) {
  const choices = await itemChoices(getDb(), currentUser(context)?.id ?? null)
  const error = new URL(request.url).searchParams.get('error')
  return { sources: choices.sources, tags: choices.tags, refusal: isExportRefusal(error) ? error : null }
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.filterExportTitle)
}

export const ErrorBoundary = RouteErrorBoundary

export default function FilterExport({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { sources, tags, refusal } = loaderData
  const title = (b: { en: string; zh: string }) => (lang === 'en' ? b.en : b.zh)
  const select = (name: string, label: string, options: Array<{ value: string; label: string }>) => (
    <div className="field">
      <label htmlFor={`export-${name}`}>{label}</label>
      <select id={`export-${name}`} name={name} defaultValue="">
        <option value="">{t.quizAny}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <div className="page narrow deck-export">
      <Link to="/" className="back-link">
        ← {t.navDecks}
      </Link>
      <h1>{t.filterExportTitle}</h1>
      <p className="muted">{t.filterExportIntro}</p>
      {refusal ? (
        <p role="alert" className="error">
          {refusal === 'empty' ? t.filterExportEmpty : t.filterExportInvalid}
        </p>
      ) : null}
      {/* Keyed by language: option names and the default card language follow the interface language. */}
      <form key={lang} method="get" action="/export/file">
        {select(
          'source',
          t.quizSource,
          sources.map((s) => ({ value: s.id, label: title(s.title) })),
        )}
        {select(
          'category',
          t.quizCategory,
          categories.map((c) => ({ value: c, label: t.categoryNames[c] ?? c })),
        )}
        {select(
          'tag',
          t.quizTag,
          tags.map((tag) => ({ value: tag, label: t.tagNames[tag] ?? tag })).sort((x, y) => x.label.localeCompare(y.label, lang)),
        )}
        <ExportFormatFields />
        <button type="submit" className="button primary">
          {t.exportDownload}
        </button>
      </form>
    </div>
  )
}
