/**
 * GET /decks/:deckId/offline: the deck as a phone keeps it for offline study (JSON; a learner's own).
 * `?have=<contentHash>`: without the content when the phone's copy of it is current.
 */
import type { Route } from './+types/deck-offline'
import { keptDeckFor } from '~/data/offline-deck.server'
import { currentUser } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = currentUser(context)
  const headers = { 'Cache-Control': 'no-store' }
  if (!user) return Response.json({ error: 'Answer a card first: a deck is kept for a learner.' }, { status: 401, headers })
  const have = new URL(request.url).searchParams.get('have') ?? undefined
  const deck = await keptDeckFor(getDb(), user.id, params.deckId, Date.now(), have)
  if (!deck) return Response.json({ error: `There is no deck "${params.deckId}".` }, { status: 404, headers })
  return Response.json(deck, { headers })
}
