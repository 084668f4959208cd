/**
 * The card browser's search: which cards match a text (English or Chinese, Simplified = Traditional, width,
 * case and punctuation ignored), a deck, a category, a kind and a status. Pure; the rows come from
 * app/data/card-browser.server.ts.
 */
import { z } from 'zod'
import { normalizeAnswer } from './answer-check'
import { CARD_STATUSES } from './card-forms'
import { categories, itemKinds } from './content/fields'
import type { ContentItem } from './content/schema'
import { cardStatus, isLeech, type CardHold, type CardStatus } from './holds'
import { msg } from '~/i18n/keys'

export const BROWSER_PAGE_SIZE = 50

export const browserFiltersSchema = z.object({
  q: z.string().max(200, msg('errorSearchTooLong')).default(''),
  deck: z.string().max(80).optional(),
  category: z.enum(categories, { error: msg('errorChoice') }).optional(),
  kind: z.enum(itemKinds, { error: msg('errorChoice') }).optional(),
  status: z.enum(CARD_STATUSES, { error: msg('errorChoice') }).optional(),
  page: z.coerce
    .number({ error: msg('errorChoice') })
    .int(msg('errorChoice'))
    .min(1, msg('errorChoice'))
    .max(10_000, msg('errorChoice'))
    .default(1),
})
export type BrowserFilters = z.infer<typeof browserFiltersSchema>

/** Reads the filters from a URL's query; empty fields count as absent. */
export function readBrowserFilters(params: URLSearchParams) {
  const raw: Record<string, string> = {}
  for (const key of ['q', 'deck', 'category', 'kind', 'status', 'page']) {
    const value = params.get(key)
    if (value !== null && value.trim() !== '') raw[key] = value.trim()
  }
  return browserFiltersSchema.safeParse(raw)
}

export interface BrowserCard {
  item: ContentItem
  /** null: never studied. */
  state: number | null
  lapses: number
  due: number | null
  hold: CardHold | null
}

const searchKeys = new Map<string, { source: ContentItem; key: string }>()
/** The item's searchable text as one comparison key (cached per item object: content changes replace it). */
function searchKeyOf(item: ContentItem): string {
  const cached = searchKeys.get(item.id)
  if (cached && cached.source === item) return cached.key
  const key = [item.id, item.prompt.en, item.prompt.zh, item.answer.en, item.answer.zh, ...item.tags].map(normalizeAnswer).join('\u0000')
  searchKeys.set(item.id, { source: item, key })
  return key
}

export function statusOf(card: BrowserCard, now: number): CardStatus {
  return cardStatus(card.state, card.hold, now)
}

/** The cards that pass every given filter, in the given order. `inDeck` tells deck membership. */
export function filterCards(
  cards: readonly BrowserCard[],
  filters: BrowserFilters,
  inDeck: (itemId: string) => boolean,
  now: number,
  leechThreshold: number,
): BrowserCard[] {
  const needle = filters.q ? normalizeAnswer(filters.q) : ''
  return cards.filter((card) => {
    if (filters.category && card.item.category !== filters.category) return false
    if (filters.kind && card.item.kind !== filters.kind) return false
    if (filters.deck && !inDeck(card.item.id)) return false
    if (filters.status === 'leech') {
      if (!isLeech(card.lapses, leechThreshold)) return false
    } else if (filters.status && statusOf(card, now) !== filters.status) return false
    if (needle && !searchKeyOf(card.item).includes(needle)) return false
    return true
  })
}
