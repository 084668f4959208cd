/**
 * Concurrency and crash tests against the production server (requires `npm run build`).
 * CI runs them at a reduced size; `npm run bench` runs the full 50 learners × 40 reviews.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-server'
import { testPort, TMP_DIR } from '../support/paths'
import { runLearnerLoad } from './learner-load'
import { checkDatabase } from './verify'

const LEARNERS = Number(process.env.LOAD_LEARNERS ?? 12)
const REVIEWS = Number(process.env.LOAD_REVIEWS ?? 15)
const running: RunningApp[] = []
afterAll(async () => {
  await Promise.all(running.map((a) => a.stop('SIGKILL')))
})

function dbFile(name: string) {
  const file = path.join(TMP_DIR, `${name}-${process.pid}.db`)
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true })
  return `file:${file}`
}

describe('under concurrent load', () => {
  it(`${LEARNERS} learners × ${REVIEWS} answers with retries and double submits: nothing lost, nothing doubled, no 5xx, states = replay`, async () => {
    const databaseUrl = dbFile('load')
    const app = await startApp({ port: testPort(3320), databaseUrl })
    running.push(app)
    const load = await runLearnerLoad({ url: app.url, deckId: 'timeline', learners: LEARNERS, reviewsPerLearner: REVIEWS, retryShare: 0.25, doubleShare: 0.15, seed: 11 })
    await app.stop()
    expect(load.serverErrors).toBe(0)
    expect(load.networkErrors).toBe(0)
    expect(load.acknowledged.size).toBe(LEARNERS * REVIEWS)
    expect(load.posts).toBeGreaterThan(load.attempted) // retries and double submits happened
    const check = await checkDatabase(databaseUrl, load.acknowledged)
    expect(check).toMatchObject({ integrity: 'ok', lostReviews: 0, duplicateReviews: 0, unacknowledgedStored: 0, statesDiffering: 0, answerCountsDiffering: 0, studyDaysDiffering: 0 })
    expect(check.storedReviews).toBe(load.acknowledged.size)
  })
})

describe('after a crash', () => {
  it('kill -9 mid-load, restart: integrity ok and every acknowledged answer is in the log', async () => {
    const databaseUrl = dbFile('crash')
    const first = await startApp({ port: testPort(3321), databaseUrl })
    running.push(first)
    let killed = false
    const loadPromise = runLearnerLoad({ url: first.url, deckId: 'timeline', learners: LEARNERS, reviewsPerLearner: REVIEWS * 3, seed: 5, shouldStop: () => killed })
    // Kill once the server has acknowledged a fair number of answers.
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50))
      const partial = await checkDatabase(databaseUrl, new Set())
      if (partial.storedReviews >= LEARNERS * 3) break
    }
    await first.stop('SIGKILL')
    killed = true
    const load = await loadPromise
    expect(load.acknowledged.size).toBeGreaterThan(0)
    const second = await startApp({ port: testPort(3322), databaseUrl, setup: false })
    running.push(second)
    const afterCrash = await checkDatabase(databaseUrl, load.acknowledged)
    expect(afterCrash).toMatchObject({ integrity: 'ok', lostReviews: 0, duplicateReviews: 0, statesDiffering: 0, answerCountsDiffering: 0, studyDaysDiffering: 0 })
    // Answers in flight at the kill may be stored without their response having arrived; never the reverse.
    expect(afterCrash.storedReviews).toBeGreaterThanOrEqual(load.acknowledged.size)
    // And the restarted server carries on.
    const more = await runLearnerLoad({ url: second.url, deckId: 'timeline', learners: 3, reviewsPerLearner: 5, seed: 9 })
    expect(more.serverErrors).toBe(0)
    expect(more.acknowledged.size).toBe(15)
    await second.stop()
  })
})
