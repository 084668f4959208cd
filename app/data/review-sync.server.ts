/**
 * Accepting answers made offline (issue 11): a batch of review events goes into the log, and every card it
 * touches is rebuilt by replaying its whole log in answer-time order, with its caches (card_states,
 * answer_counts, study_days, each row's "before", fulfilled review_requests, new-card cursors) in ONE atomic
 * `db.batch`. Idempotent by review id: a retried or doubled batch changes nothing. All or nothing: a batch
 * with any refused event writes nothing and says which events were refused and why.
 *
 * A check (the first Check of a showing made offline) becomes the server's open check of that card, as if made
 * online, unless the card was answered at or after it (the check was used up) or an earlier check is in force:
 * the first check holds, wherever it was made.
 *
 * Concurrency: the batch is computed from a consistent read, and its first statement aborts it if any
 * touched card changed since (another answer, undo or sync); the whole sync is then read and computed again.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { answerCounts, cardStates, fsrsOptimizer, fsrsParameters, items, newCardCursors, openChecks, reviewLogs, reviewRequests, studyDays, userSettings } from '../../db/schema'
import type { ContentItem } from '~/domain/content/schema'
import { describeResponse, gradeResponse, isInteractive } from '~/domain/questions'
import { checkEvent, sameAnswerEvent, type AnswerEvent, type CheckEvent, type Refusal, type ReviewEvent } from '~/domain/review-events'
import { OPEN_CHECK_TTL_MS } from '~/domain/open-check'
import { applyEvents, byItem, replayCard } from '~/domain/review-replay'
import { State, type RatingValue, type StoredCard } from '~/domain/scheduling'
import { studyDateAt } from '~/domain/study-day'
import type { Database } from '~/utils/db.server'
import { itemVisibleTo } from './decks.server'
import { questionFor, type SiblingCache } from './questions.server'
import type { OpenCheck } from './open-checks.server'

export type SyncResult =
  | {
      status: 'synced'
      /** Answers and undos written now. */
      accepted: string[]
      /** Answers the log already held (a retried batch). */
      duplicates: string[]
      /** Every touched card as the replay left it (null: new again). These replace the phone's. */
      states: Record<string, StoredCard | null>
      /** Each checked card's open check in force now (null: none, e.g. it was answered since). These replace the phone's. */
      checks: Record<string, OpenCheck | null>
    }
  | { status: 'refused'; refused: Refusal[] }

const MAX_ATTEMPTS = 8

export async function syncReviewEvents(db: Database, userId: string, rawEvents: readonly unknown[], now: number): Promise<SyncResult> {
  const refused: Refusal[] = []
  const events: Array<{ index: number; event: ReviewEvent }> = []
  rawEvents.forEach((raw, index) => {
    const checked = checkEvent(raw, index, now)
    if (checked.ok) events.push({ index, event: checked.event })
    else refused.push(checked.refusal)
  })
  if (refused.length > 0) return { status: 'refused', refused }
  for (let attempt = 1; ; attempt++) {
    try {
      return await syncOnce(db, userId, events, now)
    } catch (error) {
      // A touched card changed under us, or an identical batch raced us to the primary key: read again.
      if (attempt < MAX_ATTEMPTS && (isConflictAbort(error) || isUniqueViolation(error))) continue
      throw error
    }
  }
}

interface ExistingRow {
  id: string
  user_id: string
  item_id: string
  rating: number
  reviewed_at: number
}

async function syncOnce(db: Database, userId: string, events: ReadonlyArray<{ index: number; event: ReviewEvent }>, now: number): Promise<SyncResult> {
  const answers = events.filter((e): e is { index: number; event: AnswerEvent } => e.event.type === 'answer')
  const checks = events.filter((e): e is { index: number; event: CheckEvent } => e.event.type === 'check')
  const ids = [...new Set(events.flatMap(({ event }) => (event.type === 'answer' ? [event.id] : event.type === 'undo' ? [event.reviewId] : [])))]
  const answerItemIds = [...new Set([...answers, ...checks].map((a) => a.event.itemId))]
  const [existing, liveItems, settings, [parameters], serverChecks] = await db.batch([
    db.all<ExistingRow>(sql`select id, user_id, item_id, rating, reviewed_at from ${reviewLogs} where id in (select value from json_each(${JSON.stringify(ids)}))`),
    // Only items this learner may see: an id of someone's private deck is no card of theirs.
    db.all<{ id: string; bank: string; data: string }>(
      sql`select id, bank, data from ${items} where retired_at is null and ${itemVisibleTo(userId)} and id in (select value from json_each(${JSON.stringify(answerItemIds)}))`,
    ),
    db.select({ timeZone: userSettings.timeZone }).from(userSettings).where(eq(userSettings.userId, userId)),
    // The learner's FSRS parameters in force: they schedule the answers synced now (and are logged with them).
    db.select({ id: fsrsParameters.id, weights: fsrsParameters.weights }).from(fsrsOptimizer).innerJoin(fsrsParameters, eq(fsrsParameters.id, fsrsOptimizer.parametersId)).where(eq(fsrsOptimizer.userId, userId)),
    // The open checks of the answered cards: an answer made after one is graded on it, as an online rating is.
    db
      .select({ itemId: openChecks.itemId, reviewId: openChecks.reviewId, response: openChecks.response, checkedAt: openChecks.checkedAt })
      .from(openChecks)
      .where(and(eq(openChecks.userId, userId), sql`${openChecks.itemId} in (select value from json_each(${JSON.stringify(answerItemIds)}))`, sql`${openChecks.checkedAt} > ${now - OPEN_CHECK_TTL_MS}`)),
  ])
  const checkOnServer = new Map(serverChecks.map(({ itemId, ...check }) => [itemId, check]))
  const existingById = new Map(existing.map((r) => [r.id, r]))
  const itemData = new Map(liveItems.map((r) => [r.id, { ...(JSON.parse(r.data) as ContentItem), bank: r.bank }]))

  // Owner, item, id and undo checks: anything refused means nothing is written.
  const refused: Refusal[] = []
  const duplicates: string[] = []
  const fresh: AnswerEvent[] = []
  const inBatch = new Map<string, AnswerEvent>()
  const undoItems = new Set<string>()
  for (const { index, event } of events) {
    if (event.type === 'answer') {
      const stored = existingById.get(event.id)
      const earlier = inBatch.get(event.id)
      if (stored && stored.user_id !== userId) refused.push({ index, id: event.id, reason: 'not-yours', detail: 'this review id belongs to another learner' })
      else if (stored || earlier) {
        // A retry repeats its answer exactly; the log keeps its card, rating and time (the response may be the open check's).
        const same = stored
          ? stored.item_id === event.itemId && stored.rating === event.rating && stored.reviewed_at === event.answeredAt
          : sameAnswerEvent(earlier!, event)
        if (!same) refused.push({ index, id: event.id, reason: 'id-conflict', detail: 'this review id was already used for a different answer' })
        else if (stored) duplicates.push(event.id)
      } else if (!itemData.has(event.itemId)) refused.push({ index, id: event.id, reason: 'unknown-item', detail: `there is no card "${event.itemId}"` })
      else {
        inBatch.set(event.id, event)
        fresh.push(event)
      }
    } else if (event.type === 'check') {
      const item = itemData.get(event.itemId)
      if (!item || !isInteractive(item.kind))
        refused.push({ index, id: event.reviewId, reason: 'unknown-item', detail: `there is no card "${event.itemId}" to check` })
    } else {
      const target = existingById.get(event.reviewId)
      if (target && target.user_id !== userId) refused.push({ index, id: event.reviewId, reason: 'not-yours', detail: 'this answer belongs to another learner' })
      else if (target) undoItems.add(target.item_id)
      else if (inBatch.has(event.reviewId)) undoItems.add(inBatch.get(event.reviewId)!.itemId)
      else refused.push({ index, id: event.reviewId, reason: 'unknown-review', detail: 'there is no such answer to undo' })
    }
  }
  if (refused.length > 0) return { status: 'refused', refused }

  const touched = [...new Set([...fresh.map((a) => a.itemId), ...undoItems])]
  const checkedItems = [...new Set(checks.map((c) => c.event.itemId))]
  if (touched.length === 0 && checkedItems.length === 0) return { status: 'synced', accepted: [], duplicates, states: {}, checks: {} }
  const touchedJson = JSON.stringify(touched)
  // One consistent read of every touched card's log and cached state (a read batch is one transaction).
  const [logRows, stateRows] = await db.batch([
    db
      .select({ id: reviewLogs.id, itemId: reviewLogs.itemId, rating: reviewLogs.rating, reviewedAt: reviewLogs.reviewedAt, retention: reviewLogs.retention, undoneAt: reviewLogs.undoneAt, before: reviewLogs.before, studyDay: reviewLogs.studyDay, weights: fsrsParameters.weights })
      .from(reviewLogs)
      .leftJoin(fsrsParameters, eq(fsrsParameters.id, reviewLogs.parametersId))
      .where(and(eq(reviewLogs.userId, userId), sql`${reviewLogs.itemId} in (select value from json_each(${touchedJson}))`)),
    db.select().from(cardStates).where(and(eq(cardStates.userId, userId), sql`${cardStates.itemId} in (select value from json_each(${touchedJson}))`)),
  ])
  const stored = new Map(logRows.map((r) => [r.id, r]))
  // Each answer replays with the parameters that scheduled it; the new ones with those in force now.
  const merged = applyEvents(
    logRows.map((r) => ({ id: r.id, itemId: r.itemId, rating: r.rating as RatingValue, reviewedAt: r.reviewedAt, retention: r.retention, undoneAt: r.undoneAt, weights: r.weights })),
    events.map((e) => e.event),
  ).map((entry) => (stored.has(entry.id) ? entry : { ...entry, weights: parameters?.weights ?? null }))
  const timeZone = settings[0]?.timeZone ?? 'UTC'
  const logsByItem = byItem(merged)
  const statesByItem = new Map(stateRows.map((r) => [r.itemId, r]))
  const storedCounts = new Map<string, number>()
  for (const r of logRows) storedCounts.set(r.itemId, (storedCounts.get(r.itemId) ?? 0) + 1)
  const fingerprints = touched.map((itemId) => ({ item: itemId, fp: fingerprint(statesByItem.get(itemId), storedCounts.get(itemId) ?? 0) }))

  const newStates: Record<string, StoredCard | null> = {}
  const rowsToInsert: Array<typeof reviewLogs.$inferInsert> = []
  const rowsToUpdate: Array<{ id: string; before: StoredCard; undoneAt: number | null }> = []
  const days = new Set<string>()
  let anyBecameNew = false
  const siblings: SiblingCache = new Map()
  const freshById = new Map(fresh.map((a) => [a.id, a]))
  for (const itemId of touched) {
    const entries = logsByItem.get(itemId) ?? []
    const replay = replayCard(entries)
    newStates[itemId] = replay.card
    if (replay.card === null && statesByItem.has(itemId)) anyBecameNew = true
    for (const entry of entries) {
      const before = replay.before.get(entry.id)!
      const answer = freshById.get(entry.id)
      if (answer) {
        const graded = await grade(db, itemData.get(itemId)!, answer, siblings, checkOnServer.get(itemId))
        const studyDay = studyDateAt(answer.answeredAt, timeZone)
        days.add(studyDay)
        rowsToInsert.push({
          id: answer.id,
          userId,
          itemId,
          rating: answer.rating,
          reviewedAt: answer.answeredAt,
          durationMs: answer.durationMs,
          retention: answer.retention,
          undoneAt: entry.undoneAt,
          before,
          response: graded?.response ?? null,
          responseMeaning: graded?.meaning ?? null,
          correct: graded === null ? null : graded.correct,
          studyDay,
          parametersId: parameters?.id ?? null,
        })
      } else {
        const row = stored.get(entry.id)!
        if (row.studyDay) days.add(row.studyDay)
        if (row.undoneAt !== entry.undoneAt || JSON.stringify(row.before) !== JSON.stringify(before)) rowsToUpdate.push({ id: entry.id, before, undoneAt: entry.undoneAt })
      }
    }
  }

  const cardWrites = [
    // First: abort the whole batch if any touched card moved since the read above.
    db.run(sql`select case when exists (
        select 1 from json_each(${JSON.stringify(fingerprints)}) j
        where coalesce((select c.reps || ':' || coalesce(c.last_review, '') from ${cardStates} c where c.user_id = ${userId} and c.item_id = json_extract(j.value, '$.item')), '-')
          || ':' || (select count(*) from ${reviewLogs} l where l.user_id = ${userId} and l.item_id = json_extract(j.value, '$.item')) <> json_extract(j.value, '$.fp')
      ) then abs(-9223372036854775808) end`),
    ...chunks(rowsToInsert, 400).map((rows) => db.insert(reviewLogs).values(rows)),
    ...rowsToUpdate.map((r) => db.update(reviewLogs).set({ before: r.before, undoneAt: r.undoneAt }).where(eq(reviewLogs.id, r.id))),
    ...touched.map((itemId) => {
      const card = newStates[itemId]
      return card
        ? db.insert(cardStates).values({ userId, itemId, ...card }).onConflictDoUpdate({ target: [cardStates.userId, cardStates.itemId], set: card })
        : db.delete(cardStates).where(and(eq(cardStates.userId, userId), eq(cardStates.itemId, itemId)))
    }),
    // Caches recounted from the log as it now stands.
    db.delete(answerCounts).where(and(eq(answerCounts.userId, userId), inArray(answerCounts.itemId, touched))),
    // The first live answer's verdict: earliest by time, then id (the order undo and verify use).
    db.run(sql`insert into ${answerCounts} (user_id, item_id, answers, correct, duration_ms, first_correct)
      select l.user_id, l.item_id, count(*), sum(coalesce(l.correct, l.rating > 1)), sum(l.duration_ms),
        (select coalesce(f.correct, f.rating > 1) from ${reviewLogs} f where f.user_id = l.user_id and f.item_id = l.item_id and f.undone_at is null order by f.reviewed_at, f.id limit 1)
      from ${reviewLogs} l
      where l.user_id = ${userId} and l.item_id in (select value from json_each(${touchedJson})) and l.undone_at is null group by l.item_id`),
    ...studyDayRecount(db, userId, [...days]),
    // An answer fulfils a "see this again" request made before it.
    db.run(sql`delete from ${reviewRequests} where user_id = ${userId} and exists (
      select 1 from json_each(${JSON.stringify(fresh.map((a) => ({ item: a.itemId, at: a.answeredAt })))}) j
      where json_extract(j.value, '$.item') = ${reviewRequests.itemId} and json_extract(j.value, '$.at') >= ${reviewRequests.requestedAt})`),
    // A card that is new again may sit below a new-card cursor: forget this learner's cursors.
    ...(anyBecameNew ? [db.delete(newCardCursors).where(eq(newCardCursors.userId, userId))] : []),
    // An answer uses up the card's open check made before it (online or synced earlier), as an online rating does.
    db.run(sql`delete from ${openChecks} where user_id = ${userId} and exists (
      select 1 from json_each(${JSON.stringify(fresh.map((a) => ({ item: a.itemId, at: a.answeredAt })))}) j
      where json_extract(j.value, '$.item') = ${openChecks.itemId} and json_extract(j.value, '$.at') >= ${openChecks.checkedAt})`),
  ]
  const writes = [
    ...(touched.length > 0 ? cardWrites : []),
    // After the answers: a check the batch (or the log) answered at or after it is not kept.
    ...checks.map(({ event }) => keepSyncedCheck(db, userId, event, now)),
    db
      .select({ itemId: openChecks.itemId, reviewId: openChecks.reviewId, response: openChecks.response, checkedAt: openChecks.checkedAt })
      .from(openChecks)
      .where(and(eq(openChecks.userId, userId), sql`${openChecks.itemId} in (select value from json_each(${JSON.stringify(checkedItems)}))`, sql`${openChecks.checkedAt} > ${now - OPEN_CHECK_TTL_MS}`)),
  ]
  const results = (await db.batch(writes as unknown as Parameters<typeof db.batch>[0])) as unknown as unknown[]
  const inForce = new Map((results[results.length - 1] as Array<OpenCheck & { itemId: string }>).map(({ itemId, ...check }) => [itemId, check]))
  const undone = rowsToUpdate.filter((r) => r.undoneAt !== null && stored.get(r.id)!.undoneAt === null).map((r) => r.id)
  return {
    status: 'synced',
    accepted: [...fresh.map((a) => a.id), ...undone],
    duplicates,
    states: newStates,
    checks: Object.fromEntries(checkedItems.map((itemId) => [itemId, inForce.get(itemId) ?? null])),
  }
}

/**
 * A check made offline, kept as the card's open check if it is still in force, the card has had no answer since
 * (by count, so a fast phone clock cannot hide one; and by time), its showing was not rated already, and no
 * earlier check is in force (the first check holds; a retried check changes nothing).
 */
function keepSyncedCheck(db: Database, userId: string, check: CheckEvent, now: number) {
  const expired = now - OPEN_CHECK_TTL_MS
  return db.run(sql`insert into ${openChecks} (user_id, item_id, review_id, response, checked_at)
    select ${userId}, ${check.itemId}, ${check.reviewId}, ${check.response}, ${check.checkedAt}
    where ${check.checkedAt} > ${expired}
      and coalesce((select reps from ${cardStates} where user_id = ${userId} and item_id = ${check.itemId}), 0) = ${check.reps}
      and not exists (select 1 from ${reviewLogs} where user_id = ${userId} and item_id = ${check.itemId} and reviewed_at >= ${check.checkedAt})
      and not exists (select 1 from ${reviewLogs} where id = ${check.reviewId})
    on conflict (user_id, item_id) do update set review_id = excluded.review_id, response = excluded.response, checked_at = excluded.checked_at
    where ${openChecks.checkedAt} > excluded.checked_at or ${openChecks.checkedAt} <= ${expired}`)
}

/** A card's cached state and log size, as the write's first statement recomputes it in SQL. */
function fingerprint(state: typeof cardStates.$inferSelect | undefined, logCount: number): string {
  const head = state ? `${state.reps}:${state.lastReview ?? ''}` : '-'
  return `${head}:${logCount}`
}

/** The study-day totals of these days, recounted from the log (days with nothing left have no row). */
function studyDayRecount(db: Database, userId: string, days: string[]) {
  if (days.length === 0) return []
  const daysJson = JSON.stringify(days)
  return [
    db.delete(studyDays).where(and(eq(studyDays.userId, userId), inArray(studyDays.day, days))),
    db.run(sql`insert into ${studyDays} (user_id, day, answers, duration_ms, review_answers, review_passed)
      select user_id, study_day, count(*), sum(duration_ms), sum(json_extract(before, '$.state') = ${State.Review}),
        sum(json_extract(before, '$.state') = ${State.Review} and rating > 1)
      from ${reviewLogs} where user_id = ${userId} and study_day in (select value from json_each(${daysJson})) and undone_at is null group by study_day`),
  ]
}

/**
 * An interactive answer's verdict. If the card was checked on the server before this answer (online, or synced
 * from another phone) the answer is graded on that first check, whatever this phone sends: the phone may not
 * have known of it, and a fresh showing must not become a second try.
 */
async function grade(db: Database, item: ContentItem & { bank: string }, answer: AnswerEvent, siblings: SiblingCache, serverCheck?: OpenCheck) {
  if (!isInteractive(item.kind)) return null
  const first = serverCheck && serverCheck.checkedAt <= answer.answeredAt ? serverCheck : null
  const response = first?.response ?? answer.response
  if (response === undefined) return null
  const question = await questionFor(db, item, first?.reviewId ?? answer.id, { cache: siblings })
  const verdict = gradeResponse(item, question, response)
  return { response, correct: verdict.correct, meaning: describeResponse(item, question, verdict) }
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

function isConflictAbort(error: unknown): boolean {
  return /integer overflow/i.test(String((error as { cause?: unknown })?.cause ?? error) + String((error as Error)?.message ?? ''))
}

function isUniqueViolation(error: unknown): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? error) + String((error as { code?: unknown })?.code ?? '')
  return /UNIQUE|PRIMARYKEY|PRIMARY KEY|SQLITE_CONSTRAINT/i.test(text)
}
