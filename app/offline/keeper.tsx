/**
 * On the online study page: keeps the deck for offline study (fetched once per visit), asks for persistent
 * storage, sends waiting answers and shows the sync indicator. Loaded lazily, after the page is up.
 */
import { useEffect } from 'react'
import type { KeptDeck } from './kept-deck'
import { OfflineIndicator } from './indicator'
import { keepDeck, undrop, wasDropped } from './store'

/** `auto`: studying keeps a deck, unless the learner dropped it with the switch on the deck list. */
export async function keepDeckNow(deckId: string, auto = false): Promise<boolean> {
  if (auto && (await wasDropped(deckId))) return false
  if (!auto) await undrop(deckId)
  const res = await fetch(`/decks/${encodeURIComponent(deckId)}/offline`, { credentials: 'same-origin' })
  if (!res.ok) return false
  await keepDeck((await res.json()) as KeptDeck)
  // Kept decks should survive storage pressure; the browser decides (an installed app usually gets it).
  await navigator.storage?.persist?.().catch(() => false)
  return true
}

export default function OfflineKeeper({ deckId, learner }: { deckId: string; learner: boolean }) {
  useEffect(() => {
    if (learner) void keepDeckNow(deckId, true).catch(() => undefined)
  }, [deckId, learner])
  return <OfflineIndicator />
}
