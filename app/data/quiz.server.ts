/** Quiz attempts in the database: creating one, answering, finishing, and sending missed items to review. */
import type { AnswerMeaning } from '~/domain/questions'
import { randomUUID } from 'node:crypto'
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { deckItems, items, quizAnswers, quizAttempts, type QuizConfig } from '../../db/schema'
import type { ContentItem } from '~/domain/content/schema'
import { asksAlike, asQuizItem, pickQuizItems, questionSeed, quizzable, scoreAttempt, type QuizSetup } from '~/domain/quiz'
import { itemsInScope } from './decks.server'
import type { Database } from '~/utils/db.server'
import { alikeSiblingAnswerCounts, liveItem, questionFor } from './questions.server'

export type Attempt = typeof quizAttempts.$inferSelect

export async function createAttempt(db: Database, userId: string, setup: QuizSetup, now: number): Promise<Attempt | null> {
  const seed = randomUUID()
  const inScope = await itemsInScope(db, { assignmentId: setup.assignmentId, deckId: setup.deckId, sources: setup.source ? [setup.source] : undefined, categories: setup.category ? [setup.category] : undefined, tags: setup.tag ? [setup.tag] : undefined })
  const ids = pickQuizItems(await quizzableIds(db, inScope), setup.count, seed)
  if (ids.length === 0) return null
  const config: QuizConfig = {
    assignmentId: setup.assignmentId,
    deckId: setup.deckId,
    sources: setup.source ? [setup.source] : undefined,
    categories: setup.category ? [setup.category] : undefined,
    tags: setup.tag ? [setup.tag] : undefined,
    count: setup.count,
    timeLimitMinutes: setup.timeLimitMinutes ?? null,
    flipAs: 'alike',
  }
  const attempt: Attempt = {
    id: randomUUID(),
    userId,
    config,
    itemIds: ids,
    seed,
    startedAt: now,
    deadline: setup.timeLimitMinutes ? now + setup.timeLimitMinutes * 60_000 : null,
    finishedAt: null,
    score: null,
  }
  await db.insert(quizAttempts).values(attempt)
  return attempt
}

/** The category of each question of an attempt, by position (a retired item keeps its category). */
export async function attemptCategories(db: Database, attempt: Attempt): Promise<string[]> {
  const rows = await db.select({ id: items.id, category: items.category }).from(items).where(inArray(items.id, attempt.itemIds))
  const categoryOf = new Map(rows.map((r) => [r.id, r.category]))
  return attempt.itemIds.map((id) => categoryOf.get(id) ?? 'event')
}

/** The items a quiz can ask fairly (flip cards only with enough comparable answers alike in form), in order. */
export async function quizzableIds(db: Database, itemIds: readonly string[]): Promise<string[]> {
  const [kinds, siblings] = await Promise.all([
    itemIds.length === 0 ? [] : db.select({ id: items.id, kind: items.kind }).from(items).where(inArray(items.id, [...itemIds])),
    alikeSiblingAnswerCounts(db, itemIds),
  ])
  const kindOf = new Map(kinds.map((k) => [k.id, k.kind as ContentItem['kind']]))
  return itemIds.filter((id) => quizzable({ kind: kindOf.get(id) ?? 'flip' }, siblings.get(id) ?? 0))
}

/** The question at one position of an attempt, exactly as it was (and will be) shown; null if retired. */
export async function quizQuestionAt(db: Database, attempt: Attempt, position: number) {
  const item = await liveItem(db, attempt.itemIds[position]!)
  if (!item) return null
  const flipAs = attempt.config.flipAs ?? 'typed'
  const asked = asQuizItem(item, flipAs)
  return { item, asked, question: await questionFor(db, asked, questionSeed(attempt.seed, position), { alike: asksAlike(item, flipAs) }) }
}

/** A learner's own attempt; someone else's is indistinguishable from a missing one. */
export async function getOwnAttempt(db: Database, userId: string, attemptId: string): Promise<Attempt | null> {
  const [row] = await db.select().from(quizAttempts).where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId)))
  return row ?? null
}

export async function attemptAnswers(db: Database, attemptId: string) {
  return db.select().from(quizAnswers).where(eq(quizAnswers.attemptId, attemptId)).orderBy(quizAnswers.position)
}

/** Stores one answer; answering a position twice (a retried POST) keeps the first. */
export async function recordQuizAnswer(db: Database, attempt: Attempt, position: number, response: string, verdict: { correct: boolean; meaning: AnswerMeaning | null }, now: number) {
  await db
    .insert(quizAnswers)
    .values({ attemptId: attempt.id, position, itemId: attempt.itemIds[position]!, response, correct: verdict.correct, meaning: verdict.meaning, answeredAt: now })
    .onConflictDoNothing()
}

export async function finishAttempt(db: Database, attempt: Attempt, now: number) {
  const answers = await attemptAnswers(db, attempt.id)
  const result = scoreAttempt(answers, attempt.itemIds.length, attempt.deadline)
  if (attempt.finishedAt === null) {
    await db
      .update(quizAttempts)
      .set({ finishedAt: now, score: result.score })
      .where(and(eq(quizAttempts.id, attempt.id), isNull(quizAttempts.finishedAt)))
  }
  return { ...result, answers }
}

/** The deck holding most of these items: where "study them now" should go. */
export async function bestDeckFor(db: Database, itemIds: readonly string[]): Promise<string | null> {
  if (itemIds.length === 0) return null
  const [row] = await db
    .select({ deckId: deckItems.deckId, n: sql<number>`count(*)` })
    .from(deckItems)
    .where(sql`${deckItems.itemId} in (${sql.join(itemIds.map((id) => sql`${id}`), sql`, `)})`)
    .groupBy(deckItems.deckId)
    .orderBy(desc(sql`count(*)`))
    .limit(1)
  return row?.deckId ?? null
}

export async function recentAttempts(db: Database, userId: string) {
  return db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)).orderBy(desc(quizAttempts.startedAt)).limit(10)
}
