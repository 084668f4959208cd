/**
 * Item analysis of one assignment, for its instructor: per item, Moodle's statistics over the class's quiz
 * attempts on the assignment and over the students' first answers in review, review figures (first-answer
 * correctness, lapses per review, mean time) and the wrong options picked. A few set-based queries (never one
 * per student): review figures come from the answer_counts cache, not from the millions of log rows.
 */
import { sql } from 'drizzle-orm'
import type { ContentItem } from '~/domain/content/schema'
import { countPicks, hasDistractors, pickedOption, pickFromMeaning, type Pick, type PickCount } from '~/domain/distractors'
import { itemFlags, itemStatistics, reviewFigures, type DiscriminationFlag, type ItemStatistics, type ReviewFigures, type TestMarks } from '~/domain/item-analysis'
import { buildQuestion, needsSiblings, type AnswerMeaning } from '~/domain/questions'
import { asQuizItem, questionSeed, scoreAttempt } from '~/domain/quiz'
import type { Database } from '~/utils/db.server'
import type { AssignmentRow } from './classes.server'
import { siblingAnswers } from './questions.server'

export interface AnalysedItem {
  itemId: string
  prompt: { en: string; zh: string }
  kind: string
  category: string
  review: ReviewFigures & { stats: ItemStatistics; check: DiscriminationFlag | null; dubious: boolean }
  quiz: { stats: ItemStatistics; check: DiscriminationFlag | null; dubious: boolean }
  /** A choice, attribution or framing item: its wrong picks can be asked for. */
  hasOptions: boolean
  /** Wrong options picked, in review and in quizzes together: only for the item asked for (`picksFor`). */
  wrongPicks: PickCount[] | null
  /** Learners' reports of a problem with the item (any learner's: a content fault is not the class's alone). */
  learnerFlags: number
}

export interface ItemAnalysis {
  items: AnalysedItem[]
  /** Students, and each one's first-answer verdict per item (1 right, 0 wrong, absent: not answered). */
  students: Array<{ userId: string; name: string; email: string | null; firstAnswers: Map<string, number> }>
  quizAttempts: number
}

/**
 * `picksFor`: the one item whose wrong picks to count (each of its wrong answers read one by one: all items at
 * once would read 150,000 in the bench, and answers logged before meanings were stored rebuild their question).
 */
export async function assignmentItemAnalysis(db: Database, assignment: AssignmentRow, picksFor: string | null = null): Promise<ItemAnalysis> {
  const a = assignment.id
  const c = assignment.classId
  const members = sql`(select user_id from class_members where class_id = ${c} and removed_at is null)`
  const assigned = sql`(select item_id from assignment_items where assignment_id = ${a})`
  const [itemRows, memberRows, perStudent, lapseRows, attempts, flagRows] = await Promise.all([
    db.all<{ item_id: string; data: string }>(sql`
      select ai.item_id, i.data from assignment_items ai join items i on i.id = ai.item_id
      where ai.assignment_id = ${a} order by i.position, ai.item_id`),
    db.all<{ user_id: string; name: string | null; email: string | null }>(sql`
      select m.user_id, u.display_name as name, u.email from class_members m join users u on u.id = m.user_id
      where m.class_id = ${c} and m.removed_at is null order by coalesce(u.display_name, u.email, u.id)`),
    // One packed row per student (60k row objects would cost more than splitting strings):
    // "item<TAB>first<TAB>answers<TAB>ms" joined by newlines. Grouped by the member, whom the class's primary
    // key yields in order (no temporary sort of 60k cells); each member's counts read as one range of their
    // key (`+` keeps SQLite from seeking every assigned item one by one), the assigned list a filter.
    db.all<{ user_id: string; cells: string }>(sql`
      select mm.user_id, group_concat(ac.item_id || char(9) || coalesce(ac.first_correct, '') || char(9) || ac.answers || char(9) || ac.duration_ms, char(10)) as cells
      from class_members mm cross join answer_counts ac on ac.user_id = mm.user_id
      where mm.class_id = ${c} and mm.removed_at is null and ac.answers > 0 and +ac.item_id in ${assigned}
      group by mm.user_id`),
    db.all<{ item_id: string; lapses: number }>(sql`
      select s.item_id, sum(s.lapses) as lapses
      from class_members mm cross join card_states s on s.user_id = mm.user_id
      where mm.class_id = ${c} and mm.removed_at is null and s.item_id in ${assigned}
      group by s.item_id`),
    // Finished quizzes on this assignment, reached through each member's own attempts (user index).
    db.all<{ id: string; item_ids: string; seed: string; deadline: number | null }>(sql`
      select q.id, q.item_ids, q.seed, q.deadline
      from class_members mm cross join quiz_attempts q on q.user_id = mm.user_id
      where mm.class_id = ${c} and mm.removed_at is null and q.finished_at is not null
        and json_extract(q.config, '$.assignmentId') = ${a}`),
    db.all<{ item_id: string; flags: number }>(sql`
      select f.item_id, count(*) as flags from item_flags f where f.item_id in ${assigned} group by f.item_id`),
  ])
  const flagsBy = new Map(flagRows.map((r) => [r.item_id, Number(r.flags)]))
  const items = new Map(itemRows.map((r) => [r.item_id, JSON.parse(r.data) as ContentItem]))
  const itemIds = [...items.keys()]

  // Review: the first-answer matrix and per-item totals.
  const totals = new Map(itemIds.map((id) => [id, { answers: 0, firstAnswered: 0, firstRight: 0, lapses: 0, durationMs: 0 }]))
  const firstAnswersBy = new Map<string, Map<string, number>>()
  for (const row of perStudent) {
    const marks = new Map<string, number>()
    // Read in place by offsets: 60k cells split into arrays would leave 240k strings for the collector.
    const packed = row.cells
    for (let start = 0; start < packed.length; ) {
      const tab1 = packed.indexOf('\t', start)
      const tab2 = packed.indexOf('\t', tab1 + 1)
      const tab3 = packed.indexOf('\t', tab2 + 1)
      let end = packed.indexOf('\n', tab3 + 1)
      if (end === -1) end = packed.length
      const itemId = packed.slice(start, tab1)
      start = end + 1
      const t = totals.get(itemId)
      if (!t) continue
      t.answers += Number(packed.slice(tab2 + 1, tab3))
      t.durationMs += Number(packed.slice(tab3 + 1, end))
      if (tab2 > tab1 + 1) {
        const first = Number(packed.slice(tab1 + 1, tab2))
        marks.set(itemId, first)
        t.firstAnswered++
        t.firstRight += first
      }
    }
    firstAnswersBy.set(row.user_id, marks)
  }
  for (const r of lapseRows) {
    const t = totals.get(r.item_id)
    if (t) t.lapses = r.lapses
  }
  const reviewStats = itemStatistics([...firstAnswersBy.values()], itemIds)

  // Quizzes: each finished attempt is one test; a question unanswered (or answered late) scores 0.
  const attemptIds = attempts.map((q) => q.id)
  const answerRows = attemptIds.length === 0 ? [] : await db.all<{ attempt_id: string; position: number; item_id: string; correct: number; response: string; meaning: string | null; answered_at: number }>(sql`
      select attempt_id, position, item_id, correct, response, meaning, answered_at from quiz_answers
      where attempt_id in (${sql.join(attemptIds.map((id) => sql`${id}`), sql`, `)})`)
  const answersBy = new Map<string, typeof answerRows>()
  for (const r of answerRows) {
    const list = answersBy.get(r.attempt_id) ?? []
    list.push(r)
    answersBy.set(r.attempt_id, list)
  }
  const quizTests: TestMarks[] = attempts.map((q) => {
    const ids = JSON.parse(q.item_ids) as string[]
    const answers = (answersBy.get(q.id) ?? []).map((r) => ({ position: r.position, correct: r.correct === 1, answeredAt: r.answered_at }))
    const missed = new Set(scoreAttempt(answers, ids.length, q.deadline).missedPositions)
    return new Map(ids.map((id, p) => [id, missed.has(p) ? 0 : 1]))
  })
  const quizStats = itemStatistics(quizTests, itemIds)

  const asked = picksFor === null ? undefined : items.get(picksFor)
  const picks = asked && hasDistractors(asked.kind) ? await wrongPicks(db, asked, assignment, members, attempts, answerRows) : null
  return {
    quizAttempts: attempts.length,
    students: memberRows.map((m) => ({ userId: m.user_id, name: m.name ?? m.email ?? m.user_id, email: m.email, firstAnswers: firstAnswersBy.get(m.user_id) ?? new Map() })),
    items: itemIds.map((id) => {
      const item = items.get(id)!
      const review = reviewStats.get(id)!
      const quiz = quizStats.get(id)!
      return {
        itemId: id,
        prompt: item.prompt,
        kind: item.kind,
        category: item.category,
        review: { ...reviewFigures(totals.get(id)!), stats: review, ...itemFlags(review) },
        quiz: { stats: quiz, ...itemFlags(quiz) },
        hasOptions: hasDistractors(item.kind),
        wrongPicks: picks !== null && id === picksFor ? countPicks(picks) : null,
        learnerFlags: flagsBy.get(id) ?? 0,
      }
    }),
  }
}

/**
 * The options behind wrong answers to one choice, attribution or framing item, read from the meaning stored
 * with each answer (the option's text, the perspectives given). Answers logged before meanings were stored
 * rebuild their question from its seed (a review's id; a quiz's seed and position).
 */
async function wrongPicks(
  db: Database,
  item: ContentItem,
  assignment: AssignmentRow,
  members: ReturnType<typeof sql>,
  attempts: ReadonlyArray<{ id: string; seed: string }>,
  quizAnswers: ReadonlyArray<{ attempt_id: string; position: number; item_id: string; correct: number; response: string; meaning: string | null }>,
): Promise<Array<Pick | null>> {
  const reviewRows = await db.all<{ id: string; response: string; meaning: string | null }>(sql`
    select l.id, l.response, l.response_meaning as meaning from review_logs l indexed by review_logs_wrong
    where l.correct = 0 and l.response is not null and l.undone_at is null
      and l.item_id = ${item.id} and l.user_id in ${members}
      and exists (select 1 from assignment_items where assignment_id = ${assignment.id} and item_id = ${item.id})`)
  const quizItem = asQuizItem(item)
  const wrongQuizAnswers = quizAnswers.filter((r) => r.correct !== 1 && r.item_id === item.id)
  const legacy = reviewRows.some((r) => r.meaning === null) || wrongQuizAnswers.some((r) => r.meaning === null)
  const siblings = legacy && (needsSiblings(item) || needsSiblings(quizItem)) ? await siblingAnswers(db, item.id) : []
  const stored = (meaning: string) => pickFromMeaning(item, JSON.parse(meaning) as AnswerMeaning)
  const out: Array<Pick | null> = reviewRows.map((r) =>
    r.meaning !== null ? stored(r.meaning) : pickedOption(item, buildQuestion(item, needsSiblings(item) ? siblings : [], r.id), r.response),
  )
  const seedOf = new Map(attempts.map((q) => [q.id, q.seed]))
  for (const r of wrongQuizAnswers) {
    out.push(
      r.meaning !== null
        ? stored(r.meaning)
        : pickedOption(quizItem, buildQuestion(quizItem, needsSiblings(quizItem) ? siblings : [], questionSeed(seedOf.get(r.attempt_id)!, r.position)), r.response),
    )
  }
  return out
}
