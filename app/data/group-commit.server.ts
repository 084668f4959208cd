/**
 * Group commit for answers: answers that reach their write together share one transaction, one batch, so
 * one commit and one fsync serve them all. An answer is "on its way" from the moment it starts reading
 * (`startAnswer`). A group is written at `GROUP_MAX` answers, or once every answer on its way has arrived and the
 * arriving answer's window has passed: answers over HTTP wait `GROUP_WINDOW_MS` for company (requests come
 * one event-loop turn after another), direct callers (scripts, tests) only for the end of this turn. An answer
 * still on its way holds a group back for `GROUP_WINDOW_MS` at most.
 *
 * - Each answer's statements carry their own guards (app/data/reviews.server.ts), so in a group a stale or
 *   conflicting answer writes nothing while the others are written; its own results say so.
 * - If the group's batch fails as a whole (a unique-key race with another process, a busy timeout), nothing of
 *   it was written: every answer is then written alone, so only the one at fault fails.
 * - A caller's promise settles only after the commit that holds its answer: a response is never sent for an
 *   answer that a crash could still lose.
 */
import type { InStatement, ResultSet } from '@libsql/client'
import type { Database } from '~/utils/db.server'
import { requestsWaiting } from '~/utils/request-admission.server'

type Statement = InStatement
type Results = ResultSet[]

/** How long an answer over HTTP waits for others to share its commit; also the longest a group waits for answers still reading. */
export const GROUP_WINDOW_MS = 1
/** The most answers in one transaction. */
export const GROUP_MAX = 64
/**
 * How long a group may wait, from its first answer, while requests wait to start (the server starts a few per turn
 * of the event loop, app/utils/request-admission.server.ts): the answers among them join it, rather than each
 * turn committing (and syncing to disk) a group of its own.
 */
export const GROUP_HOLD_MS = 10

interface Pending {
  statements: Statement[]
  resolve: (results: Results) => void
  reject: (error: unknown) => void
}

interface Group {
  pending: Pending[]
  /** Answers started and not yet arrived (still reading) nor given up. */
  onTheirWay: number
  timer: NodeJS.Timeout | null
  immediate: NodeJS.Immediate | null
  /** When the first answer of the forming group arrived (performance.now()). */
  firstArrivedAt: number
  /** Transactions begun and answers written so far (answers / transactions = the mean group size). */
  transactions: number
  answers: number
}

const groups = new WeakMap<Database, Group>()

function groupOf(db: Database): Group {
  let group = groups.get(db)
  if (!group) groups.set(db, (group = { pending: [], onTheirWay: 0, timer: null, immediate: null, firstArrivedAt: 0, transactions: 0, answers: 0 }))
  return group
}

export interface StartedAnswer {
  /** Writes the answer's statements (all or none), in a transaction it may share; settles after the commit. */
  commit: (statements: Statement[]) => Promise<Results>
  /** The answer will not be written (refused before its write); a no-op once committed. */
  abandon: () => void
}

/** Call before an answer's reads, so a group forming meanwhile waits for it. `windowMs`: how long it waits for company. */
export function startAnswer(db: Database, windowMs = 0): StartedAnswer {
  const group = groupOf(db)
  group.onTheirWay++
  let arrived = false
  const arrive = () => {
    if (arrived) return false
    arrived = true
    group.onTheirWay--
    return true
  }
  return {
    commit: (statements) =>
      new Promise<Results>((resolve, reject) => {
        arrive()
        if (group.pending.length === 0) group.firstArrivedAt = performance.now()
        group.pending.push({ statements, resolve, reject })
        schedule(db, group, windowMs)
      }),
    abandon: () => {
      if (arrive()) schedule(db, group, windowMs)
    },
  }
}

function schedule(db: Database, group: Group, windowMs: number): void {
  if (group.pending.length === 0) return
  if (group.pending.length >= GROUP_MAX) return void flush(db, group)
  // Someone is still reading, or this answer waits for company: a short timer (the first one set stands).
  if (group.onTheirWay > 0 || windowMs > 0) group.timer ??= setTimeout(() => void flushOrHold(db, group), Math.max(windowMs, GROUP_WINDOW_MS))
  // Everyone is here and nobody waits for company: write at the end of this turn of the event loop.
  else group.immediate ??= setImmediate(() => void flush(db, group))
}

/** At the window's end: wait on (a window at a time) while requests wait to start, up to GROUP_HOLD_MS; else write. */
function flushOrHold(db: Database, group: Group): void {
  group.timer = null
  if (requestsWaiting() > 0 && group.pending.length < GROUP_MAX && performance.now() - group.firstArrivedAt < GROUP_HOLD_MS) {
    group.timer = setTimeout(() => void flushOrHold(db, group), GROUP_WINDOW_MS)
    return
  }
  void flush(db, group)
}

async function flush(db: Database, group: Group): Promise<void> {
  if (group.timer) clearTimeout(group.timer)
  if (group.immediate) clearImmediate(group.immediate)
  group.timer = null
  group.immediate = null
  const answers = group.pending
  group.pending = []
  if (answers.length === 0) return
  if (answers.length === 1) return writeAlone(db, group, answers[0]!)
  let results: Results
  try {
    group.transactions++
    results = await db.$client.batch(answers.flatMap((a) => a.statements))
    group.answers += answers.length
  } catch {
    // Nothing of the group was written: each answer again on its own, so only a faulty one fails.
    for (const answer of answers) await writeAlone(db, group, answer)
    return
  }
  let offset = 0
  for (const answer of answers) {
    answer.resolve(results.slice(offset, offset + answer.statements.length) as Results)
    offset += answer.statements.length
  }
}

async function writeAlone(db: Database, group: Group, answer: Pending): Promise<void> {
  try {
    group.transactions++
    const results = await db.$client.batch(answer.statements)
    group.answers++
    answer.resolve(results)
  } catch (error) {
    answer.reject(error)
  }
}

/** Transactions begun and answers written through `db` so far, for tests and the bench. */
export function groupCommitCounts(db: Database): { transactions: number; answers: number } {
  const group = groups.get(db)
  return { transactions: group?.transactions ?? 0, answers: group?.answers ?? 0 }
}
