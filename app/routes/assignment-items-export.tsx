import type { Route } from './+types/assignment-items-export'
import { toCsv } from '~/data/dashboard.server'
import { assignmentItemAnalysis } from '~/data/item-analysis.server'
import { getDb } from '~/utils/db.server'
import { ownAssignment } from '~/utils/access.server'
import { downloadLanguage } from '~/utils/lang.server'
import { messagesFor } from '~/i18n'

/** Student × item matrix of first answers (1 right, 0 wrong, empty: not answered) as CSV; headers in the viewer's language or `?lang` (item ids stay ids). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { user, assignment } = await ownAssignment(context, request, params.classId, params.assignmentId)
  const { items, students } = await assignmentItemAnalysis(getDb(), assignment)
  const column = messagesFor(await downloadLanguage(request, user.id)).csvColumns
  const csv = toCsv(
    [column.student, column.email, ...items.map((i) => i.itemId)],
    students.map((s) => [s.name, s.email, ...items.map((i) => s.firstAnswers.get(i.itemId) ?? null)]),
  )
  const filename = `items-${assignment.id.slice(0, 8)}.csv`
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
