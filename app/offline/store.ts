/**
 * The phone's IndexedDB (through `idb`): kept decks, the learner's card states, the outbox of review events
 * waiting to sync, the undo stack, refusals and sync status. Browser only (the page and the service worker).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { Refusal, ReviewEvent } from '~/domain/review-events'
import type { StoredCard } from '~/domain/scheduling'
import { checkInForce } from '~/domain/open-check'
import type { KeptDeck, KeptSettings } from './kept-deck'
import type { Bilingual } from '~/domain/content/schema'
import { subjectOf } from '~/domain/kinds'

/** An event waiting in the outbox, with what the phone needs to show and count it. */
export interface OutboxEntry {
  seq?: number
  userId: string
  deckId: string
  event: ReviewEvent
  /** For answers: the card's state before it (undo restores it) and whether it was new or a review. */
  before?: StoredCard
}

/**
 * A refused event as the learner is shown it: the card's id and, when its deck is kept, the text that names the
 * card (its subject where the prompt is shared, as true-or-false prompts are; else its prompt) in the deck's card language.
 */
export type ShownRefusal = Refusal & { itemId?: string; card?: { text: Bilingual; cardLanguage: KeptSettings['cardLanguage'] } }

export interface SyncStatus {
  lastSyncAt: number | null
  lastError: string | null
  refused: ShownRefusal[]
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
  /** The card's answer count when this phone checked it; a check known only from the server has none. */
  reps?: number
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

/** Items with an answer (or, for checks, an answer or a check) of this learner still waiting in the outbox. */
function waitingItems(entries: readonly OutboxEntry[], userId: string, types: ReadonlyArray<ReviewEvent['type']>): Set<string> {
  return new Set(
    entries.flatMap((e) => (e.userId === userId && types.includes(e.event.type) && 'itemId' in e.event ? [e.event.itemId] : [])),
  )
}

/**
 * Keeps (or refreshes) a deck. The server's card states and open checks replace the phone's, except for cards
 * whose answers or checks still wait to be sent: so a card checked offline and then rated online is not shown
 * checked again, and a card checked online comes back offline as that showing. A copy older than the one kept
 * (another tab's reply overtook it) changes nothing.
 */
export async function keepDeck(deck: KeptDeck, askedAt: number): Promise<void> {
  const db = await offlineDb()
  const bytes = new Blob([JSON.stringify(deck)]).size
  // The outbox is read in the same transaction: an answer or check made meanwhile is either seen here or made after.
  const tx = db.transaction(['decks', 'cards', 'meta', 'outbox'], 'readwrite')
  const entries = await tx.objectStore('outbox').getAll()
  const answersWaiting = waitingItems(entries, deck.userId, ['answer'])
  const checksWaiting = waitingItems(entries, deck.userId, ['answer', 'check'])
  // Two tabs keeping one deck at once: the copy the server built later stands, whichever reply arrives last
  // (`fetchedAt` is the server's clock; servers behind one load balancer keep theirs in step).
  const current = await tx.objectStore('decks').get(deck.deckId)
  if (current && current.userId === deck.userId && current.fetchedAt > deck.fetchedAt) return tx.done
  await tx.objectStore('decks').put({ ...deck, keptAt: Date.now(), bytes })
  // A sync that settled while the deck was on its way left newer states and checks than the deck's: keep those.
  const { lastSyncAt } = await readStatus(tx.objectStore('meta'))
  if (lastSyncAt !== null && lastSyncAt >= askedAt) return tx.done
  for (const kept of deck.items) {
    const itemId = kept.item.id
    if (answersWaiting.has(itemId)) continue
    await tx.objectStore('cards').put({ key: cardKey(deck.userId, itemId), userId: deck.userId, itemId, card: deck.cards[itemId] ?? null })
  }
  const serverChecks = new Map(deck.checks.map((c) => [c.itemId, c]))
  for (const kept of deck.items) {
    const itemId = kept.item.id
    if (checksWaiting.has(itemId)) continue
    const check = serverChecks.get(itemId)
    const key = checkKey(deck.userId, deck.deckId, itemId)
    if (check) await tx.objectStore('meta').put(await withPhoneCount(tx.objectStore('meta'), key, check), key)
    else await tx.objectStore('meta').delete(key)
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

/**
 * Keeps this check unless one of the same card is in force, and returns the one in force: the first. A check
 * kept here also joins the outbox, so the server keeps it too: going online is not a fresh try.
 */
export async function keepFirstCheck(userId: string, deckId: string, check: OpenCheck, cardReps: number): Promise<OpenCheck> {
  const db = await offlineDb()
  const tx = db.transaction(['meta', 'outbox'], 'readwrite')
  const key = checkKey(userId, deckId, check.itemId)
  const kept = (await tx.objectStore('meta').get(key)) as OpenCheck | undefined
  const first: OpenCheck = kept && checkInForce(kept.checkedAt, check.checkedAt) ? kept : { ...check, reps: cardReps }
  if (first !== kept) {
    await tx.objectStore('meta').put(first, key)
    await tx.objectStore('outbox').add({
      userId,
      deckId,
      event: {
        type: 'check',
        reviewId: check.reviewId,
        itemId: check.itemId,
        response: check.response,
        checkedAt: check.checkedAt,
        reps: cardReps,
      },
    })
  }
  await tx.done
  return first
}

/** The server's open check of each card after a sync (null: none) replaces the phone's in every kept deck. */
async function settleChecks(
  meta: {
    getAllKeys(range: IDBKeyRange): Promise<IDBValidKey[]>
    get(key: string): Promise<unknown>
    put(value: unknown, key: string): Promise<unknown>
    delete(key: string): Promise<void>
  },
  userId: string,
  checks: Record<string, Omit<OpenCheck, 'itemId'> | null>,
  skip: ReadonlySet<string>,
) {
  const prefix = `check|${userId}|`
  for (const key of (await meta.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`))) as string[]) {
    const itemId = key.slice(key.lastIndexOf('|') + 1)
    if (!(itemId in checks) || skip.has(itemId)) continue
    const check = checks[itemId]
    if (check) await meta.put(await withPhoneCount(meta, key, { itemId, ...check }), key)
    else await meta.delete(key)
  }
}

/** The server's check of a card keeps the answer count the phone noted if it is the very showing the phone checked. */
async function withPhoneCount(meta: { get(key: string): Promise<unknown> }, key: string, check: OpenCheck): Promise<OpenCheck> {
  const mine = (await meta.get(key)) as OpenCheck | undefined
  return mine?.reviewId === check.reviewId && mine.reps !== undefined ? { ...check, reps: mine.reps } : check
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

/** After a sync: the sent events leave the outbox and the server's states and checks replace the phone's, at once. */
export async function settleSynced(
  userId: string,
  sent: readonly number[],
  states: Record<string, StoredCard | null>,
  checks: Record<string, Omit<OpenCheck, 'itemId'> | null>,
  at: number,
): Promise<void> {
  const db = await offlineDb()
  const tx = db.transaction(['outbox', 'cards', 'meta'], 'readwrite')
  for (const seq of sent) await tx.objectStore('outbox').delete(seq)
  // A card answered (or checked) again after this batch was taken keeps the phone's newer state until its own sync.
  const left = await tx.objectStore('outbox').getAll()
  const stillWaiting = waitingItems(left, userId, ['answer'])
  for (const [itemId, card] of Object.entries(states))
    if (!stillWaiting.has(itemId)) await tx.objectStore('cards').put({ key: cardKey(userId, itemId), userId, itemId, card })
  await settleChecks(tx.objectStore('meta'), userId, checks, waitingItems(left, userId, ['answer', 'check']))
  const status = await readStatus(tx.objectStore('meta'))
  await tx.objectStore('meta').put({ ...status, lastSyncAt: at, lastError: null } satisfies SyncStatus, 'status')
  await tx.done
}

/**
 * Refused events leave the outbox (they can never be accepted) and are shown to the learner, each named by its
 * card's text from the kept deck, read now: the learner knows a card by what it asks, not by its id.
 */
export async function settleRefused(refused: ReadonlyArray<{ seq: number; refusal: Refusal; itemId?: string }>): Promise<void> {
  const db = await offlineDb()
  const tx = db.transaction(['outbox', 'decks', 'meta'], 'readwrite')
  // Each kept deck is read once, however many of its answers were refused (a batch holds up to 100).
  const decks = new Map<string, Promise<KeptDeck | undefined>>()
  const shown: ShownRefusal[] = []
  for (const r of refused) {
    const entry = await tx.objectStore('outbox').get(r.seq)
    await tx.objectStore('outbox').delete(r.seq)
    if (entry && !decks.has(entry.deckId)) decks.set(entry.deckId, tx.objectStore('decks').get(entry.deckId))
    const deck = entry && r.itemId ? await decks.get(entry.deckId) : undefined
    const kept = deck?.items.find((k) => k.item.id === r.itemId)
    const card = kept && deck ? { text: subjectOf(kept.item) ?? kept.content.prompt, cardLanguage: deck.settings.cardLanguage } : undefined
    shown.push({ ...r.refusal, itemId: r.itemId, ...(card ? { card } : {}) })
  }
  const status = await readStatus(tx.objectStore('meta'))
  await tx.objectStore('meta').put({ ...status, refused: [...status.refused, ...shown].slice(-50) } satisfies SyncStatus, 'status')
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
