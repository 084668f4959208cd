/**
 * Sending the outbox to POST /sync, from the page (on reconnect, visibility change, a timer) or from the
 * service worker (Background Sync). One flush at a time across tabs and the worker (Web Locks); pages hear
 * the outcome on a BroadcastChannel.
 */
import { eventsPerRequest } from '~/domain/review-event-limits'
import type { Refusal, ReviewEvent } from '~/domain/review-events'
import type { StoredCard } from '~/domain/scheduling'
import { outbox, setSyncError, settleRefused, settleSynced, type OpenCheck } from './store'

export const SYNC_CHANNEL = 'sourcedeck-sync'
export const SYNC_TAG = 'sourcedeck-outbox'

type SyncAnswer =
  | {
      status: 'synced'
      accepted: string[]
      duplicates: string[]
      states: Record<string, StoredCard | null>
      checks: Record<string, Omit<OpenCheck, 'itemId'> | null>
    }
  | { status: 'refused'; refused: Refusal[] }
  | { status: 'error'; error: string; message?: string }

export type FlushOutcome = { ok: true; sent: number } | { ok: false; error: string }

function announce() {
  try {
    const channel = new BroadcastChannel(SYNC_CHANNEL)
    channel.postMessage('changed')
    channel.close()
  } catch {
    // No BroadcastChannel: pages refresh their indicator on their own timer.
  }
}

async function withLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks
  return locks ? (locks.request('sourcedeck-sync', run) as Promise<T>) : run()
}

const eventItemId = (event: ReviewEvent) => ('itemId' in event ? event.itemId : undefined)

/** Sends every waiting event, batch by batch; stops at the first error (kept for the next try). */
export function flushOutbox(origin = ''): Promise<FlushOutcome> {
  return withLock(async () => {
    let sent = 0
    for (let round = 0; round < 100; round++) {
      const waiting = await outbox()
      if (waiting.length === 0) break
      const userId = waiting[0]!.userId
      const mine = waiting.filter((e) => e.userId === userId)
      const batch = mine.slice(0, eventsPerRequest(mine.map((e) => e.event)))
      let answer: SyncAnswer
      let status: number
      try {
        const res = await fetch(`${origin}/sync`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ batch: JSON.stringify({ userId, events: batch.map((e) => e.event) }) }),
        })
        status = res.status
        // A refusal before the app (a proxy's, or the server's body limits) is plain text, not the app's JSON.
        answer = (res.headers.get('content-type') ?? '').includes('json')
          ? ((await res.json()) as SyncAnswer)
          : { status: 'error', error: `HTTP ${status}` }
      } catch (error) {
        const message = navigator.onLine === false ? 'offline' : String((error as Error)?.message ?? error)
        await setSyncError(message)
        announce()
        return { ok: false, error: message }
      }
      if (answer.status === 'synced') {
        await settleSynced(
          userId,
          batch.map((e) => e.seq!),
          answer.states,
          answer.checks,
          Date.now(),
        )
        sent += batch.length
      } else if (answer.status === 'refused') {
        await settleRefused(
          answer.refused.map((r) => ({
            seq: batch[r.index]!.seq!,
            refusal: r,
            itemId: eventItemId(batch[r.index]!.event),
          })),
        )
      } else {
        // The server's message key, shown in the learner's language (the English detail is for developers).
        await setSyncError(answer.message ?? `${status}: ${answer.error}`)
        announce()
        return { ok: false, error: answer.error }
      }
      announce()
    }
    return { ok: true, sent }
  })
}
