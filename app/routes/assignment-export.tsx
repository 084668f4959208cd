import type { Route } from './+types/assignment-export'
import { assignmentDashboard, toCsv } from '~/data/dashboard.server'
import { getDb } from '~/utils/db.server'
import { ownAssignment } from '~/utils/access.server'

const roundShare = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000)

/** The per-student table as CSV (a resource route: no page, just the file). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { assignment } = await ownAssignment(context, request, params.classId, params.assignmentId)
  const { students, totalItems } = await assignmentDashboard(getDb(), assignment, Date.now())
  const csv = toCsv(
    ['student', 'email', 'items_started', 'items_total', 'due_now', 'predicted_recall_on_due_date', 'reviews_7d', 'minutes_7d', 'last_active', 'best_quiz_score', 'latest_quiz_score', 'quizzes_taken'],
    students.map((s) => [s.name, s.email, s.started, totalItems, s.dueNow, Math.round(s.recallOnDue * 1000) / 1000, s.reviews7d, s.minutes7d, s.lastActive ? new Date(s.lastActive).toISOString() : null, roundShare(s.bestQuiz), roundShare(s.latestQuiz), s.quizzes]),
  )
  const filename = `assignment-${assignment.id.slice(0, 8)}.csv`
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-store' } })
}
