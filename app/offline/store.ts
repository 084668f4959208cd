/**
 * The phone's IndexedDB (through `idb`): kept decks, the learner's card states, the outbox of review events
 * waiting to sync, the undo stack, refusals and sync status. Browser only (the page and the service worker).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { Refusal, ReviewEvent } from '~/domain/review-events'
import type { StoredCard } from '~/domain/scheduling'
import { checkInForce } from '~/domain/open-check'
import type { KeptDeck } from './kept-deck'

/** An event waiting in the outbox, with what the phone needs to show and count it. */
export interface OutboxEntry {
  seq?: number
  userId: string
  deckId: string
  event: ReviewEvent
  /** For answers: the card's state before it (undo restores it) and whether it was new or a review. */
  before?: StoredCard
}

export interface SyncStatus {
  lastSyncAt: number | null
  lastError: string | null
  refused: Array<Refusal & { itemId?: string }>
}

export interface UndoStep {
  reviewId: string
  itemId: string
  deckId: string
  before: StoredCard | null
}

/** The first Check of the card shown in a deck, kept until it is rated (as the server keeps its open checks). */
export interface OpenCheck {
  itemId: string
  reviewId: string
  response: string
  checkedAt: number
}

interface OfflineSchema extends DBSchema {
  decks: { key: string; value: KeptDeck & { keptAt: number; bytes: number } }
  cards: { key: string; value: { key: string; userId: string; itemId: string; card: StoredCard | null } }
  outbox: { key: number; value: OutboxEntry }
  meta: { key: string; value: unknown }
}

let dbPromise: Promise<IDBPDatabase<OfflineSchema>> | null = null

export function offlineDb(): Promise<IDBPDatabase<OfflineSchema>> {
  dbPromise ??= openDB<OfflineSchema>('sourcedeck-offline', 1, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('decks')) db.createObjectStore('decks', { keyPath: 'deckId' })
      if (!db.objectStoreNames.contains('cards')) db.createObjectStore('cards', { keyPath: 'key' })
      if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true })
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta')
    },
  })
  return dbPromise
}

const cardKey = (userId: string, itemId: string) => `${userId}|${itemId}`

/** Keeps (or refreshes) a deck; the server's card states replace the phone's unless answers still wait. */
export async function keepDeck(deck: KeptDeck): Promise<void> {
  const db = await offlineDb()
  const waiting = new Set(
    (await db.getAll('outbox')).filter((e) => e.userId === deck.userId).map((e) => (e.event.type === 'answer' ? e.event.itemId : '')),
  )
  const bytes = new Blob([JSON.stringify(deck)]).size
  const tx = db.transaction(['decks', 'cards'], 'readwrite')
  await tx.objectStore('decks').put({ ...deck, keptAt: Date.now(), bytes })
  for (const kept of deck.items) {
    const itemId = kept.item.id
    if (waiting.has(itemId)) continue
    await tx.objectStore('cards').put({ key: cardKey(deck.userId, itemId), userId: deck.userId, itemId, card: deck.cards[itemId] ?? null })
  }
  await tx.done
}

/** Drops a kept deck; it is not kept again automatically until the learner keeps it. */
export async function dropDeck(deckId: string): Promise<void> {
  const db = await offlineDb()
  await db.delete('decks', deckId)
  await db.put('meta', true, `dropped|${deckId}`)
}

export async function wasDropped(deckId: string): Promise<boolean> {
  return Boolean(await (await offlineDb()).get('meta', `dropped|${deckId}`))
}

export async function undrop(deckId: string): Promise<void> {
  await (await offlineDb()).delete('meta', `dropped|${deckId}`)
}

export async function keptDeck(deckId: string) {
  return (await offlineDb()).get('decks', deckId)
}

export async function keptDecks() {
  return (await offlineDb()).getAll('decks')
}

export async function cardsFor(userId: string, itemIds: readonly string[]): Promise<Map<string, StoredCard>> {
  const db = await offlineDb()
  const out = new Map<string, StoredCard>()
  const tx = db.transaction('cards')
  for (const id of itemIds) {
    const row = await tx.store.get(cardKey(userId, id))
    if (row?.card) out.set(id, row.card)
  }
  await tx.done
  return out
}

/** Each card's open check has its own key, as the server keeps one per card: checking one never drops another's. */
const checkPrefix = (userId: string, deckId: string) => `check|${userId}|${deckId}|`
const checkKey = (userId: string, deckId: string, itemId: string) => checkPrefix(userId, deckId) + itemId

/** The deck's open checks still in force, the oldest first. */
export async function openChecks(userId: string, deckId: string, now: number): Promise<OpenCheck[]> {
  const prefix = checkPrefix(userId, deckId)
  const checks = (await (await offlineDb()).getAll('meta', IDBKeyRange.bound(prefix, `${prefix}\uffff`))) as OpenCheck[]
  return checks.filter((c) => checkInForce(c.checkedAt, now)).sort((a, b) => a.checkedAt - b.checkedAt)
}

/** Keeps this check unless one of the same card is in force, and returns the one in force: the first. */
export async function keepFirstCheck(userId: string, deckId: string, check: OpenCheck): Promise<OpenCheck> {
  const db = await offlineDb()
  const tx = db.transaction('meta', 'readwrite')
  const key = checkKey(userId, deckId, check.itemId)
  const kept = (await tx.store.get(key)) as OpenCheck | undefined
  const first = kept && checkInForce(kept.checkedAt, check.checkedAt) ? kept : check
  if (first === check) await tx.store.put(check, key)
  await tx.done
  return first
}

/**
 * One answer or undo: the card's new state and the event, in one IndexedDB transaction. An answer closes the
 * deck's open check of its card in the same transaction, so a reload never shows a rated card's verdict again.
 */
export async function recordLocally(
  entry: OutboxEntry,
  itemId: string,
  card: StoredCard | null,
  undo: { push?: UndoStep; pop?: boolean },
): Promise<void> {
  const db = await offlineDb()
  const tx = db.transaction(['cards', 'outbox', 'meta'], 'readwrite')
  await tx.objectStore('cards').put({ key: cardKey(entry.userId, itemId), userId: entry.userId, itemId, card })
  await tx.objectStore('outbox').add(entry)
  if (entry.event.type === 'answer') await tx.objectStore('meta').delete(checkKey(entry.userId, entry.deckId, itemId))
  const stack = ((await tx.objectStore('meta').get(`undo|${entry.userId}`)) as UndoStep[] | undefined) ?? []
  if (undo.push) stack.push(undo.push)
  if (undo.pop) stack.pop()
  await tx.objectStore('meta').put(stack.slice(-50), `undo|${entry.userId}`)
  await tx.done
}

export async function undoStack(userId: string): Promise<UndoStep[]> {
  return ((await (await offlineDb()).get('meta', `undo|${userId}`)) as UndoStep[] | undefined) ?? []
}

export async function outbox(): Promise<OutboxEntry[]> {
  return (await offlineDb()).getAll('outbox')
}

/** After a sync: the sent events leave the outbox and the server's states replace the phone's, at once. */
export async function settleSynced(
  userId: string,
  sent: readonly number[],
  states: Record<string, StoredCard | null>,
  at: number,
): Promise<void> {
  const db = await offlineDb()
  const tx = db.transaction(['outbox', 'cards', 'meta'], 'readwrite')
  for (const seq of sent) await tx.objectStore('outbox').delete(seq)
  // A card answered again after this batch was taken keeps the phone's newer state until its own sync.
  const stillWaiting = new Set((await tx.objectStore('outbox').getAll()).map((e) => (e.event.type === 'answer' ? e.event.itemId : '')))
  for (const [itemId, card] of Object.entries(states))
    if (!stillWaiting.has(itemId)) await tx.objectStore('cards').put({ key: cardKey(userId, itemId), userId, itemId, card })
  const status = await readStatus(tx.objectStore('meta'))
  await tx.objectStore('meta').put({ ...status, lastSyncAt: at, lastError: null } satisfies SyncStatus, 'status')
  await tx.done
}

/** Refused events leave the outbox (they can never be accepted) and are shown to the learner. */
export async function settleRefused(refused: ReadonlyArray<{ seq: number; refusal: Refusal; itemId?: string }>): Promise<void> {
  const db = await offlineDb()
  const tx = db.transaction(['outbox', 'meta'], 'readwrite')
  for (const r of refused) await tx.objectStore('outbox').delete(r.seq)
  const status = await readStatus(tx.objectStore('meta'))
  await tx.objectStore('meta').put(
    {
      ...status,
      refused: [...status.refused, ...refused.map((r) => ({ ...r.refusal, itemId: r.itemId }))].slice(-50),
    } satisfies SyncStatus,
    'status',
  )
  await tx.done
}

export async function setSyncError(message: string | null): Promise<void> {
  const db = await offlineDb()
  const status = await syncStatus()
  await db.put('meta', { ...status, lastError: message } satisfies SyncStatus, 'status')
}

export async function dismissRefusals(): Promise<void> {
  const db = await offlineDb()
  await db.put('meta', { ...(await syncStatus()), refused: [] } satisfies SyncStatus, 'status')
}

export async function syncStatus(): Promise<SyncStatus> {
  return ((await (await offlineDb()).get('meta', 'status')) as SyncStatus | undefined) ?? { lastSyncAt: null, lastError: null, refused: [] }
}

async function readStatus(store: { get(key: string): Promise<unknown> }): Promise<SyncStatus> {
  return ((await store.get('status')) as SyncStatus | undefined) ?? { lastSyncAt: null, lastError: null, refused: [] }
}
