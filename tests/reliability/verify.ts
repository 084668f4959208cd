/** What must hold in the database after any load: every acknowledged answer stored once, states = replay. */
import { openDatabase } from '../../db/client'
import { rebuildCardStates, type LoggedReview } from '~/domain/scheduling'
import { cardFromRow } from '~/data/reviews.server'

export interface DatabaseCheck {
  storedReviews: number
  distinctIds: number
  lostReviews: number
  duplicateReviews: number
  unacknowledgedStored: number
  statesMatchingReplay: number
  statesDiffering: number
  /** Rows of the answer_counts cache that differ from the log's own counts. */
  answerCountsDiffering: number
  /** Rows of the study_days cache that differ from the log's own per-day totals. */
  studyDaysDiffering: number
  integrity: string
}

export async function checkDatabase(databaseUrl: string, acknowledged: Set<string>): Promise<DatabaseCheck> {
  const db = openDatabase(databaseUrl)
  try {
    const integrity = String((await db.$client.execute('PRAGMA integrity_check')).rows[0]![0])
    const logs = await db.query.reviewLogs.findMany({ orderBy: (r, { asc }) => [asc(r.reviewedAt)] })
    const states = await db.query.cardStates.findMany()
    const ids = new Set(logs.map((l) => l.id))
    // An answer applied twice shows as two live log rows starting from the same card state.
    const perCardState = new Map<string, number>()
    for (const l of logs) {
      if (l.undoneAt !== null) continue
      const key = `${l.userId}|${l.itemId}|${l.before.reps}|${l.before.lastReview}`
      perCardState.set(key, (perCardState.get(key) ?? 0) + 1)
    }
    // Each answer is replayed with the FSRS parameters that scheduled it.
    const weights = new Map(
      (await db.query.fsrsParameters.findMany({ columns: { id: true, weights: true } })).map((p) => [p.id, p.weights]),
    )
    const byUser = new Map<string, LoggedReview[]>()
    for (const l of logs)
      byUser.set(l.userId, [
        ...(byUser.get(l.userId) ?? []),
        { ...l, weights: l.parametersId === null ? null : (weights.get(l.parametersId) ?? null) } as LoggedReview,
      ])
    let matching = 0
    let differing = 0
    const rebuilt = new Map<string, ReturnType<typeof rebuildCardStates>>()
    for (const [userId, userLog] of byUser) rebuilt.set(userId, rebuildCardStates(userLog))
    for (const row of states) {
      const expected = rebuilt.get(row.userId)?.get(row.itemId)
      if (expected && JSON.stringify(expected) === JSON.stringify(cardFromRow(row))) matching++
      else differing++
    }
    // The first live answer's verdict: earliest by time, then id (undo takes the latest by the same order).
    const countsFromLog = `select user_id, item_id, count(*) as answers, sum(coalesce(correct, rating > 1)) as correct, sum(duration_ms) as duration_ms,
        (select coalesce(f.correct, f.rating > 1) from review_logs f where f.user_id = l.user_id and f.item_id = l.item_id and f.undone_at is null order by f.reviewed_at, f.id limit 1) as first_correct
        from review_logs l where undone_at is null group by user_id, item_id`
    const countsCached = 'select user_id, item_id, answers, correct, duration_ms, first_correct from answer_counts where answers > 0'
    const countsDiffering = Number(
      (
        await db.$client.execute(`select count(*) from (
          ${countsFromLog}
          except ${countsCached}
        ) union all select count(*) from (
          ${countsCached}
          except ${countsFromLog}
        )`)
      ).rows.reduce((n, r) => n + Number(r[0]), 0),
    )
    const fromLog = `select user_id, study_day, count(*), sum(duration_ms), sum(json_extract(before, '$.state') = 2),
        sum(json_extract(before, '$.state') = 2 and rating > 1) from review_logs where undone_at is null group by user_id, study_day`
    const cached = 'select user_id, day, answers, duration_ms, review_answers, review_passed from study_days where answers > 0'
    const studyDaysDiffering = (
      await db.$client.execute(
        `select count(*) from (${fromLog} except ${cached}) union all select count(*) from (${cached} except ${fromLog})`,
      )
    ).rows.reduce((n, r) => n + Number(r[0]), 0)
    const rebuiltCount = [...rebuilt.values()].reduce((n, m) => n + m.size, 0)
    differing += Math.max(0, rebuiltCount - states.length)
    return {
      storedReviews: logs.length,
      distinctIds: ids.size,
      lostReviews: [...acknowledged].filter((id) => !ids.has(id)).length,
      duplicateReviews: [...perCardState.values()].reduce((n, c) => n + c - 1, 0),
      unacknowledgedStored: [...ids].filter((id) => !acknowledged.has(id)).length,
      statesMatchingReplay: matching,
      statesDiffering: differing,
      answerCountsDiffering: countsDiffering,
      studyDaysDiffering,
      integrity,
    }
  } finally {
    db.$client.close()
  }
}
