/**
 * What a phone keeps of a deck to study it offline: everything to render and grade every card (items with
 * their citations, sibling answers for choices), the learner's card states, settings and today's counts.
 * The server builds it (GET /decks/:deckId/offline); the phone stores it in IndexedDB. Plain data, no I/O.
 */
import type { CardContent } from '~/domain/card-content'
import type { ContentItem } from '~/domain/content/schema'
import type { CardHold } from '~/domain/holds'
import type { StoredCard, Weights } from '~/domain/scheduling'

export interface KeptItem {
  item: ContentItem
  content: CardContent
  /** Key of the sibling group whose answers a choice without authored distractors picks from ('' if none). */
  siblings: string
}

export interface KeptSettings {
  desiredRetention: number
  newPerDay: number
  maxReviewsPerDay: number
  cardLanguage: 'en' | 'zh' | 'both'
  uiLanguage: 'en' | 'zh-Hans' | null
  timeZone: string
}

export interface KeptDeck {
  deckId: string
  userId: string
  title: { en: string; zh: string }
  /** Items in the deck's order (new cards are introduced in this order). */
  items: KeptItem[]
  /** Answers of live items per bank and category, in table order (the seed picks distractors by position). */
  siblingGroups: Record<string, Array<{ id: string; answer: ContentItem['answer'] }>>
  /** The learner's card states for these items, by item id. */
  cards: Record<string, StoredCard>
  /** Items the learner asked to see again, oldest first. */
  requested: string[]
  settings: KeptSettings
  /** The learner's FSRS parameters in force (null: the defaults), so the phone schedules as the server does. */
  weights: Weights | null
  /** Suspended and buried cards of this deck: the queue skips them as the server's does. */
  holds: Record<string, CardHold>
  /** The learner's open checks of this deck's cards (the first Check of a showing not yet rated), oldest first. */
  checks: Array<{ itemId: string; reviewId: string; response: string; checkedAt: number }>
  /**
   * A hash of the deck's content (title, items, sibling groups): a phone that already keeps this content asks
   * with it (`?have=`) and gets only the learner's part back (`KeptDeckUpdate`).
   */
  contentHash: string
  /** Today's counts as the server had them at `fetchedAt`, for the study day starting at `dayStart`. */
  progress: { dayStart: number; dayEnd: number; newToday: number; reviewsToday: number }
  fetchedAt: number
}

/** The deck's content: what stays the same from one visit to the next unless the deck itself changes. */
export type KeptContent = Pick<KeptDeck, 'title' | 'items' | 'siblingGroups'>

/** The server's answer to `?have=` when the phone's content is current: the deck without its content. */
export type KeptDeckUpdate = Omit<KeptDeck, keyof KeptContent> & { content: 'unchanged' }

/** The whole deck again, from a phone's kept copy and the server's update of the learner's part. */
export function withKeptContent(
  update: KeptDeck | KeptDeckUpdate,
  kept: (KeptContent & { contentHash?: string }) | undefined,
): KeptDeck | null {
  if (!('content' in update)) return update
  // Only onto the very content the server confirmed: the reply is 'unchanged' only for the hash the phone sent.
  if (!kept || kept.contentHash !== update.contentHash) return null
  const { content: _unchanged, ...learnerPart } = update
  return { ...learnerPart, title: kept.title, items: kept.items, siblingGroups: kept.siblingGroups }
}
