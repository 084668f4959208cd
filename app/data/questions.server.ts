/** Rebuilding the question a learner was shown (same seed → same shuffle), to grade it on the server. */
import { and, eq, isNull, ne } from 'drizzle-orm'
import { items } from '../../db/schema'
import type { ContentItem } from '~/domain/content/schema'
import { buildQuestion, isInteractive, needsSiblings, type Question } from '~/domain/questions'
import type { Database } from '~/utils/db.server'

export async function questionFor(db: Database, item: ContentItem & { bank?: string }, seed: string): Promise<Question> {
  if (!isInteractive(item.kind)) return { kind: 'flip' }
  const siblings = needsSiblings(item) ? await siblingAnswers(db, item.id) : []
  return buildQuestion(item, siblings, seed)
}

/** Answers of live items from the same bank (one bank = one source) and category: plausible distractors. */
async function siblingAnswers(db: Database, itemId: string) {
  const [self] = await db.select({ bank: items.bank, category: items.category }).from(items).where(eq(items.id, itemId))
  if (!self) return []
  const rows = await db
    .select({ id: items.id, data: items.data })
    .from(items)
    .where(and(eq(items.bank, self.bank), eq(items.category, self.category), ne(items.id, itemId), isNull(items.retiredAt)))
  return rows.map((r) => ({ id: r.id, answer: r.data.answer }))
}

export async function liveItem(db: Database, itemId: string): Promise<ContentItem | null> {
  const [row] = await db.select({ data: items.data }).from(items).where(and(eq(items.id, itemId), isNull(items.retiredAt)))
  return row?.data ?? null
}
