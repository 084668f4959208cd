/**
 * On the online study page: keeps the deck for offline study (on arrival and again on leaving), asks for persistent
 * storage, sends waiting answers and shows the sync indicator. Loaded lazily, after the page is up.
 */
import { useEffect } from 'react'
import { withKeptContent, type KeptDeck, type KeptDeckUpdate } from './kept-deck'
import { OfflineIndicator } from './indicator'
import { keepDeck, keptDeck, undrop, wasDropped } from './store'

/**
 * Keeps the deck now. `auto`: studying keeps a deck, unless the learner dropped it with the switch on the deck
 * list. `whole`: fetch the content too, whatever the phone keeps.
 */
export async function keepDeckNow(deckId: string, auto = false, whole = false): Promise<boolean> {
  if (auto && (await wasDropped(deckId))) return false
  if (!auto) await undrop(deckId)
  const askedAt = Date.now()
  const kept = whole ? undefined : await keptDeck(deckId)
  const url = `/decks/${encodeURIComponent(deckId)}/offline`
  // The content the phone keeps is not sent again while it is current: only the learner's part comes back.
  const res = await fetch(kept?.contentHash ? `${url}?have=${encodeURIComponent(kept.contentHash)}` : url, { credentials: 'same-origin' })
  if (!res.ok) return false
  const deck = withKeptContent((await res.json()) as KeptDeck | KeptDeckUpdate, kept)
  // A reply that does not fit the copy read before asking (the server errs, or none was kept): fetch the deck whole.
  if (!deck) return keepDeckNow(deckId, auto, true)
  await keepDeck(deck, askedAt)
  // Kept decks should survive storage pressure; the browser decides (an installed app usually gets it).
  await navigator.storage?.persist?.().catch(() => false)
  return true
}

/** Hiding the page keeps the deck again at most this often (a phone may flip between apps). */
const REKEEP_AFTER_MS = 5_000

export default function OfflineKeeper({ deckId, learner }: { deckId: string; learner: boolean }) {
  useEffect(() => {
    if (!learner) return
    let keptAt = Date.now()
    const keep = () => {
      keptAt = Date.now()
      void keepDeckNow(deckId, true).catch(() => undefined)
    }
    keep()
    // The copy kept on arrival misses this visit's online answers and checks. Keeping it again when the learner
    // leaves (another app, the screen locked, another page) means a card rated online here is not shown offline
    // as still due, or as still checked.
    const onHide = () => {
      if (document.visibilityState === 'hidden' && Date.now() - keptAt >= REKEEP_AFTER_MS) keep()
    }
    document.addEventListener('visibilitychange', onHide)
    return () => {
      document.removeEventListener('visibilitychange', onHide)
      keep()
    }
  }, [deckId, learner])
  useEffect(() => {
    document.addEventListener('submit', continueOfflineIfDisconnected, true)
    return () => document.removeEventListener('submit', continueOfflineIfDisconnected, true)
  }, [])
  return <OfflineIndicator />
}

/**
 * A rating, check or undo sent while the phone is offline would fail and end on an error page. Instead the page is
 * loaded again, which the service worker answers with offline study of this deck (kept decks), or a page saying it
 * is not kept on this device; the learner answers the card there. Listening on the document's capture phase, this
 * runs before React Router's submit handler, which leaves a prevented submission alone. (Here, in the keeper's
 * chunk loaded after the page, rather than in the study page's own JavaScript.)
 */
function continueOfflineIfDisconnected(event: Event) {
  if (navigator.onLine !== false) return
  event.preventDefault()
  window.location.reload()
}
