/**
 * The phone's store (app/offline/store.ts) on fake-indexeddb, a complete in-memory IndexedDB: which of the
 * server's card states and open checks replace the phone's when a deck is kept or a sync settles. The same
 * paths run in Chromium in tests/e2e/phone-offline.spec.ts; these cover the rules case by case.
 */
import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { newCard, type StoredCard } from '~/domain/scheduling'
import type { KeptDeck, KeptItem } from '~/offline/kept-deck'

type Store = typeof import('~/offline/store')
let store: Store

beforeEach(async () => {
  // A new phone for every test: an empty IndexedDB and a store module that has not opened it yet.
  globalThis.indexedDB = new IDBFactory()
  vi.resetModules()
  store = await import('~/offline/store')
})

const USER = 'learner-1'
const DECK = 'kinds'
const T0 = Date.UTC(2026, 11, 4, 9)
const card = (reps: number): StoredCard => ({ ...newCard(T0), reps, state: 2, lastReview: T0 - reps })
const check = (itemId: string, reviewId: string, checkedAt = T0) => ({ itemId, reviewId, response: 'answer', checkedAt })

/** A flip card, or for an id starting with `tf` a true-or-false card, whose shared prompt needs its statement. */
function keptItem(id: string): KeptItem {
  const item = id.startsWith('tf')
    ? { id, kind: 'true-false', statement: { en: `Statement ${id}`, zh: `陈述 ${id}` } }
    : { id, kind: 'flip' }
  return { item, content: { prompt: { en: `Prompt ${id}`, zh: `问题 ${id}` } } } as unknown as KeptItem
}

function deck(cards: Record<string, StoredCard>, checks: KeptDeck['checks'], items = ['a', 'b', 'c']): KeptDeck {
  return {
    deckId: DECK,
    userId: USER,
    title: { en: 'Kinds', zh: '题型' },
    items: items.map(keptItem),
    siblingGroups: {},
    cards,
    requested: [],
    settings: { desiredRetention: 0.9, newPerDay: 20, maxReviewsPerDay: 200, cardLanguage: 'both', uiLanguage: null, timeZone: 'UTC' },
    weights: null,
    holds: {},
    checks,
    progress: { dayStart: T0, dayEnd: T0 + 86_400_000, newToday: 0, reviewsToday: 0 },
    contentHash: 'h',
    fetchedAt: T0,
  }
}

async function phoneState() {
  const cards = await store.cardsFor(USER, ['a', 'b', 'c'])
  const checks = await store.openChecks(USER, DECK, T0 + 1000)
  return {
    reps: Object.fromEntries([...cards].map(([id, c]) => [id, c.reps])),
    checks: Object.fromEntries(checks.map((c) => [c.itemId, c.reviewId])),
  }
}

/** An answer of `itemId` made on the phone, waiting in the outbox. */
async function answerOffline(itemId: string, reviewId: string, reps: number) {
  const entry = {
    userId: USER,
    deckId: DECK,
    event: { type: 'answer' as const, id: reviewId, itemId, rating: 3 as const, answeredAt: T0 + 500, durationMs: 1000, retention: 0.9 },
  }
  await store.recordLocally(entry, itemId, card(reps), { push: { reviewId, itemId, deckId: DECK, before: null } })
}

describe('the phone store', () => {
  it('keeping a deck takes the server’s states and checks, except for cards whose answers or checks still wait', async () => {
    await store.keepDeck(deck({ a: card(1), b: card(1), c: card(1) }, [check('a', 'ra'), check('b', 'rb')]), T0)
    expect(await phoneState()).toEqual({ reps: { a: 1, b: 1, c: 1 }, checks: { a: 'ra', b: 'rb' } })

    // Offline: c is answered (its state moves on) and checked again after; b's check stays the phone's.
    await answerOffline('c', 'rc1', 2)
    await store.keepFirstCheck(USER, DECK, check('c', 'rc2', T0 + 600), 2)
    // The server, not yet told, still has c at 1 answer and no check of c; it has dropped a's check (rated online).
    await store.keepDeck(deck({ a: card(2), b: card(1), c: card(1) }, [check('b', 'rb')]), T0 + 700)
    expect(await phoneState()).toEqual({ reps: { a: 2, b: 1, c: 2 }, checks: { b: 'rb', c: 'rc2' } })
  })

  it('a deck fetched before a sync settled does not overwrite what the sync left', async () => {
    await store.keepDeck(deck({ a: card(1) }, [check('a', 'phone')]), T0)
    // The sync's reply: the server holds an earlier check of a (the first check holds), which replaces the phone's.
    await store.settleSynced(USER, [], { a: card(3) }, { a: { reviewId: 'ra', response: 'x', checkedAt: T0 - 50 } }, T0 + 200)
    // Asked for at T0 + 100, before the sync settled at T0 + 200: its states and checks are older.
    await store.keepDeck(deck({ a: card(2) }, []), T0 + 100)
    expect(await phoneState()).toEqual({ reps: { a: 3 }, checks: { a: 'ra' } })
    expect((await store.keptDeck(DECK))?.fetchedAt).toBe(T0)
    // Asked for after it: the server's copy wins again.
    await store.keepDeck(deck({ a: card(4) }, []), T0 + 300)
    expect(await phoneState()).toEqual({ reps: { a: 4 }, checks: {} })
  })

  it('the first check of a card holds; it and only it joins the outbox, with the answer count the phone saw', async () => {
    await store.keepDeck(deck({ a: card(5) }, []), T0)
    const first = await store.keepFirstCheck(USER, DECK, check('a', 'r1', T0 + 10), 5)
    const second = await store.keepFirstCheck(USER, DECK, { ...check('a', 'r2', T0 + 20), response: 'retry' }, 5)
    expect(second).toEqual(first)
    const events = (await store.outbox()).map((e) => e.event)
    expect(events).toEqual([{ type: 'check', reviewId: 'r1', itemId: 'a', response: 'answer', checkedAt: T0 + 10, reps: 5 }])
    // Rating the card closes its check on the phone at once.
    await answerOffline('a', 'r1', 6)
    expect((await phoneState()).checks).toEqual({})
  })

  it('a settled sync applies the server’s states and checks, but not over a card answered again since the batch was taken', async () => {
    await store.keepDeck(deck({ a: card(1), b: card(1) }, [check('b', 'rb')]), T0)
    await answerOffline('a', 'ra1', 2)
    await answerOffline('b', 'rb', 2)
    const batch = (await store.outbox()).map((e) => e.seq!)
    // While the batch is on its way, a is answered once more.
    await answerOffline('a', 'ra2', 3)
    await store.settleSynced(USER, batch, { a: card(2), b: card(2) }, { a: null, b: null }, T0 + 900)
    expect(await phoneState()).toEqual({ reps: { a: 3, b: 2 }, checks: {} })
    expect((await store.outbox()).map((e) => e.event.type === 'answer' && e.event.id)).toEqual(['ra2'])
    expect((await store.syncStatus()).lastSyncAt).toBe(T0 + 900)
  })

  it('a refused answer leaves the outbox and is kept for the learner with the text that names its card', async () => {
    await store.keepDeck(deck({}, [], ['a', 'tf1']), T0)
    await answerOffline('a', 'ra', 1)
    await answerOffline('tf1', 'rt', 1)
    await answerOffline('z', 'rz', 1) // a card this kept deck does not have (retired since): shown by its id
    const [first, second, third] = await store.outbox()
    const refusal = (id: string) => ({ index: 0, id, reason: 'id-conflict' as const, detail: 'taken' })
    await store.settleRefused([
      { seq: first!.seq!, refusal: refusal('ra'), itemId: 'a' },
      { seq: second!.seq!, refusal: refusal('rt'), itemId: 'tf1' },
      { seq: third!.seq!, refusal: refusal('rz'), itemId: 'z' },
    ])
    expect(await store.outbox()).toEqual([])
    const { refused } = await store.syncStatus()
    expect(refused.map((r) => ({ id: r.id, itemId: r.itemId, card: r.card }))).toEqual([
      { id: 'ra', itemId: 'a', card: { text: { en: 'Prompt a', zh: '问题 a' }, cardLanguage: 'both' } },
      // A true-or-false prompt is shared by many cards: the statement names this one.
      { id: 'rt', itemId: 'tf1', card: { text: { en: 'Statement tf1', zh: '陈述 tf1' }, cardLanguage: 'both' } },
      { id: 'rz', itemId: 'z', card: undefined },
    ])
  })

  it('two tabs keeping one deck at once: the copy the server built later stands, whichever reply arrives last', async () => {
    const newer = { ...deck({ a: card(2) }, [check('a', 'r-new')]), fetchedAt: T0 + 10 }
    const older = { ...deck({ a: card(1) }, [check('a', 'r-old')]), fetchedAt: T0 }
    await store.keepDeck(newer, T0 + 5)
    await store.keepDeck(older, T0 - 5)
    expect(await phoneState()).toEqual({ reps: { a: 2 }, checks: { a: 'r-new' } })
    expect((await store.keptDeck(DECK))!.fetchedAt).toBe(T0 + 10)
    // The same learner's next copy replaces it as before.
    await store.keepDeck({ ...deck({ a: card(3) }, []), fetchedAt: T0 + 20 }, T0 + 15)
    expect(await phoneState()).toEqual({ reps: { a: 3 }, checks: {} })
  })

  it('a check made on the phone keeps the answer count it saw, also once the server confirms that very check', async () => {
    await store.keepDeck(deck({ a: card(5), b: card(2) }, []), T0)
    await store.keepFirstCheck(USER, DECK, check('a', 'r1', T0 + 10), 5)
    await store.keepFirstCheck(USER, DECK, check('b', 'r2', T0 + 10), 2)
    const counts = async () => Object.fromEntries((await store.openChecks(USER, DECK, T0 + 1000)).map((c) => [c.itemId, c.reps]))
    expect(await counts()).toEqual({ a: 5, b: 2 })
    const batch = (await store.outbox()).map((e) => e.seq!)
    // The server confirms a's check; b's check it replaced with another showing's (checked elsewhere first).
    await store.settleSynced(
      USER,
      batch,
      {},
      { a: { reviewId: 'r1', response: 'answer', checkedAt: T0 + 10 }, b: { reviewId: 'r9', response: 'x', checkedAt: T0 + 5 } },
      T0 + 900,
    )
    expect(await counts()).toEqual({ a: 5, b: undefined })
    // Keeping the deck again with the same checks keeps the count too.
    await store.keepDeck({ ...deck({ a: card(5), b: card(2) }, [check('a', 'r1', T0 + 10)]), fetchedAt: T0 + 950 }, T0 + 950)
    expect(await counts()).toEqual({ a: 5 })
  })
})
