/**
 * The disk's ceiling for answers: a bare libSQL loop on an embedded file (WAL, synchronous=FULL, as the app
 * runs) that commits one insert and one update per transaction, as one answer writes its log row and card.
 * Measured in the same run as the app, so both see the same disk and the same neighbours.
 */
import { createClient } from '@libsql/client'
import { rmSync } from 'node:fs'

export interface FsyncCeiling {
  commitsPerSecond: number
  answersPerSecond: number
  perCommit: number
}

export async function measureFsyncCeiling(file: string, opts: { seconds?: number; perCommit?: number } = {}): Promise<FsyncCeiling> {
  const seconds = opts.seconds ?? 3
  const perCommit = opts.perCommit ?? 1
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true })
  const db = createClient({ url: `file:${file}`, timeout: 5000 })
  try {
    await db.execute('PRAGMA journal_mode=WAL')
    await db.batch([
      'create table log (id text primary key, card text not null, rating integer not null, at integer not null)',
      'create table card (id text primary key, reps integer not null)',
      "insert into card (id, reps) values ('c', 0)",
    ])
    const synchronous = Number((await db.execute('PRAGMA synchronous')).rows[0]![0])
    if (synchronous !== 2) throw new Error(`expected synchronous=FULL (2), got ${synchronous}`)
    let commits = 0
    let n = 0
    const end = performance.now() + seconds * 1000
    while (performance.now() < end) {
      const statements = []
      for (let i = 0; i < perCommit; i++, n++) {
        statements.push({ sql: 'insert into log (id, card, rating, at) values (?, ?, ?, ?)', args: [`r${n}`, 'c', 3, Date.now()] })
        statements.push({ sql: "update card set reps = reps + 1 where id = 'c'", args: [] })
      }
      await db.batch(statements, 'write')
      commits++
    }
    return { commitsPerSecond: Math.round(commits / seconds), answersPerSecond: Math.round((commits * perCommit) / seconds), perCommit }
  } finally {
    db.close()
    for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true })
  }
}

/**
 * The ceiling from runs before and after the app's: the faster one. The disk's speed here more than doubles or
 * halves within minutes (1,164 to 3,803 commits a second in one evening, both in one bench run), and a slow
 * moment must not flatter the app's ratio.
 */
export function fasterCeiling(first: FsyncCeiling, ...more: FsyncCeiling[]): FsyncCeiling & { runs: number[] } {
  const runs = [first, ...more]
  const faster = runs.reduce((a, b) => (b.answersPerSecond > a.answersPerSecond ? b : a))
  return { ...faster, runs: runs.map((r) => r.answersPerSecond) }
}
