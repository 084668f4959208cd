/**
 * Item analysis of one assignment for 200 students × 300 items × 30 reviews each (a third of the items
 * choice questions, a quarter of the answers wrong with a response) plus 200 finished 20-question quizzes,
 * generated in SQL; the answer_counts cache as recordReview leaves it.
 */
import { openDatabase } from '../../db/client'
import { migrateDatabase } from '../../db/migrate'
import { assignmentItemAnalysis } from '~/data/item-analysis.server'
import { assignedClassSql, minimalItemJson, reviewedBeforeJson, studentCardsSql } from './generated-data'

const STUDENTS = 200
const ITEMS = 300
const REVIEWS_PER_CARD = 30
const QUIZ_LENGTH = 20

export async function measureItemAnalysis(databaseUrl: string) {
  const db = openDatabase(databaseUrl)
  await migrateDatabase(db)
  const now = Date.now()
  const text = (en: string) => ({ en, zh: en })
  const base = { prompt: text('Q'), answer: text('A'), explanation: text('E') }
  const typed = minimalItemJson('typed', 'actor', { ...base, accepted: [] })
  const choice = minimalItemJson('choice', 'actor', { ...base, distractors: [text('B'), text('C'), text('D')] })
  const before = reviewedBeforeJson(now)
  const started = performance.now()
  await db.$client.executeMultiple(`
    ${assignedClassSql(
      now,
      STUDENTS,
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${ITEMS})
      insert into items (id, bank, kind, category, position, data, content_hash, updated_at)
      select 'ia-item-' || i, 'bench', case when i % 3 = 0 then 'choice' else 'typed' end, 'actor', i,
        replace(case when i % 3 = 0 then '${choice}' else '${typed}' end, '"id":"x"', '"id":"ia-item-' || i || '"'), 'h', ${now} from n;`,
    )}
    ${studentCardsSql(now, REVIEWS_PER_CARD, 'abs(random()) % 4')}
    with recursive r(k) as (select 0 union all select k + 1 from r where k < ${REVIEWS_PER_CARD - 1})
      insert into review_logs (id, user_id, item_id, rating, reviewed_at, duration_ms, retention, before, response, correct)
      select s.user_id || '|' || s.item_id || '|' || r.k, s.user_id, s.item_id, 1 + abs(random()) % 4,
        ${now} - (370 * 86400 - r.k * r.k * 34560) * 1000 - abs(random()) % 3600000, 2000 + abs(random()) % 8000, 0.9, '${before}',
        case when abs(random()) % 4 = 0 then cast(1 + abs(random()) % 3 as text) else null end, null
      from card_states s cross join r;
    update review_logs set correct = case when response is null then 1 else 0 end;
    -- What each wrong pick meant, as recordReview stores it: options 1–3 of a choice item are its distractors B–D.
    update review_logs set response_meaning = json_object('kind', 'option', 'option', json_object('en', char(65 + response), 'zh', char(65 + response)))
      where response is not null and item_id in (select id from items where kind = 'choice');
    -- The cache the app keeps beside the log, as recordReview would have left it.
    insert into answer_counts (user_id, item_id, answers, correct, duration_ms, first_correct)
      select l.user_id, l.item_id, count(*), sum(l.correct), sum(l.duration_ms),
        (select f.correct from review_logs f where f.user_id = l.user_id and f.item_id = l.item_id order by f.reviewed_at, f.id limit 1)
      from review_logs l group by l.user_id, l.item_id;
    insert into quiz_attempts (id, user_id, config, item_ids, seed, started_at, deadline, finished_at, score)
      select 'quiz-' || u.id, u.id, '{"assignmentId":"assignment","count":${QUIZ_LENGTH}}',
        (select json_group_array(id) from (select id from items where bank = 'bench' order by random() limit ${QUIZ_LENGTH})), 'seed-' || u.id, ${now - 3600000}, null, ${now - 60000}, 0
      from users u where u.role = 'student';
    insert into quiz_answers (attempt_id, position, item_id, response, correct, answered_at)
      select q.id, j.key, j.value, cast(abs(random()) % 4 as text), abs(random()) % 3 > 0, ${now - 120000}
      from quiz_attempts q, json_each(q.item_ids) j;
    update quiz_answers set meaning = json_object('kind', 'option', 'option', json_object('en', char(65 + response), 'zh', char(65 + response)))
      where item_id in (select id from items where kind = 'choice');
    analyze;
  `)
  await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  const generateMs = Math.round(performance.now() - started)
  const [assignment] = await db.query.assignments.findMany()
  const counts = await db.$client.execute(
    'select (select count(*) from review_logs) as logs, (select count(*) from quiz_answers) as quizAnswers',
  )
  await assignmentItemAnalysis(db, assignment!) // warm-up
  const times: number[] = []
  const pickTimes: number[] = []
  let items = 0
  let picked = 0
  for (let i = 0; i < 7; i++) {
    let t = performance.now()
    const result = await assignmentItemAnalysis(db, assignment!)
    times.push(performance.now() - t)
    items = result.items.length
    // The same page with one choice item's wrong options asked for.
    t = performance.now()
    const withPicks = await assignmentItemAnalysis(db, assignment!, 'ia-item-3')
    pickTimes.push(performance.now() - t)
    picked = withPicks.items.find((x) => x.itemId === 'ia-item-3')!.wrongPicks!.reduce((n, p) => n + p.count, 0)
  }
  times.sort((a, b) => a - b)
  pickTimes.sort((a, b) => a - b)
  db.$client.close()
  return {
    medianMs: Math.round(times[3]!),
    withPicksMs: Math.round(pickTimes[3]!),
    items,
    picked,
    logs: Number(counts.rows[0]!.logs),
    quizAnswers: Number(counts.rows[0]!.quizAnswers),
    generateMs,
  }
}

// Alone: `node --import tsx tests/bench/item-analysis.ts FILE.db`.
if (process.argv[1]?.endsWith('item-analysis.ts') && process.argv[2]) console.log(await measureItemAnalysis(`file:${process.argv[2]}`))
