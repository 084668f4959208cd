/**
 * The instructor's view of one assignment, built from a handful of set-based queries (never one query per
 * student): per student — items started, due now, predicted recall on the due date, reviews and time in
 * the last 7 days, last active; per item — share answered correctly, commonest wrong answers.
 */
import { sql } from 'drizzle-orm'
import type { AssignmentRow } from './classes.server'
import type { Database } from './db.server'
import { retrievability } from '~/domain/scheduling'

export interface StudentRow {
  userId: string
  name: string
  email: string | null
  started: number
  dueNow: number
  recallOnDue: number
  reviews7d: number
  minutes7d: number
  lastActive: number | null
}

export interface ItemRow {
  itemId: string
  prompt: { en: string; zh: string }
  kind: string
  category: string
  answers: number
  correctShare: number | null
  commonWrong: Array<{ response: string; count: number }>
}

const WEEK_MS = 7 * 86_400_000

export async function assignmentDashboard(db: Database, assignment: AssignmentRow, now: number): Promise<{ students: StudentRow[]; items: ItemRow[]; totalItems: number }> {
  const a = assignment.id
  const c = assignment.classId
  const since = now - WEEK_MS
  const [students, recallRows, itemRows, wrongRows, totals] = await Promise.all([
    db.all<{ user_id: string; name: string | null; email: string | null; started: number; due_now: number; reviews7d: number; ms7d: number | null; last_active: number | null }>(sql`
      select m.user_id, u.display_name as name, u.email,
        coalesce(cs.started, 0) as started, coalesce(cs.due_now, 0) as due_now,
        coalesce(rl.reviews7d, 0) as reviews7d, rl.ms7d, la.last_active
      from class_members m
      join users u on u.id = m.user_id
      left join (
        select s.user_id, count(*) as started, sum(s.due <= ${now}) as due_now
        from card_states s join assignment_items ai on ai.item_id = s.item_id and ai.assignment_id = ${a}
        where s.user_id in (select user_id from class_members where class_id = ${c} and removed_at is null)
        group by s.user_id
      ) cs on cs.user_id = m.user_id
      left join (
        select l.user_id, count(*) as reviews7d, sum(l.duration_ms) as ms7d
        from review_logs l join assignment_items ai on ai.item_id = l.item_id and ai.assignment_id = ${a}
        where l.reviewed_at >= ${since} and l.undone_at is null
          and l.user_id in (select user_id from class_members where class_id = ${c} and removed_at is null)
        group by l.user_id
      ) rl on rl.user_id = m.user_id
      left join (
        select l.user_id, max(l.reviewed_at) as last_active from review_logs l
        where l.user_id in (select user_id from class_members where class_id = ${c} and removed_at is null)
        group by l.user_id
      ) la on la.user_id = m.user_id
      where m.class_id = ${c} and m.removed_at is null`),
    // Predicted recall needs FSRS's forgetting curve (no pow() in SQL here): one set-based read, computed in JS.
    db.all<{ user_id: string; stability: number; difficulty: number; state: number; last_review: number | null; reps: number; due: number; lapses: number; elapsed_days: number; scheduled_days: number; learning_steps: number }>(sql`
      select s.user_id, s.stability, s.difficulty, s.state, s.last_review, s.reps, s.due, s.lapses, s.elapsed_days, s.scheduled_days, s.learning_steps
      from card_states s join assignment_items ai on ai.item_id = s.item_id and ai.assignment_id = ${a}
      where s.user_id in (select user_id from class_members where class_id = ${c} and removed_at is null)`),
    db.all<{ item_id: string; data: string; answers: number; correct: number | null }>(sql`
      select ai.item_id, i.data, count(l.id) as answers,
        sum(case when l.id is null then null when l.correct is not null then l.correct else l.rating > 1 end) as correct
      from assignment_items ai
      join items i on i.id = ai.item_id
      left join review_logs l on l.item_id = ai.item_id and l.undone_at is null
        and l.user_id in (select user_id from class_members where class_id = ${c} and removed_at is null)
      where ai.assignment_id = ${a}
      group by ai.item_id`),
    db.all<{ item_id: string; response: string; n: number }>(sql`
      select l.item_id, l.response, count(*) as n
      from review_logs l join assignment_items ai on ai.item_id = l.item_id and ai.assignment_id = ${a}
      where l.correct = 0 and l.response is not null and l.response != '' and l.undone_at is null
        and l.user_id in (select user_id from class_members where class_id = ${c} and removed_at is null)
      group by l.item_id, l.response
      order by n desc`),
    db.all<{ n: number }>(sql`select count(*) as n from assignment_items where assignment_id = ${a}`),
  ])
  const totalItems = totals[0]?.n ?? 0
  const recallSum = new Map<string, number>()
  for (const r of recallRows) {
    const card = { due: r.due, stability: r.stability, difficulty: r.difficulty, elapsedDays: r.elapsed_days, scheduledDays: r.scheduled_days, learningSteps: r.learning_steps, reps: r.reps, lapses: r.lapses, state: r.state, lastReview: r.last_review }
    recallSum.set(r.user_id, (recallSum.get(r.user_id) ?? 0) + retrievability(card, Math.max(assignment.dueAt, r.last_review ?? 0)))
  }
  const wrongByItem = new Map<string, Array<{ response: string; count: number }>>()
  for (const w of wrongRows) {
    const list = wrongByItem.get(w.item_id) ?? []
    if (list.length < 3) list.push({ response: w.response, count: w.n })
    wrongByItem.set(w.item_id, list)
  }
  return {
    totalItems,
    students: students.map((s) => ({
      userId: s.user_id,
      name: s.name ?? s.email ?? s.user_id,
      email: s.email,
      started: s.started,
      dueNow: s.due_now,
      recallOnDue: totalItems === 0 ? 0 : (recallSum.get(s.user_id) ?? 0) / totalItems,
      reviews7d: s.reviews7d,
      minutes7d: Math.round((s.ms7d ?? 0) / 60_000),
      lastActive: s.last_active,
    })),
    items: itemRows.map((i) => {
      const data = JSON.parse(i.data) as { prompt: { en: string; zh: string }; kind: string; category: string }
      return {
        itemId: i.item_id,
        prompt: data.prompt,
        kind: data.kind,
        category: data.category,
        answers: i.answers,
        correctShare: i.answers === 0 ? null : (i.correct ?? 0) / i.answers,
        commonWrong: wrongByItem.get(i.item_id) ?? [],
      }
    }),
  }
}

export const studentSortKeys = ['name', 'started', 'dueNow', 'recallOnDue', 'reviews7d', 'minutes7d', 'lastActive'] as const
export type StudentSortKey = (typeof studentSortKeys)[number]
export const itemSortKeys = ['prompt', 'answers', 'correctShare'] as const
export type ItemSortKey = (typeof itemSortKeys)[number]

export function sortRows<T>(rows: T[], key: keyof T, dir: 'asc' | 'desc'): T[] {
  const sign = dir === 'asc' ? 1 : -1
  const value = (r: T) => {
    const v = r[key] as unknown
    return v && typeof v === 'object' && 'en' in (v as object) ? (v as { en: string }).en : v
  }
  return [...rows].sort((x, y) => {
    const a = value(x)
    const b = value(y)
    if (a === b) return 0
    if (a === null || a === undefined) return 1
    if (b === null || b === undefined) return -1
    return (typeof a === 'string' ? a.localeCompare(b as string) : (a as number) - (b as number)) * sign
  })
}

/** CSV for spreadsheets: quoted fields, CRLF line ends, a BOM so Excel reads UTF-8 (Chinese names). */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v)
    return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : s
  }
  return '\ufeff' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
}
