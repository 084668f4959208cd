import { describe, expect, it } from 'vitest'
import { orderDeckItems } from '~/domain/content/deck-order'
import { matchesDeckFilter } from '~/domain/content/bundle'
import type { ContentItem } from '~/domain/content/schema'
import { loadContentFromDisk } from '~/utils/content-files.server'

const { bundle } = loadContentFromDisk('content')
const membersOf = (deckId: string) => {
  const deck = bundle.decks.find((d) => d.id === deckId)!
  return {
    deck,
    order: orderDeckItems(
      deck,
      bundle.items.filter((i) => matchesDeckFilter(i, deck.filter)).map((data) => ({ data: data as ContentItem })),
      bundle.sources,
    ),
  }
}

describe('the order a deck introduces new cards in (issue 14.12)', () => {
  it.each(['motegi-hosoya', 'yu-hailong', 'hua-haonan', 'c5-summit'])(
    'source deck %s starts with its own facts, then the items that set it beside other sources',
    (deckId) => {
      const { deck, order } = membersOf(deckId)
      const own = order.map((m) => m.data.sources.every((s) => deck.filter.sources!.includes(s.doc)))
      const firstForeign = own.indexOf(false)
      expect(own[0]).toBe(true)
      // Once the framings begin, no own item comes later.
      if (firstForeign >= 0) expect(own.slice(firstForeign).every((o) => !o)).toBe(true)
      // Facts before framings among its own items.
      const ownCategories = order.filter((_, i) => own[i]).map((m) => m.data.category)
      const firstFraming = ownCategories.indexOf('framing')
      if (firstFraming >= 0) expect(ownCategories.slice(firstFraming).every((c) => c === 'framing')).toBe(true)
      expect(order[0]!.data.category).not.toBe('framing')
    },
  )

  it('counts a translation as the same source: the fixture deck of the English dialogue keeps its Chinese-citing items first', () => {
    const sources = bundle.sources
    const zhOnly = {
      data: {
        ...bundle.items.find((i) => i.id.startsWith('mh-'))!,
        sources: [{ doc: 'motegi-hosoya-2026-zh', speaker: 'motegi', locator: 'x', quote: 'x', translation: 'x' }],
      } as ContentItem,
    }
    const framing = {
      data: bundle.items.find(
        (i) =>
          i.category === 'framing' &&
          i.sources.some((s) => s.doc.startsWith('motegi')) &&
          i.sources.some((s) => !s.doc.startsWith('motegi')),
      )! as ContentItem,
    }
    const deck = { ...bundle.decks.find((d) => d.id === 'motegi-hosoya')!, filter: { sources: ['motegi-hosoya-2026-en'] } }
    expect(orderDeckItems(deck, [framing, zhOnly], sources).map((m) => m.data.id)).toEqual([zhOnly.data.id, framing.data.id])
  })

  it('keeps every member exactly once, and the authored order for decks that are not about one source', () => {
    for (const deck of bundle.decks) {
      const members = bundle.items.filter((i) => matchesDeckFilter(i, deck.filter)).map((data) => ({ data: data as ContentItem }))
      const order = orderDeckItems(deck, members, bundle.sources)
      expect(order.map((m) => m.data.id).sort()).toEqual(members.map((m) => m.data.id).sort())
      if (!deck.filter.sources) expect(order).toEqual(members)
    }
  })
})
