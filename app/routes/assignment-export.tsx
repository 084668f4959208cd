import type { Route } from './+types/assignment-export'
import { assignmentDashboard, toCsv } from '~/data/dashboard.server'
import { getDb } from '~/utils/db.server'
import { ownAssignment } from '~/utils/access.server'
import { downloadLanguage } from '~/utils/lang.server'
import { messagesFor } from '~/i18n'

const roundShare = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000)

/** The per-student table as CSV (a resource route: no page, just the file), headers in the viewer's language or `?lang`. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { user, assignment } = await ownAssignment(context, request, params.classId, params.assignmentId)
  const { students, totalItems } = await assignmentDashboard(getDb(), assignment, Date.now())
  const column = messagesFor(await downloadLanguage(request, user.id)).csvColumns
  const csv = toCsv(
    [
      column.student,
      column.email,
      column.items_started,
      column.items_total,
      column.due_now,
      column.predicted_recall_on_due_date,
      column.reviews_7d,
      column.minutes_7d,
      column.last_active,
      column.best_quiz_score,
      column.latest_quiz_score,
      column.quizzes_taken,
    ],
    students.map((s) => [
      s.name,
      s.email,
      s.started,
      totalItems,
      s.dueNow,
      Math.round(s.recallOnDue * 1000) / 1000,
      s.reviews7d,
      s.minutes7d,
      s.lastActive ? new Date(s.lastActive).toISOString() : null,
      roundShare(s.bestQuiz),
      roundShare(s.latestQuiz),
      s.quizzes,
    ]),
  )
  const filename = `assignment-${assignment.id.slice(0, 8)}.csv`
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
