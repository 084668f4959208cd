/**
 * Progress toward an assignment's goal, from plain card data: every assigned item studied at least once,
 * and the mean predicted recall of the assigned items on the due date at or above the target (unstudied
 * items count as 0), or a quiz score at or above the target.
 */
import { retrievability, type StoredCard } from './scheduling'

export interface AssignmentGoal {
  goal: 'memory' | 'quiz'
  dueAt: number
  targetRecall: number
  targetScore: number | null
}

export interface Progress {
  total: number
  studied: number
  /** Mean predicted recall of all assigned items on the due date (0..1). */
  recallOnDue: number
  bestQuizScore: number | null
  met: boolean
}

export function assignmentProgress(
  goal: AssignmentGoal,
  total: number,
  cards: readonly StoredCard[],
  bestQuizScore: number | null,
): Progress {
  const studied = cards.filter((c) => c.reps > 0).length
  const recallSum = cards.reduce((sum, c) => sum + retrievability(c, Math.max(goal.dueAt, c.lastReview ?? 0)), 0)
  const recallOnDue = total === 0 ? 0 : recallSum / total
  const allStudied = total > 0 && studied >= total
  const met =
    goal.goal === 'memory'
      ? allStudied && recallOnDue >= goal.targetRecall
      : allStudied && bestQuizScore !== null && bestQuizScore >= (goal.targetScore ?? 1)
  return { total, studied, recallOnDue, bestQuizScore, met }
}
