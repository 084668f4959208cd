/**
 * The instructor's view of one assignment, built from a handful of set-based queries (never one query per
 * student): per student — items started, due now, predicted recall on the due date, reviews and time in
 * the last 7 days, last active, best and latest score in the assignment's quizzes; per item — share answered correctly, commonest wrong answers.
 */
import { sql } from 'drizzle-orm'
import type { AssignmentRow } from './classes.server'
import type { Database } from '~/utils/db.server'
import { recallAt } from '~/domain/scheduling'
import { subjectOf, type AnswerMeaning } from '~/domain/questions'
import type { ContentItem } from '~/domain/content/schema'

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
  /** Share right (0..1) in the best and the latest finished quiz taken for this assignment; null: none taken. */
  bestQuiz: number | null
  latestQuiz: number | null
  quizzes: number
}

export interface ItemRow {
  itemId: string
  prompt: { en: string; zh: string }
  /** The statement or sentence tested, where prompts repeat ("True or false?"); null when the prompt says it. */
  subject: { en: string; zh: string } | null
  kind: string
  category: string
  answers: number
  correctShare: number | null
  /** The commonest wrong answers by what they meant (the option's text, the order given …), not by position. */
  commonWrong: Array<{ meaning: AnswerMeaning; count: number }>
}

const WEEK_MS = 7 * 86_400_000

export async function assignmentDashboard(db: Database, assignment: AssignmentRow, now: number): Promise<{ students: StudentRow[]; items: ItemRow[]; totalItems: number }> {
  const a = assignment.id
  const c = assignment.classId
  const since = now - WEEK_MS
  const members = sql`(select user_id from class_members where class_id = ${c} and removed_at is null)`
  // IN (subquery) builds a small in-memory index once: cheaper than a lookup per row into the table.
  const assigned = sql`(select item_id from assignment_items where assignment_id = ${a})`
  // Separate set-based queries merged by student in JS: joining them would copy the large per-student
  // curve strings through SQLite's temporary indexes.
  const [base, started, recent, itemRows, wrongRows, totals, quizRows] = await Promise.all([
    db.all<{ user_id: string; name: string | null; email: string | null; last_active: number | null }>(sql`
      select m.user_id, u.display_name as name, u.email,
        (select max(l.reviewed_at) from review_logs l where l.user_id = m.user_id) as last_active
      from class_members m join users u on u.id = m.user_id
      where m.class_id = ${c} and m.removed_at is null`),
    // Items started, due now, and (stability, last review) pairs for the forgetting curve packed in one string
    // per student (no pow() in this SQLite; 60k row objects would cost more than the computation).
    // Each member's cards read in key order (one range per member, `+` keeps SQLite from seeking item by item)
    // and grouped in member order (no temporary B-tree).
    db.all<{ user_id: string; started: number; due_now: number; curve: string | null }>(sql`
      select mm.user_id, count(*) as started, sum(s.due <= ${now}) as due_now,
        group_concat(case when s.reps > 0 then s.stability || ' ' || s.last_review end, ' ') as curve
      from class_members mm cross join card_states s indexed by sqlite_autoindex_card_states_1 on s.user_id = mm.user_id
      where mm.class_id = ${c} and mm.removed_at is null and +s.item_id in ${assigned}
      group by mm.user_id`),
    db.all<{ user_id: string; reviews7d: number; ms7d: number | null }>(recentActivityQuery(assignment, since)),
    db.all<{ item_id: string; data: string; answers: number | null; correct: number | null }>(sql`
      select ai.item_id, i.data, t.answers, t.correct
      from assignment_items ai
      join items i on i.id = ai.item_id
      left join (
        select ac.item_id, sum(ac.answers) as answers, sum(ac.correct) as correct
        from class_members mm cross join answer_counts ac indexed by sqlite_autoindex_answer_counts_1 on ac.user_id = mm.user_id
        where mm.class_id = ${c} and mm.removed_at is null and +ac.item_id in ${assigned}
        group by ac.item_id
      ) t on t.item_id = ai.item_id
      where ai.assignment_id = ${a}`),
    db.all<{ item_id: string; meaning: string; n: number }>(sql`
      select l.item_id, l.response_meaning as meaning, count(*) as n
      from review_logs l indexed by review_logs_wrong
      where l.correct = 0 and l.response is not null and l.undone_at is null and l.response_meaning is not null
        and l.item_id in ${assigned} and l.user_id in ${members}
      group by l.item_id, l.response_meaning
      order by n desc`),
    db.all<{ n: number }>(sql`select count(*) as n from assignment_items where assignment_id = ${a}`),
    // Finished quizzes started from this assignment, newest first within each student.
    db.all<{ user_id: string; share: number }>(sql`
      select q.user_id, cast(q.score as real) / json_array_length(q.item_ids) as share
      from quiz_attempts q
      where q.user_id in ${members} and q.finished_at is not null and json_extract(q.config, '$.assignmentId') = ${a}
      order by q.user_id, q.finished_at desc`),
  ])
  const totalItems = totals[0]?.n ?? 0
  const startedBy = new Map(started.map((r) => [r.user_id, r]))
  const recentBy = new Map(recent.map((r) => [r.user_id, r]))
  const recallOf = (curve: string | null | undefined) => {
    const parts = curve ? curve.split(' ') : []
    let sum = 0
    for (let i = 0; i + 1 < parts.length; i += 2) sum += recallAt(Number(parts[i]), Number(parts[i + 1]), assignment.dueAt)
    return totalItems === 0 ? 0 : sum / totalItems
  }
  const quizzesBy = new Map<string, { best: number; latest: number; count: number }>()
  for (const q of quizRows) {
    const seen = quizzesBy.get(q.user_id)
    if (seen) quizzesBy.set(q.user_id, { ...seen, best: Math.max(seen.best, q.share), count: seen.count + 1 })
    else quizzesBy.set(q.user_id, { best: q.share, latest: q.share, count: 1 })
  }
  const wrongByItem = new Map<string, Array<{ meaning: AnswerMeaning; count: number }>>()
  for (const w of wrongRows) {
    const list = wrongByItem.get(w.item_id) ?? []
    if (list.length < 3) list.push({ meaning: JSON.parse(w.meaning) as AnswerMeaning, count: w.n })
    wrongByItem.set(w.item_id, list)
  }
  return {
    totalItems,
    students: base.map((s) => ({
      userId: s.user_id,
      name: s.name ?? s.email ?? s.user_id,
      email: s.email,
      started: startedBy.get(s.user_id)?.started ?? 0,
      dueNow: startedBy.get(s.user_id)?.due_now ?? 0,
      recallOnDue: recallOf(startedBy.get(s.user_id)?.curve),
      reviews7d: recentBy.get(s.user_id)?.reviews7d ?? 0,
      minutes7d: Math.round((recentBy.get(s.user_id)?.ms7d ?? 0) / 60_000),
      lastActive: s.last_active,
      bestQuiz: quizzesBy.get(s.user_id)?.best ?? null,
      latestQuiz: quizzesBy.get(s.user_id)?.latest ?? null,
      quizzes: quizzesBy.get(s.user_id)?.count ?? 0,
    })),
    items: itemRows.map((i) => {
      const data = JSON.parse(i.data) as ContentItem
      return {
        itemId: i.item_id,
        prompt: data.prompt,
        subject: subjectOf(data),
        kind: data.kind,
        category: data.category,
        answers: i.answers ?? 0,
        correctShare: !i.answers ? null : (i.correct ?? 0) / i.answers,
        commonWrong: wrongByItem.get(i.item_id) ?? [],
      }
    }),
  }
}

/**
 * Reviews and time per member since `since` on the assignment's items, driven by each member's recent entries
 * in the time index, which covers item, time and undo: no log row is read.
 */
export function recentActivityQuery(assignment: Pick<AssignmentRow, 'id' | 'classId'>, since: number) {
  return sql`
    select mm.user_id, count(*) as reviews7d, sum(l.duration_ms) as ms7d
    from class_members mm
    cross join review_logs l indexed by review_logs_user_time on l.user_id = mm.user_id and l.reviewed_at >= ${since}
    where mm.class_id = ${assignment.classId} and mm.removed_at is null and l.undone_at is null
      and l.item_id in (select item_id from assignment_items where assignment_id = ${assignment.id})
    group by mm.user_id`
}

export const studentSortKeys = ['name', 'started', 'dueNow', 'recallOnDue', 'bestQuiz', 'latestQuiz', 'reviews7d', 'minutes7d', 'lastActive'] as const
export type StudentSortKey = (typeof studentSortKeys)[number]
export const itemSortKeys = ['prompt', 'answers', 'correctShare'] as const
export type ItemSortKey = (typeof itemSortKeys)[number]

/** CSV for spreadsheets: quoted fields, CRLF line ends, a BOM so Excel reads UTF-8 (Chinese names). */
/**
 * CSV that spreadsheets read as plain text: every field quoted (a name such as `x;=1+2;` stays one cell even
 * where `;` separates fields), and a leading formula character defused with an apostrophe.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v)
    return `"${s.replace(/^([=+\-@\t\r])/, "'$1").replace(/"/g, '""')}"`
  }
  return '\ufeff' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
}
