/** The one gate for instructor pages: the signed-in instructor's own class (and assignment), else 404. */
import { data } from 'react-router'
import { classAssignment, instructorClass } from '~/data/classes.server'
import { getDb } from './db.server'
import { requireAccount } from './session.server'

export async function ownAssignment(request: Request, classId: string, assignmentId: string) {
  const user = await requireAccount(request)
  const db = getDb()
  const klass = user.role === 'instructor' ? await instructorClass(db, user.id, classId) : null
  const assignment = klass ? await classAssignment(db, klass.id, assignmentId) : null
  if (!klass || !assignment) throw data('There is no such assignment.', { status: 404 })
  return { user, klass, assignment }
}
