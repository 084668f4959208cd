/**
 * GET /export/file?source=…&category=…&tag=…&format=…&lang=…: a selection of the content's cards as a file
 * (Content-Disposition: attachment). A choice the form did not offer, or a selection with no cards, goes back
 * to /export, which says why in the viewer's language. Nothing is written anywhere.
 */
import { redirect } from 'react-router'
import type { Route } from './+types/filter-export-file'
import { exportSelection } from '~/data/deck-export.server'
import { invalidChoices, itemChoices } from '~/data/item-choices.server'
import { exportFileName, exportFormatFiles } from '~/domain/interchange/export-formats'
import { filterExportFormSchema } from '~/domain/interchange/export-form'
import { currentUser } from '~/utils/access.server'
import { renderExport } from '~/utils/deck-export.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request, context }: Route.LoaderArgs) {
  const db = getDb()
  const parsed = filterExportFormSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) throw redirect('/export?error=invalid')
  const { format, lang, source, category, tag } = parsed.data
  const choices = await itemChoices(db, currentUser(context)?.id ?? null)
  if (Object.keys(invalidChoices(choices, { source, category, tag })).length > 0) throw redirect('/export?error=invalid')
  const list = (v: string | undefined) => (v === undefined ? undefined : [v])
  const selection = await exportSelection(db, { filter: { sources: list(source), categories: list(category), tags: list(tag) } })
  if (selection.items.length === 0) throw redirect('/export?error=empty')
  const bytes = await renderExport(selection, format, lang)
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': exportFormatFiles[format].contentType,
      'Content-Disposition': `attachment; filename="${exportFileName(selection.deck.id, lang, format)}"`,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
