/**
 * The sync indicator: online or offline, answers waiting, the last sync, a sync error with a retry, and
 * answers the server refused with the reason. Nothing is dropped silently.
 */
import { useEffect, useState } from 'react'
import { formatDueTime } from '~/i18n'
import { useLang, useT } from '~/i18n/react'
import { dismissRefusals, outbox, syncStatus, type SyncStatus } from './store'
import { flushOutbox, SYNC_CHANNEL } from './sync'
import { startSyncTriggers } from './triggers'
import { messageText } from '~/i18n/keys'
import { refusalText } from './refusal-text'

interface View extends SyncStatus {
  online: boolean
  waiting: number
}

export function OfflineIndicator() {
  const t = useT()
  const lang = useLang()
  const [view, setView] = useState<View | null>(null)
  useEffect(() => {
    let alive = true
    const refresh = async () => {
      const [status, waiting] = await Promise.all([syncStatus(), outbox()])
      // Checks go to the server too, but they are not answers: the count is of answers (and undos) waiting.
      if (alive) setView({ ...status, online: navigator.onLine, waiting: waiting.filter((e) => e.event.type !== 'check').length })
    }
    startSyncTriggers()
    void refresh()
    const channel = 'BroadcastChannel' in globalThis ? new BroadcastChannel(SYNC_CHANNEL) : null
    if (channel) channel.onmessage = () => void refresh()
    addEventListener('online', refresh)
    addEventListener('offline', refresh)
    const timer = setInterval(refresh, 2000)
    return () => {
      alive = false
      channel?.close()
      removeEventListener('online', refresh)
      removeEventListener('offline', refresh)
      clearInterval(timer)
    }
  }, [])
  if (!view) return null
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return (
    <div className="sync-indicator" data-sync-indicator="" data-online={view.online ? 'yes' : 'no'} data-waiting={view.waiting}>
      <p className="sync-line">
        <span className={view.online ? 'sync-online' : 'sync-offline'}>{view.online ? t.offlineOnline : t.offlineOffline}</span>
        {' · '}
        <span data-waiting-text="">{t.offlineWaiting(view.waiting)}</span>
        {' · '}
        <span>{view.lastSyncAt ? t.offlineLastSync(formatDueTime(view.lastSyncAt, lang, zone)) : t.offlineNeverSynced}</span>
        {view.online && view.waiting > 0 && !view.lastError ? (
          <button type="button" className="link-button" onClick={() => void flushOutbox()}>
            {t.offlineSyncNow}
          </button>
        ) : null}
      </p>
      {view.lastError && view.waiting > 0 && view.lastError !== 'offline' ? (
        <p role="alert" className="error sync-error">
          {t.offlineSyncError(messageText(t, view.lastError) ?? view.lastError)}{' '}
          <button type="button" className="secondary small" onClick={() => void flushOutbox()}>
            {t.offlineRetry}
          </button>
        </p>
      ) : null}
      {view.refused.length > 0 ? (
        <div role="alert" className="sync-refused">
          <p>{t.offlineRefusedTitle}</p>
          <ul>
            {view.refused.map((r, i) => (
              <li key={`${r.id}-${i}`} data-refusal={r.reason}>
                {refusalText(t, lang, r)}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="secondary small"
            onClick={() => void dismissRefusals().then(() => setView({ ...view, refused: [] }))}
          >
            {t.offlineDismiss}
          </button>
        </div>
      ) : null}
    </div>
  )
}
