/** The ids of the content items in a deck (the benches answer the timeline deck's cards). */
import { matchesDeckFilter } from '~/domain/content/bundle'
import { loadContentFromDisk } from '~/utils/content-files.server'

export function deckItemIds(deckId: string): string[] {
  const { bundle } = loadContentFromDisk()
  const deck = bundle.decks.find((d) => d.id === deckId)
  if (!deck) throw new Error(`no deck ${deckId}`)
  return bundle.items.filter((i) => matchesDeckFilter(i, deck.filter)).map((i) => i.id)
}
