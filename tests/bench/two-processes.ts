/**
 * The production server as `npm start` runs it on a two-core machine: two processes (node:cluster) on one
 * embedded database. Answers a second through the real study action, and the full-size loss/duplicate load.
 */
import { newLearner, startApp, workerPids } from '../support/app-server'
import { runLearnerLoad } from '../reliability/learner-load'
import { checkDatabase } from '../reliability/verify'
import { measureReviews, type ThroughputResult } from './review-throughput'

export interface TwoProcessResult {
  review: ThroughputResult
  acknowledged: number
  stored: number
  lost: number
  duplicates: number
  statesDiffering: number
  serverErrors: number
}

export async function measureTwoProcesses(opts: {
  ports: [number, number]
  dbUrl: (name: string) => string
  itemIds: string[]
  connections: number
  seconds: number
}): Promise<TwoProcessResult> {
  const env = { WEB_CONCURRENCY: '2' }
  const app = await startApp({ port: opts.ports[0], databaseUrl: opts.dbUrl('two-process-reviews'), env })
  const cookies = await Promise.all(Array.from({ length: opts.connections }, () => newLearner(app.url, 'timeline')))
  const serverPids = [app.process.pid!, ...workerPids(app)]
  const run = { url: app.url, path: '/decks/timeline/study', cookies, itemIds: opts.itemIds, connections: opts.connections, serverPids }
  await measureReviews({ ...run, seconds: 2 }) // warm-up
  const review = await measureReviews({ ...run, seconds: opts.seconds })
  await app.stop()

  const loadUrl = opts.dbUrl('two-process-load')
  const loadApp = await startApp({ port: opts.ports[1], databaseUrl: loadUrl, env })
  const load = await runLearnerLoad({
    url: loadApp.url,
    deckId: 'timeline',
    learners: 50,
    reviewsPerLearner: 40,
    retryShare: 0.2,
    doubleShare: 0.1,
    seed: 4,
  })
  await loadApp.stop()
  const check = await checkDatabase(loadUrl, load.acknowledged)
  return {
    review,
    acknowledged: load.acknowledged.size,
    stored: check.storedReviews,
    lost: check.lostReviews,
    duplicates: check.duplicateReviews,
    statesDiffering: check.statesDiffering,
    serverErrors: load.serverErrors,
  }
}
