/**
 * offline_sync_1000_ms: server time to accept and replay 1,000 offline answers over 200 cards (the real
 * content; interactive kinds carry a response the server grades), sent as the phone sends them: 10 batches
 * of 100 in answer order. Median of 3 runs, each a new learner on the same database.
 */
import { spawnSync } from 'node:child_process'
import { openDatabase } from '../../db/client'
import { syncReviewEvents } from '~/data/review-sync.server'
import type { ReviewEvent } from '~/domain/review-events'
import { ROOT } from '../support/paths'

const CARDS = 200
const ANSWERS = 1000
const BATCH = 100

export async function measureOfflineSync(databaseUrl: string) {
  if (
    spawnSync(process.execPath, ['--import', 'tsx', 'db/setup.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'ignore',
    }).status !== 0
  )
    throw new Error('setup failed')
  const db = openDatabase(databaseUrl)
  try {
    const items = (
      await db.$client.execute(`select id, kind from items where retired_at is null order by position limit ${CARDS}`)
    ).rows.map((r) => ({ id: String(r.id), kind: String(r.kind) }))
    if (items.length < CARDS) throw new Error(`only ${items.length} items`)
    const runs: number[] = []
    for (let run = 0; run < 3; run++) {
      const userId = `bench-offline-${run}`
      const now = Date.now()
      await db.$client.execute({
        sql: 'insert into users (id, kind, role, created_at) values (?, ?, ?, ?)',
        args: [userId, 'guest', 'student', now],
      })
      // Answer k goes to card k mod 200, spread over the last 30 days in order.
      const events: ReviewEvent[] = Array.from({ length: ANSWERS }, (_, k) => {
        const item = items[k % CARDS]!
        return {
          type: 'answer',
          id: `${userId}-answer-${k}`,
          itemId: item.id,
          rating: (((k * 7) % 4) + 1) as 1 | 2 | 3 | 4,
          answeredAt: now - 30 * 86_400_000 + k * 2_500_000,
          durationMs: 3000 + (k % 9) * 500,
          retention: 0.9,
          ...(item.kind === 'flip' ? {} : { response: k % 3 === 0 ? 'wrong guess' : '1' }),
        }
      })
      const started = performance.now()
      for (let i = 0; i < ANSWERS; i += BATCH) {
        const result = await syncReviewEvents(db, userId, events.slice(i, i + BATCH), Date.now())
        if (result.status !== 'synced') throw new Error(`refused: ${JSON.stringify(result.refused.slice(0, 3))}`)
      }
      runs.push(performance.now() - started)
    }
    runs.sort((a, b) => a - b)
    return { medianMs: Math.round(runs[1]!), runsMs: runs.map(Math.round), cards: CARDS, answers: ANSWERS, batch: BATCH }
  } finally {
    db.$client.close()
  }
}
