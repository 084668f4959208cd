/**
 * Quiz mode's rules, as plain functions: which items a quiz asks (a seeded sample of those matching the
 * learner's choice) and how an attempt scores (right answers given before the deadline; unanswered = wrong).
 */
import { z } from 'zod'
import type { ContentItem } from './content/schema'
import { seededPick } from './shuffle'

export const quizSetupSchema = z.object({
  /** A quiz on an assignment's items (its goal may be a quiz score). */
  assignmentId: z.string().max(80).optional(),
  deckId: z.string().max(80).optional(),
  source: z.string().max(80).optional(),
  category: z.string().max(20).optional(),
  tag: z.string().max(80).optional(),
  count: z.number({ error: 'errorQuizCount' }).int('errorQuizCount').min(1, 'errorQuizCount').max(100, 'errorQuizCount'),
  timeLimitMinutes: z.number({ error: 'errorQuizTime' }).int('errorQuizTime').min(1, 'errorQuizTime').max(180, 'errorQuizTime').optional(),
})
export type QuizSetup = z.infer<typeof quizSetupSchema>

export function pickQuizItems(candidateIds: readonly string[], count: number, seed: string): string[] {
  return seededPick(candidateIds, Math.min(count, candidateIds.length), seed)
}

/** A quiz scores answers, so a flip card (nothing to check) is asked as a typed question. */
export function asQuizItem<T extends { kind: ContentItem['kind'] }>(item: T): T {
  return item.kind === 'flip' ? { ...item, kind: 'typed' } : item
}

/** The seed of one question: the attempt's seed and its position, so each question shuffles differently. */
export function questionSeed(attemptSeed: string, position: number): string {
  return `${attemptSeed}:${position}`
}

export interface QuizAnswer {
  position: number
  correct: boolean
  answeredAt: number
}

export function scoreAttempt(answers: readonly QuizAnswer[], total: number, deadline: number | null): { score: number; total: number; missedPositions: number[] } {
  const counted = new Map(answers.filter((a) => deadline === null || a.answeredAt <= deadline).map((a) => [a.position, a.correct]))
  const missedPositions = Array.from({ length: total }, (_, p) => p).filter((p) => counted.get(p) !== true)
  return { score: total - missedPositions.length, total, missedPositions }
}

/** The next question to ask: the first position without an answer (null when all are answered). */
export function nextQuestionPosition(answeredPositions: ReadonlySet<number>, total: number): number | null {
  for (let p = 0; p < total; p++) if (!answeredPositions.has(p)) return p
  return null
}
