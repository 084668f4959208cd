/**
 * `node --import tsx tests/bench/latency-timeline.ts`: when the slow answers happen. Starts the production server
 * (build first), opens 50 learners' connections at once with no warm-up, and prints, per second of the run,
 * the answers finished and their slowest latency, then the slowest answers with the moment they were sent.
 */
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import { deckItemIds } from './deck-items'
import { newLearner, startApp } from '../support/app-server'
import { ROOT, testPort } from '../support/paths'

const DIR = path.join(ROOT, 'tests', '.tmp', 'latency-timeline')
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const RUNS = Number(process.env.BENCH_RUNS ?? 2)
rmSync(DIR, { recursive: true, force: true })
mkdirSync(DIR, { recursive: true })

const itemIds = deckItemIds('timeline')
const app = await startApp({
  port: testPort(3530),
  databaseUrl: `file:${path.join(DIR, 'timeline.db')}`,
  env: JSON.parse(process.env.APP_ENV ?? '{}'),
})
const cookies = await Promise.all(Array.from({ length: CONNECTIONS }, () => newLearner(app.url, 'timeline')))

for (let run = 1; run <= RUNS; run++) {
  const offset = Math.floor(Math.random() * itemIds.length)
  const answers: Array<{ sentAt: number; ms: number; status: number; learner: number; body: string }> = []
  const started = performance.now()
  // As tests/bench/review-throughput.ts: a free learner per request, given back with its response.
  const free = cookies.map((_, index) => index)
  const answered = cookies.map(() => 0)
  await autocannon({
    url: app.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/decks/timeline/study',
        setupRequest: (req: autocannon.Request, context: object) => {
          const learner = context as { index: number; sentAt: number }
          learner.index = free.shift() ?? Math.floor(Math.random() * cookies.length)
          const k = answered[learner.index]!++
          learner.sentAt = performance.now()
          return {
            ...req,
            headers: { Cookie: cookies[learner.index]!, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: `intent=review&reviewId=${randomUUID()}&itemId=${itemIds[(offset + k + learner.index * 7) % itemIds.length]}&rating=${1 + ((k * 7 + learner.index) % 4)}`,
          }
        },
        onResponse: (status: number, body: string, context: object) => {
          const learner = context as { index: number; sentAt: number }
          if (!free.includes(learner.index)) free.push(learner.index)
          const alert = /role="alert"[^>]*>([^<]*)/.exec(body)?.[1] ?? body.slice(0, 80)
          answers.push({
            sentAt: learner.sentAt - started,
            ms: performance.now() - learner.sentAt,
            status,
            learner: learner.index,
            body: status === 302 ? '' : alert,
          })
        },
      },
    ],
  })
  console.log(`run ${run}: ${answers.length} answers`)
  for (let s = 0; s < SECONDS; s++) {
    const inSecond = answers.filter((a) => a.sentAt + a.ms >= s * 1000 && a.sentAt + a.ms < (s + 1) * 1000)
    console.log(`  second ${s}: ${inSecond.length} done, slowest ${Math.round(Math.max(0, ...inSecond.map((a) => a.ms)))} ms`)
  }
  for (const a of [...answers].sort((x, y) => y.ms - x.ms).slice(0, 8))
    console.log(`  slow: sent at ${Math.round(a.sentAt)} ms, took ${Math.round(a.ms)} ms, status ${a.status}, learner ${a.learner}`)
  for (const a of answers.filter((a) => a.status !== 302).slice(0, 5))
    console.log(`  ${a.status} at ${Math.round(a.sentAt)} ms (learner ${a.learner}): ${a.body}`)
}
await app.stop()
