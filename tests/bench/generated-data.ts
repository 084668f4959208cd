/**
 * Generated data shared by the SQL-built benches (next card, dashboard, item analysis): a minimal item, the
 * card a review log row says it replaced, and an instructor's class whose assignment covers the bench bank.
 */

/** A minimal item of `kind` in both languages, as JSON for the items table (`"id":"x"` until a bench names it). */
export function minimalItemJson(kind: string, category: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'x',
    kind,
    category,
    prompt: { en: 'Q', zh: '问' },
    answer: { en: 'A', zh: '答' },
    explanation: { en: 'E', zh: '解' },
    tags: [],
    sources: [],
    ...fields,
  })
}

/** The card state stored as a generated review's `before`: a review card due `now`. */
export function reviewedBeforeJson(now: number): string {
  return JSON.stringify({
    due: now,
    stability: 1,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 2,
    lastReview: null,
  })
}

/**
 * SQL for a teacher, a class of `students` students (student-1 …) and a memory assignment due in 14 days over
 * the bench bank, whose items `itemsSql` inserts (bank 'bench').
 */
export function assignedClassSql(now: number, students: number, itemsSql: string): string {
  return `
    insert into users (id, kind, role, display_name, created_at) values ('teacher', 'account', 'instructor', 'Teacher', ${now});
    insert into classes (id, instructor_id, name, join_code, created_at) values ('class', 'teacher', 'Bench class', 'BENCH234', ${now});
    insert into assignments (id, class_id, title, scope, due_at, goal, target_recall, created_at) values ('assignment', 'class', 'Bench', '{"tags":["bench"]}', ${now + 14 * 86400000}, 'memory', 0.85, ${now});
    ${itemsSql}
    insert into assignment_items (assignment_id, item_id) select 'assignment', id from items where bank = 'bench';
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${students})
      insert into users (id, kind, role, display_name, created_at) select 'student-' || i, 'account', 'student', 'Student ' || i, ${now} from n;
    insert into class_members (class_id, user_id, joined_at) select 'class', id, ${now} from users where role = 'student';`
}

/**
 * SQL for every student's card of every bench item: reviewed `reps` times, `lapses` (an SQL expression) lapsed,
 * due between 5 days ago and 14 days ahead, last reviewed within 10 days.
 */
export function studentCardsSql(now: number, reps: number, lapses: string): string {
  return `
    insert into card_states (user_id, item_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review)
      select u.id, i.id, ${now} + ((abs(random()) % 20) - 5) * 86400000, 1 + abs(random()) % 60, 5, 3, 10, 0, ${reps}, ${lapses}, 2, ${now} - (abs(random()) % 10) * 86400000
      from users u cross join items i where u.role = 'student' and i.bank = 'bench';`
}
