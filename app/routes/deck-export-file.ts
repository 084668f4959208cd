/**
 * GET /decks/:deckId/export/file?format=…&lang=…: the deck as a file (Content-Disposition: attachment). A deck
 * the viewer may not see is "not found"; bad parameters or an empty deck go back to the export page, which
 * says why in the viewer's language. Nothing is written anywhere.
 */
import { redirect } from 'react-router'
import type { Route } from './+types/deck-export-file'
import { exportSelection } from '~/data/deck-export.server'
import { deckExists } from '~/data/decks.server'
import { exportFileName, exportFormatFiles } from '~/domain/interchange/export-formats'
import { exportFormSchema } from '~/domain/interchange/export-form'
import { currentUser } from '~/utils/access.server'
import { renderExport } from '~/utils/deck-export.server'
import { getDb } from '~/utils/db.server'
import { errorPage } from '~/utils/http-errors.server'

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const db = getDb()
  const user = currentUser(context)
  const deck = await deckExists(db, params.deckId, user?.id ?? null)
  if (!deck) throw errorPage('errorNoSuchDeck', 404)
  const page = `/decks/${encodeURIComponent(deck.id)}/export`
  const parsed = exportFormSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) throw redirect(`${page}?error=invalid`)
  const { format, lang } = parsed.data
  const selection = await exportSelection(db, { deck: { id: deck.id, title: deck.data.title } })
  if (selection.items.length === 0) throw redirect(`${page}?error=empty`)
  const bytes = await renderExport(selection, format, lang)
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': exportFormatFiles[format].contentType,
      'Content-Disposition': `attachment; filename="${exportFileName(deck.id, lang, format)}"`,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
