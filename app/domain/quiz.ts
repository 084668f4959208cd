/**
 * Quiz mode's rules, as plain functions: which items a quiz asks (a seeded sample of those matching the
 * learner's choice) and how an attempt scores (right answers given before the deadline; unanswered = wrong).
 */
import { z } from 'zod'
import type { ContentItem } from './content/schema'
import { seededPick } from './shuffle'
import { msg } from '~/i18n/keys'

export const quizSetupSchema = z.object({
  /** A quiz on an assignment's items (its goal may be a quiz score). */
  assignmentId: z.string().max(80).optional(),
  deckId: z.string().max(80).optional(),
  source: z.string().max(80).optional(),
  category: z.string().max(20).optional(),
  tag: z.string().max(80).optional(),
  count: z
    .number({ error: msg('errorQuizCount') })
    .int(msg('errorQuizCount'))
    .min(1, msg('errorQuizCount'))
    .max(100, msg('errorQuizCount')),
  timeLimitMinutes: z
    .number({ error: msg('errorQuizTime') })
    .int(msg('errorQuizTime'))
    .min(1, msg('errorQuizTime'))
    .max(180, msg('errorQuizTime'))
    .optional(),
})
export type QuizSetup = z.infer<typeof quizSetupSchema>

export function pickQuizItems(candidateIds: readonly string[], count: number, seed: string): string[] {
  return seededPick(candidateIds, Math.min(count, candidateIds.length), seed)
}

/**
 * How a quiz asks a flip card. A flip card has no short answer to type (its answer is a sentence or more,
 * often without short accepted forms), and an exact-match check would mark correct paraphrases wrong. So a
 * quiz asks it as a choice among its own answer and the answers of comparable items (same source and
 * category) — and leaves it out when too few of those are alike enough in form to make a fair choice.
 * - 'alike': the wrong options are the comparable answers most alike in form (app/domain/answer-form.ts), so
 *   none gives the answer away by its form. How attempts are asked now.
 * - 'choice': any comparable answers; attempts started before 'alike' keep being shown and graded this way.
 * - 'typed': how attempts started before flip cards were asked as choices.
 */
export type FlipQuizForm = 'alike' | 'choice' | 'typed'

/** Wrong options a flip card needs to be asked as a choice: as many as an authored choice question shows. */
export const FLIP_CHOICE_WRONG_OPTIONS = 3

export function asQuizItem<T extends { kind: ContentItem['kind'] }>(item: T, flipAs: FlipQuizForm = 'choice'): T {
  return item.kind === 'flip' ? { ...item, kind: flipAs === 'typed' ? 'typed' : 'choice' } : item
}

/** Whether this item's quiz question draws its wrong options by form (a flip card in an 'alike' attempt). */
export function asksAlike(item: { kind: ContentItem['kind'] }, flipAs: FlipQuizForm): boolean {
  return item.kind === 'flip' && flipAs === 'alike'
}

/**
 * Whether a quiz can ask this item fairly, given how many distinct answers of its comparable items are alike
 * enough in form to be its wrong options (app/domain/answer-form.ts).
 */
export function quizzable(item: { kind: ContentItem['kind'] }, alikeSiblingAnswers: number): boolean {
  return item.kind !== 'flip' || alikeSiblingAnswers >= FLIP_CHOICE_WRONG_OPTIONS
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

export function scoreAttempt(
  answers: readonly QuizAnswer[],
  total: number,
  deadline: number | null,
): { score: number; total: number; missedPositions: number[] } {
  const counted = new Map(answers.filter((a) => deadline === null || a.answeredAt <= deadline).map((a) => [a.position, a.correct]))
  const missedPositions = Array.from({ length: total }, (_, p) => p).filter((p) => counted.get(p) !== true)
  return { score: total - missedPositions.length, total, missedPositions }
}

/** The next question to ask: the first position without an answer (null when all are answered). */
export function nextQuestionPosition(answeredPositions: ReadonlySet<number>, total: number): number | null {
  for (let p = 0; p < total; p++) if (!answeredPositions.has(p)) return p
  return null
}

/** A score as a whole percentage (0 questions: 0%). */
export function scorePercent(score: number, total: number): number {
  return total === 0 ? 0 : Math.round((100 * score) / total)
}

export interface CategoryScore {
  category: string
  right: number
  total: number
}

/** Right answers per category, in the order categories first appear in the quiz. */
export function scoresByCategory(categories: readonly string[], missedPositions: readonly number[]): CategoryScore[] {
  const missed = new Set(missedPositions)
  const byCategory = new Map<string, CategoryScore>()
  categories.forEach((category, position) => {
    const row = byCategory.get(category) ?? { category, right: 0, total: 0 }
    row.total++
    if (!missed.has(position)) row.right++
    byCategory.set(category, row)
  })
  return [...byCategory.values()]
}

/** When a timed quiz warns that time is running out: a minute before the end, or a fifth of a shorter limit. */
export function countdownWarningMs(timeLimitMinutes: number): number {
  return Math.min(60_000, timeLimitMinutes * 60_000 * 0.2)
}

/** Time left as a clock, m:ss (rounded up, so 0:00 means the time is really up). */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}
