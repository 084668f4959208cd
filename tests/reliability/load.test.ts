/**
 * Concurrency and crash tests against the production server (requires `npm run build`).
 * CI runs them at a reduced size; `npm run bench` runs the full 50 learners × 40 reviews.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cpuTicks, startApp, workerPids, type RunningApp } from '../support/app-server'
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

// `npm start` runs one process per core (WEB_CONCURRENCY): every check holds for one process and for two on one file.
for (const processes of [1, 2]) {
  const env = { WEB_CONCURRENCY: String(processes) }
  const label = processes === 1 ? 'one process' : `${processes} processes`
  const port = (n: number) => testPort(3320 + (processes - 1) * 3 + n)

  describe(`under concurrent load, ${label}`, () => {
    it(`${LEARNERS} learners × ${REVIEWS} answers with retries and double submits: nothing lost, nothing doubled, no 5xx, states = replay`, async () => {
      const databaseUrl = dbFile(`load-${processes}`)
      const app = await startApp({ port: port(0), databaseUrl, env })
      running.push(app)
      const workers = processes > 1 ? workerPids(app) : [app.process.pid!]
      expect(workers).toHaveLength(processes)
      const cpuBefore = workers.map(cpuTicks)
      const load = await runLearnerLoad({
        url: app.url,
        deckId: 'timeline',
        learners: LEARNERS,
        reviewsPerLearner: REVIEWS,
        retryShare: 0.25,
        doubleShare: 0.15,
        seed: 11,
      })
      // Every process served a fair share (the primary deals connections out in turn).
      const cpuUsed = workers.map((pid, i) => cpuTicks(pid) - cpuBefore[i]!)
      const total = cpuUsed.reduce((a, b) => a + b, 0)
      for (const used of cpuUsed) expect(used).toBeGreaterThan(total / processes / 4)
      await app.stop()
      expect(load.serverErrors).toBe(0)
      expect(load.networkErrors).toBe(0)
      expect(load.acknowledged.size).toBe(LEARNERS * REVIEWS)
      expect(load.posts).toBeGreaterThan(load.attempted) // retries and double submits happened
      const check = await checkDatabase(databaseUrl, load.acknowledged)
      expect(check).toMatchObject({
        integrity: 'ok',
        lostReviews: 0,
        duplicateReviews: 0,
        unacknowledgedStored: 0,
        statesDiffering: 0,
        answerCountsDiffering: 0,
        studyDaysDiffering: 0,
      })
      expect(check.storedReviews).toBe(load.acknowledged.size)
    })
  })

  describe(`after a crash, ${label}`, () => {
    it(`kill -9 mid-load${processes > 1 ? ' (one worker first, which is replaced, then every process)' : ''}, restart: integrity ok and every acknowledged answer is in the log`, async () => {
      const databaseUrl = dbFile(`crash-${processes}`)
      const first = await startApp({ port: port(1), databaseUrl, env })
      running.push(first)
      let killed = false
      const loadPromise = runLearnerLoad({
        url: first.url,
        deckId: 'timeline',
        learners: LEARNERS,
        reviewsPerLearner: REVIEWS * 3,
        seed: 5,
        shouldStop: () => killed,
      })
      const storedAtLeast = async (n: number) => {
        const deadline = Date.now() + 30_000
        while (Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 50))
          if ((await checkDatabase(databaseUrl, new Set())).storedReviews >= n) return true
        }
        return false
      }
      // Kill once the server has acknowledged a fair number of answers.
      await storedAtLeast(LEARNERS * 3)
      if (processes > 1) {
        // A worker crashes: the primary starts another, and the others keep serving meanwhile.
        const [victim, ...others] = workerPids(first)
        process.kill(victim!, 'SIGKILL')
        const deadline = Date.now() + 20_000
        let replaced: number[] = []
        while (Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 50))
          replaced = workerPids(first)
          if (replaced.length === processes && !replaced.includes(victim!)) break
        }
        expect(replaced).toHaveLength(processes)
        expect(replaced).not.toContain(victim)
        expect(replaced).toEqual(expect.arrayContaining(others))
        // Answers keep arriving after the crash.
        expect(await storedAtLeast(LEARNERS * 5)).toBe(true)
        // Then every process dies at once.
        for (const pid of [...workerPids(first), first.process.pid!]) process.kill(pid, 'SIGKILL')
      } else {
        await first.stop('SIGKILL')
      }
      killed = true
      const load = await loadPromise
      expect(load.acknowledged.size).toBeGreaterThan(0)
      await first.stop('SIGKILL')
      const second = await startApp({ port: port(2), databaseUrl, setup: false, env })
      running.push(second)
      const afterCrash = await checkDatabase(databaseUrl, load.acknowledged)
      expect(afterCrash).toMatchObject({
        integrity: 'ok',
        lostReviews: 0,
        duplicateReviews: 0,
        statesDiffering: 0,
        answerCountsDiffering: 0,
        studyDaysDiffering: 0,
      })
      // Answers in flight at the kill may be stored without their response having arrived; never the reverse.
      expect(afterCrash.storedReviews).toBeGreaterThanOrEqual(load.acknowledged.size)
      // And the restarted server carries on.
      const more = await runLearnerLoad({ url: second.url, deckId: 'timeline', learners: 3, reviewsPerLearner: 5, seed: 9 })
      expect(more.serverErrors).toBe(0)
      expect(more.acknowledged.size).toBe(15)
      await second.stop()
    })
  })
}
