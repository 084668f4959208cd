/**
 * /decks/:deckId/delete: the owner's imported deck, deleted in two steps like removing a student. GET says what
 * happens (the deck and its cards are retired, learners keep their history, refused while a live class has it
 * assigned); a POST with confirm=1 does it. Nothing is written before that: a post without the confirmation
 * (400) or while the deck is assigned (409) shows this page again with the reason. A replayed post, once the
 * deck is gone, says it was already deleted. Works without JavaScript (a plain form).
 */
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import type { Route } from './+types/deck-delete'
import { ConfirmStep } from '~/components/confirm-step'
import { DeckAssignments } from '~/components/deck-assignments'
import { RouteErrorBoundary } from '~/components/error-page'
import { deckAssignments, deletedOwnDeckTitle, deleteImportedDeck, ownImportedDeck } from '~/data/imported-decks.server'
import { deleteDeckSchema } from '~/domain/interchange/deck-manage-form'
import { msg, type MessageKey } from '~/i18n/keys'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/react'
import { requireAccount } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { errorPage } from '~/utils/http-errors.server'

/** The owner's live deck; for one they deleted already, a page that says so; anyone else: no such deck. */
async function deckToDelete(context: Route.LoaderArgs['context'], request: Request, deckId: string) {
  const user = requireAccount(context, request)
  if (user.role !== 'instructor') throw errorPage('errorNoSuchOwnDeck', 404)
  const db = getDb()
  const deck = await ownImportedDeck(db, user.id, deckId)
  if (deck) return { user, deck }
  if ((await deletedOwnDeckTitle(db, user.id, deckId)) !== null) throw errorPage('errorDeckAlreadyDeleted', 404)
  throw errorPage('errorNoSuchOwnDeck', 404)
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { deck } = await deckToDelete(context, request, params.deckId)
  return { deck, assignedIn: await deckAssignments(getDb(), deck.id) }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { user, deck } = await deckToDelete(context, request, params.deckId)
  const submission = parseWithZod(await request.formData(), { schema: deleteDeckSchema })
  const refused = (error: MessageKey, status: number) => data({ error }, { status })
  if (submission.status !== 'success') return refused(msg('errorDeckDeleteConfirm'), 400)
  const outcome = await deleteImportedDeck(getDb(), user.id, deck.id)
  if (outcome === 'assigned') return refused(msg('errorDeckAssigned'), 409)
  if (outcome === 'not-found') throw errorPage('errorNoSuchOwnDeck', 404)
  return redirect(`/decks/import?deleted=${encodeURIComponent(deck.id)}`)
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.deckDeleteConfirmTitle(args.loaderData?.deck.title ?? ''))
}

export const ErrorBoundary = RouteErrorBoundary

export default function DeckDelete({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const { deck, assignedIn } = loaderData
  return (
    <ConfirmStep
      title={t.deckDeleteConfirmTitle(deck.title)}
      consequences={[t.deckDeleteRetires(deck.items), t.deckDeleteHistoryStays, t.deckDeleteRefusedWhileAssigned]}
      fields={{}}
      confirmLabel={t.deckDeleteSubmit}
      cancelTo={`/decks/${deck.id}/manage`}
      cancelLabel={t.cancelKeep}
      error={actionData ? t[actionData.error] : null}
    >
      <DeckAssignments assignedIn={assignedIn} />
    </ConfirmStep>
  )
}
