/**
 * Offline study on the phone with the server's own domain modules: the queue decision (nextDueCard), the
 * question built from the review id's seed, grading, ts-fsrs scheduling with the learner's retention, and
 * interval labels. This module only gathers the phone's data into the shapes those modules take.
 */
import { nextDueCard, type NextCard, type QueueHeads } from '~/domain/queue'
import { isHeld } from '~/domain/holds'
import { buildQuestion, type Question } from '~/domain/questions'
import { State, type StoredCard } from '~/domain/scheduling'
import type { KeptDeck, KeptItem } from './kept-deck'
import type { OutboxEntry } from './store'

/** The heads of each queue, as the server's queries find them (app/data/study-queue.server.ts). */
export function queueHeads(deck: KeptDeck, cards: ReadonlyMap<string, StoredCard>, requested: readonly string[], now: number): QueueHeads {
  let learning: QueueHeads['learning'] = null
  let review: QueueHeads['review'] = null
  let fresh: QueueHeads['fresh'] = null
  const held = (itemId: string) => isHeld(deck.holds?.[itemId], now)
  for (const { item } of deck.items) {
    if (held(item.id)) continue
    const card = cards.get(item.id)
    if (!card) {
      fresh ??= { itemId: item.id }
      continue
    }
    if ((card.state === State.Learning || card.state === State.Relearning) && (!learning || card.due < learning.due))
      learning = { itemId: item.id, due: card.due }
    if (card.state === State.Review && (!review || card.due < review.due)) review = { itemId: item.id, due: card.due }
  }
  const firstRequested = requested.find((id) => !held(id) && deck.items.some((k) => k.item.id === id))
  return { learning, review, fresh, requested: firstRequested ? { itemId: firstRequested } : null }
}

/** Today's counts: the server's at fetch time plus this phone's answers since, not yet synced. */
export function todaysCounts(deck: KeptDeck, waiting: readonly OutboxEntry[], now: number) {
  const sameDay = now >= deck.progress.dayStart && now < deck.progress.dayEnd
  let newToday = sameDay ? deck.progress.newToday : 0
  let reviewsToday = sameDay ? deck.progress.reviewsToday : 0
  const undone = new Set(waiting.flatMap((e) => (e.event.type === 'undo' ? [e.event.reviewId] : [])))
  for (const e of waiting) {
    if (e.event.type !== 'answer' || undone.has(e.event.id) || e.userId !== deck.userId) continue
    if (e.event.answeredAt < Math.max(deck.progress.dayStart, deck.fetchedAt)) continue
    if (!e.before || e.before.state === State.New) newToday++
    else if (e.before.state === State.Review) reviewsToday++
  }
  return { newToday, reviewsToday }
}

export function nextCard(
  deck: KeptDeck,
  cards: ReadonlyMap<string, StoredCard>,
  requested: readonly string[],
  waiting: readonly OutboxEntry[],
  now: number,
): NextCard {
  const heads = queueHeads(deck, cards, requested, now)
  return nextDueCard(
    heads,
    todaysCounts(deck, waiting, now),
    deck.settings,
    now,
    deck.progress.dayEnd > now ? deck.progress.dayEnd : now + 86_400_000,
  )
}

export function keptItem(deck: KeptDeck, itemId: string): KeptItem | undefined {
  return deck.items.find((k) => k.item.id === itemId)
}

/** The question seeded by the review id, from the kept sibling answers (as the server builds it). */
export function questionOf(deck: KeptDeck, kept: KeptItem, reviewId: string): Question {
  const siblings = kept.siblings ? (deck.siblingGroups[kept.siblings] ?? []).filter((s) => s.id !== kept.item.id) : []
  return buildQuestion(kept.item, siblings, reviewId)
}
