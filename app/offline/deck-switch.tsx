/** On the deck list: whether a deck is kept on this device for offline study, its size, and a switch. */
import { useEffect, useId, useState } from 'react'
import { useT } from '~/i18n/react'
import { formatBytes } from './format'
import { keepDeckNow } from './keeper'
import { dropDeck, keptDeck } from './store'

export default function OfflineDeckSwitch({ deckId, title }: { deckId: string; title: string }) {
  const t = useT()
  const [kept, setKept] = useState<{ bytes: number } | null | undefined>(undefined)
  const [wanted, setWanted] = useState<boolean | null>(null)
  const [failed, setFailed] = useState(false)
  const stateId = useId()
  useEffect(() => {
    void keptDeck(deckId).then((d) => setKept(d ? { bytes: d.bytes } : null))
  }, [deckId])
  if (kept === undefined) return null
  const toggle = async (on: boolean) => {
    setWanted(on)
    try {
      // Offline, or the server refused: the switch goes back, and says so.
      if (on) setFailed(!(await keepDeckNow(deckId).catch(() => false)))
      else await dropDeck(deckId)
      const d = await keptDeck(deckId)
      setKept(d ? { bytes: d.bytes } : null)
    } finally {
      setWanted(null)
    }
  }
  return (
    <label className="offline-switch" data-offline-switch={deckId}>
      <input
        type="checkbox"
        checked={wanted ?? kept !== null}
        disabled={wanted !== null}
        aria-label={t.offlineKeepLabel(title)}
        // The label names the deck; the visible state (kept, and its size) is read after it.
        aria-describedby={stateId}
        onChange={(e) => void toggle(e.currentTarget.checked)}
      />
      <span id={stateId}>{kept ? t.offlineKept(formatBytes(kept.bytes)) : t.offlineKeep}</span>
      {failed && !kept ? (
        <span role="alert" className="offline-switch-error">
          {t.offlineKeepFailed}
        </span>
      ) : null}
    </label>
  )
}
