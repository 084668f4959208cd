/**
 * When the outbox is sent: now (after each answer, if online), on reconnect, when the page becomes visible,
 * every minute, and by Background Sync where the browser has it (the service worker then sends it even
 * after the page is closed).
 */
import { flushOutbox, SYNC_TAG } from './sync'

const EVERY_MS = 60_000

export async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration()
    const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync
    if (sync) await sync.register(SYNC_TAG)
  } catch {
    // Background Sync refused or missing: the page's own triggers below still send.
  }
  if (navigator.onLine) void flushOutbox()
}

let started = false
export function startSyncTriggers(): void {
  if (started) return
  started = true
  const flush = () => {
    if (navigator.onLine) void flushOutbox()
  }
  addEventListener('online', flush)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') flush()
  })
  setInterval(flush, EVERY_MS)
  flush()
}
