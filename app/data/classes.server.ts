/**
 * Classes, membership and assignments. Every read here is scoped by who asks: an instructor gets only their
 * own classes, a student only classes they belong to; anything else is reported as missing (404).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { assignmentItems, assignments, cardStates, classes, classMembers, quizAttempts, users, type AssignmentScope } from '../../db/schema'
import { assignmentProgress, type Progress } from '~/domain/assignment-progress'
import { cardFromRow } from './reviews.server'
import type { Database } from '~/utils/db.server'
import { itemsInScope } from './decks.server'

export type ClassRow = typeof classes.$inferSelect
export type AssignmentRow = typeof assignments.$inferSelect

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789' // no 0/O, 1/I: codes are read aloud and typed

function newJoinCode(): string {
  const bytes = randomBytes(8)
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
}

export async function createClass(db: Database, instructorId: string, name: string): Promise<ClassRow> {
  for (let attempt = 0; ; attempt++) {
    const row: ClassRow = { id: randomUUID(), instructorId, name, joinCode: newJoinCode(), createdAt: Date.now(), archivedAt: null }
    try {
      await db.insert(classes).values(row)
      return row
    } catch (error) {
      if (attempt < 3 && /UNIQUE/i.test(String((error as { cause?: unknown }).cause ?? error))) continue
      throw error
    }
  }
}

export async function instructorClass(db: Database, instructorId: string, classId: string): Promise<ClassRow | null> {
  const [row] = await db.select().from(classes).where(and(eq(classes.id, classId), eq(classes.instructorId, instructorId)))
  return row ?? null
}

export async function instructorClasses(db: Database, instructorId: string) {
  return db
    .select({ id: classes.id, name: classes.name, joinCode: classes.joinCode, archivedAt: classes.archivedAt, students: sql<number>`(select count(*) from ${classMembers} m where m.class_id = ${classes.id} and m.removed_at is null)` })
    .from(classes)
    .where(eq(classes.instructorId, instructorId))
    .orderBy(asc(classes.createdAt))
}

export async function studentClasses(db: Database, userId: string) {
  return db
    .select({ id: classes.id, name: classes.name, instructor: users.displayName })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(users, eq(users.id, classes.instructorId))
    .where(and(eq(classMembers.userId, userId), isNull(classMembers.removedAt), isNull(classes.archivedAt)))
}

export async function classByCode(db: Database, code: string): Promise<ClassRow | null> {
  const [row] = await db.select().from(classes).where(and(eq(classes.joinCode, code), isNull(classes.archivedAt)))
  return row ?? null
}

export async function instructorName(db: Database, klass: ClassRow): Promise<string> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, klass.instructorId))
  return row?.name ?? ''
}

export type JoinResult = 'joined' | 'already' | 'removed' | 'own-class'

export async function joinClass(db: Database, userId: string, klass: ClassRow): Promise<JoinResult> {
  if (klass.instructorId === userId) return 'own-class'
  const [member] = await db.select().from(classMembers).where(and(eq(classMembers.classId, klass.id), eq(classMembers.userId, userId)))
  if (member) return member.removedAt === null ? 'already' : 'removed'
  await db.insert(classMembers).values({ classId: klass.id, userId, joinedAt: Date.now() }).onConflictDoNothing()
  return 'joined'
}

export async function classMembersOf(db: Database, classId: string) {
  return db
    .select({ userId: users.id, displayName: users.displayName, email: users.email, joinedAt: classMembers.joinedAt })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(and(eq(classMembers.classId, classId), isNull(classMembers.removedAt)))
    .orderBy(asc(users.displayName))
}

export async function removeMember(db: Database, classId: string, userId: string): Promise<boolean> {
  const res = await db.update(classMembers).set({ removedAt: Date.now() }).where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId), isNull(classMembers.removedAt)))
  return res.rowsAffected === 1
}

export async function archiveClass(db: Database, classId: string): Promise<void> {
  await db.update(classes).set({ archivedAt: Date.now() }).where(and(eq(classes.id, classId), isNull(classes.archivedAt)))
}

export async function createAssignment(
  db: Database,
  classId: string,
  input: { title: string; scope: AssignmentScope; dueAt: number; goal: 'memory' | 'quiz'; targetRecall: number; targetScore: number | null },
): Promise<AssignmentRow | null> {
  const ids = await itemsInScope(db, input.scope)
  if (ids.length === 0) return null
  const row: AssignmentRow = { id: randomUUID(), classId, createdAt: Date.now(), ...input }
  const chunks = []
  for (let i = 0; i < ids.length; i += 500) chunks.push(db.insert(assignmentItems).values(ids.slice(i, i + 500).map((itemId) => ({ assignmentId: row.id, itemId }))))
  await db.batch([db.insert(assignments).values(row), ...chunks])
  return row
}

export async function classAssignments(db: Database, classId: string) {
  return db
    .select({ id: assignments.id, title: assignments.title, dueAt: assignments.dueAt, goal: assignments.goal, targetRecall: assignments.targetRecall, targetScore: assignments.targetScore, items: sql<number>`(select count(*) from ${assignmentItems} ai where ai.assignment_id = ${assignments.id})` })
    .from(assignments)
    .where(eq(assignments.classId, classId))
    .orderBy(asc(assignments.dueAt))
}

export async function classAssignment(db: Database, classId: string, assignmentId: string): Promise<AssignmentRow | null> {
  const [row] = await db.select().from(assignments).where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId)))
  return row ?? null
}

export async function assignmentItemIds(db: Database, assignmentId: string): Promise<string[]> {
  return (await db.select({ id: assignmentItems.itemId }).from(assignmentItems).where(eq(assignmentItems.assignmentId, assignmentId))).map((r) => r.id)
}

/** An assignment the student may see: in a class they belong to (not removed, not archived). */
export async function studentAssignment(db: Database, userId: string, assignmentId: string): Promise<AssignmentRow | null> {
  const [row] = await db
    .select({ a: assignments })
    .from(assignments)
    .innerJoin(classes, and(eq(classes.id, assignments.classId), isNull(classes.archivedAt)))
    .innerJoin(classMembers, and(eq(classMembers.classId, classes.id), eq(classMembers.userId, userId), isNull(classMembers.removedAt)))
    .where(eq(assignments.id, assignmentId))
  return row?.a ?? null
}

export interface StudentAssignment {
  id: string
  title: string
  className: string
  dueAt: number
  goal: 'memory' | 'quiz'
  targetRecall: number
  targetScore: number | null
  deckId: string | null
  progress: Progress
}

/** The student's assignments, soonest due first, each with progress toward its goal. */
export async function assignmentsForStudent(db: Database, userId: string): Promise<StudentAssignment[]> {
  const rows = await db
    .select({ a: assignments, className: classes.name })
    .from(assignments)
    .innerJoin(classes, and(eq(classes.id, assignments.classId), isNull(classes.archivedAt)))
    .innerJoin(classMembers, and(eq(classMembers.classId, classes.id), eq(classMembers.userId, userId), isNull(classMembers.removedAt)))
    .orderBy(asc(assignments.dueAt))
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.a.id)
  const [cards, totals, quizzes] = await Promise.all([
    db
      .select({ assignmentId: assignmentItems.assignmentId, card: cardStates })
      .from(assignmentItems)
      .innerJoin(cardStates, and(eq(cardStates.itemId, assignmentItems.itemId), eq(cardStates.userId, userId)))
      .where(inArray(assignmentItems.assignmentId, ids)),
    db.select({ assignmentId: assignmentItems.assignmentId, n: sql<number>`count(*)` }).from(assignmentItems).where(inArray(assignmentItems.assignmentId, ids)).groupBy(assignmentItems.assignmentId),
    db
      .select({ assignmentId: sql<string>`json_extract(${quizAttempts.config}, '$.assignmentId')`, best: sql<number>`max(cast(${quizAttempts.score} as real) / json_array_length(${quizAttempts.itemIds}))` })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), sql`${quizAttempts.finishedAt} is not null`, sql`json_extract(${quizAttempts.config}, '$.assignmentId') is not null`))
      .groupBy(sql`json_extract(${quizAttempts.config}, '$.assignmentId')`),
  ])
  const total = new Map(totals.map((t) => [t.assignmentId, t.n]))
  const best = new Map(quizzes.map((q) => [q.assignmentId, q.best]))
  return rows.map(({ a, className }) => ({
    id: a.id,
    title: a.title,
    className,
    dueAt: a.dueAt,
    goal: a.goal,
    targetRecall: a.targetRecall,
    targetScore: a.targetScore,
    deckId: a.scope.deckId ?? null,
    progress: assignmentProgress(a, total.get(a.id) ?? 0, cards.filter((c) => c.assignmentId === a.id).map((c) => cardFromRow(c.card)), best.get(a.id) ?? null),
  }))
}
