/**
 * `node --import tsx tests/bench/answers.ts`: only the answer benchmarks of `npm run bench` (build first with
 * `npm run build`), for work on the cost of one answer. Prints one JSON object.
 */
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { deckItemIds } from './deck-items'
import { ROOT, testPort } from '../support/paths'
import { newLearner, startApp } from '../support/app-server'
import { fasterCeiling, measureFsyncCeiling } from './fsync-ceiling'
import { measureReviews } from './review-throughput'
import { measureTwoProcesses } from './two-processes'

const DIR = path.join(ROOT, 'tests', '.tmp', 'bench-answers')
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const dbUrl = (name: string) => `file:${path.join(DIR, `${name}.db`)}`
rmSync(DIR, { recursive: true, force: true })
mkdirSync(DIR, { recursive: true })

const itemIds = deckItemIds('timeline')

const ceilingBefore = await measureFsyncCeiling(path.join(DIR, 'fsync-ceiling.db'))
const app = await startApp({ port: testPort(3510), databaseUrl: dbUrl('reviews') })
const cookies = await Promise.all(Array.from({ length: CONNECTIONS }, () => newLearner(app.url, 'timeline')))
const run = { url: app.url, path: '/decks/timeline/study', cookies, itemIds, serverPids: [app.process.pid!] }
await measureReviews({ ...run, connections: CONNECTIONS, seconds: 2 }) // warm-up
const review = await measureReviews({ ...run, connections: CONNECTIONS, seconds: SECONDS })
const reviewC10 = await measureReviews({ ...run, connections: 10, seconds: SECONDS })
await app.stop()
const fsyncCeiling = fasterCeiling(ceilingBefore, await measureFsyncCeiling(path.join(DIR, 'fsync-ceiling.db')))
console.log(
  JSON.stringify({
    review,
    reviewC10,
    fsyncCeiling,
    review_vs_fsync_ceiling: Math.round((review.rps / fsyncCeiling.answersPerSecond) * 100) / 100,
  }),
)
if (process.env.BENCH_TWO_PROCESSES === '0') process.exit(0)

const twoProcesses = await measureTwoProcesses({
  ports: [testPort(3513), testPort(3514)],
  dbUrl,
  itemIds,
  connections: CONNECTIONS,
  seconds: SECONDS,
})
console.log(JSON.stringify({ two_process_review_rps: twoProcesses.review.rps, two_process_lost: twoProcesses.lost, twoProcesses }, null, 2))
