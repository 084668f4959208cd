/**
 * `node --import tsx tests/bench/profile-answers.ts`: CPU profile (node --cpu-prof) of the production server
 * (build first) while 50 learners answer through POST /decks/timeline/study, and where its time goes.
 * Writes the .cpuprofile under tests/.tmp/profile-answers/ and prints a breakdown by stage.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { deckItemIds } from './deck-items'
import { openDatabase } from '../../db/client'
import { newLearner, startApp } from '../support/app-server'
import { ROOT, testPort } from '../support/paths'
import { measureReviews } from './review-throughput'
import { breakdown, hottest, type CpuProfile } from './profile-breakdown'

const DIR = path.join(ROOT, 'tests', '.tmp', 'profile-answers')
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
rmSync(DIR, { recursive: true, force: true })
mkdirSync(DIR, { recursive: true })

const itemIds = deckItemIds('timeline')

const app = await startApp({
  port: testPort(3520),
  databaseUrl: `file:${path.join(DIR, 'profile.db')}`,
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${DIR}`, '--cpu-prof-interval=200'],
})
const cookies = await Promise.all(Array.from({ length: CONNECTIONS }, () => newLearner(app.url, 'timeline')))
const run = { url: app.url, path: '/decks/timeline/study', cookies, itemIds, connections: CONNECTIONS, serverPids: [app.process.pid!] }
await measureReviews({ ...run, seconds: 2 })
const from = Number(process.hrtime.bigint() / 1000n)
const review = await measureReviews({ ...run, seconds: SECONDS })
const to = Number(process.hrtime.bigint() / 1000n)
await app.stop()
const file = readdirSync(DIR)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => path.join(DIR, f))
  .sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0]!
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
// Everything the server did while profiled (learners' first pages, warm-up, the run), per answer it stored.
const db = openDatabase(`file:${path.join(DIR, 'profile.db')}`)
const answers = Number((await db.$client.execute('select count(*) from review_logs')).rows[0]![0])
db.$client.close()
console.log(`${review.rps} answers/s, p50 ${review.p50} ms, p99 ${review.p99} ms, max ${review.max} ms; profile ${file}`)
console.log(
  `measured run: server CPU ${review.serverCpuMsPerAnswer} ms per answer (from /proc), server ${review.serverCores} cores, load generator ${review.loadGeneratorCores} cores`,
)
console.log('\nThe measured run only (no start-up, learners, warm-up); wall time on the main thread, so a loaded machine inflates it:')
console.log(breakdown(profile, review.requests, { from, to }))
console.log('\nHottest functions (self time) in the measured run:')
console.log(hottest(profile, review.requests, { from, to }))
console.log('\nThe whole profile (start-up, learners, warm-up, run):')
console.log(breakdown(profile, answers))
