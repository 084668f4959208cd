/**
 * A phone that keeps a deck's content gets only the learner's part again (GET /decks/:deckId/offline?have=…):
 * the study page keeps its deck on every visit and again on leaving, and the content is most of the deck's size.
 */
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { items } from '../../db/schema'
import { withKeptContent, type KeptDeck, type KeptDeckUpdate } from '~/offline/kept-deck'
import { loader as keptDeckLoader } from '~/routes/deck-offline'
import { action as studyAction } from '~/routes/study'
import { freshDatabase } from '../support/db'
import { args, call, formRequest, getRequest, guest } from '../support/routes'

async function fetchKept(cookie: string, have?: string) {
  const url = `/decks/kinds/offline${have === undefined ? '' : `?have=${encodeURIComponent(have)}`}`
  const res = (await keptDeckLoader(await args(getRequest(url, cookie), { deckId: 'kinds' }))) as Response
  const text = await res.text()
  return { status: res.status, bytes: text.length, body: JSON.parse(text) as KeptDeck | KeptDeckUpdate }
}

describe('the kept deck without its content', () => {
  it('leaves the content out when the phone has it, and still carries the learner’s newest state', async () => {
    await freshDatabase()
    const me = await guest()
    const whole = await fetchKept(me.cookie)
    expect(whole.status).toBe(200)
    const full = whole.body as KeptDeck
    expect(full.items.length).toBeGreaterThan(5)
    expect(full.contentHash).toMatch(/^[\w-]{22}$/)

    // An answer online, then the phone keeps the deck again with the content it has.
    const first = full.items[0]!.item.id
    const answered = await call(
      studyAction,
      formRequest('/decks/kinds/study', { intent: 'review', reviewId: 'content-r1', itemId: first, rating: '3' }, me.cookie),
      { deckId: 'kinds' },
    )
    expect(answered.status).toBe(302)
    const update = await fetchKept(me.cookie, full.contentHash)
    expect(update.body).toMatchObject({ content: 'unchanged', contentHash: full.contentHash, deckId: 'kinds', userId: me.id })
    expect(update.body).not.toHaveProperty('items')
    expect(update.body).not.toHaveProperty('siblingGroups')
    expect(update.body.cards[first]?.reps).toBe(1)
    expect(update.bytes).toBeLessThan(whole.bytes / 5)

    // The phone's copy of the content plus the update is the deck as a whole fetch gives it now.
    const merged = withKeptContent(update.body, full)!
    const again = (await fetchKept(me.cookie)).body as KeptDeck
    expect({ ...merged, fetchedAt: 0, progress: null }).toEqual({ ...again, fetchedAt: 0, progress: null })
  })

  it('sends the content again when the phone’s copy is not current: another hash, or the deck changed', async () => {
    const db = await freshDatabase()
    const me = await guest()
    const full = (await fetchKept(me.cookie)).body as KeptDeck
    const stale = await fetchKept(me.cookie, 'not-the-hash')
    expect((stale.body as KeptDeck).items).toHaveLength(full.items.length)

    // A card of the deck is retired (a content reload): the hash moves and the phone gets the new content.
    const retired = full.items[0]!.item.id
    await db.update(items).set({ retiredAt: Date.now() }).where(eq(items.id, retired))
    const changed = (await fetchKept(me.cookie, full.contentHash)).body as KeptDeck
    expect(changed.contentHash).not.toBe(full.contentHash)
    expect(changed.items.map((k) => k.item.id)).not.toContain(retired)
    expect(changed.items).toHaveLength(full.items.length - 1)
  })

  it('the phone merges an update only onto the very content the server confirmed', () => {
    const content = { title: { en: 'T', zh: 'T' }, items: [], siblingGroups: {}, contentHash: 'h1' }
    const update = { content: 'unchanged', contentHash: 'h1', deckId: 'd' } as unknown as KeptDeckUpdate
    expect(withKeptContent(update, content)).toMatchObject({ deckId: 'd', title: content.title, contentHash: 'h1' })
    expect(withKeptContent(update, { ...content, contentHash: 'h2' })).toBeNull()
    expect(withKeptContent(update, undefined)).toBeNull()
    const whole = { deckId: 'd', contentHash: 'h3', items: [] } as unknown as KeptDeck
    expect(withKeptContent(whole, content)).toBe(whole)
  })
})
