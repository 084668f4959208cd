/**
 * Group commit for answers: the answers that reach their write within a millisecond of each other (or the
 * first GROUP_MAX of them) share one transaction, one `db.batch`, so one commit and one fsync serve them all.
 *
 * - Each answer's statements carry their own guards (app/data/reviews.server.ts), so in a group a stale or
 *   conflicting answer writes nothing while the others are written; its own results say so.
 * - If the group's batch fails as a whole (a unique-key race with another process, a busy timeout), nothing of
 *   it was written: every answer is then written alone, so only the one at fault fails.
 * - A caller's promise settles only after the commit that holds its answer: a response is never sent for an
 *   answer that a crash could still lose.
 */
import type { Database } from '~/utils/db.server'

type Batch = Parameters<Database['batch']>[0]
type Statement = Batch[number]
type Results = Awaited<ReturnType<Database['batch']>>

/** How long the first answer of a group waits for others to join it. */
export const GROUP_WINDOW_MS = 1
/** The most answers in one transaction. */
export const GROUP_MAX = 64

interface Pending {
  statements: Statement[]
  resolve: (results: Results) => void
  reject: (error: unknown) => void
}

interface Group {
  pending: Pending[]
  timer: NodeJS.Timeout | null
  /** Transactions begun and answers written so far (answers / transactions = the mean group size). */
  transactions: number
  answers: number
}

const groups = new WeakMap<Database, Group>()

/** Writes one answer's statements (all or none), in a transaction it may share with other answers. */
export function commitAnswer(db: Database, statements: Statement[]): Promise<Results> {
  let group = groups.get(db)
  if (!group) groups.set(db, (group = { pending: [], timer: null, transactions: 0, answers: 0 }))
  const current = group
  return new Promise<Results>((resolve, reject) => {
    current.pending.push({ statements, resolve, reject })
    if (current.pending.length >= GROUP_MAX) void flush(db, current)
    else current.timer ??= setTimeout(() => void flush(db, current), GROUP_WINDOW_MS)
  })
}

async function flush(db: Database, group: Group): Promise<void> {
  if (group.timer) clearTimeout(group.timer)
  group.timer = null
  const answers = group.pending
  group.pending = []
  if (answers.length === 0) return
  if (answers.length === 1) return writeAlone(db, group, answers[0]!)
  let results: Results
  try {
    group.transactions++
    results = await db.batch(answers.flatMap((a) => a.statements) as unknown as Batch)
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
    const results = await db.batch(answer.statements as unknown as Batch)
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
