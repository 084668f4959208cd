/**
 * Runs the FSRS optimiser in this process, off the request path: the answer route notes each recorded answer,
 * and after a batch of them a learner is queued; queued learners are fitted one at a time after the response
 * has gone. The database gates (a batch since the last run, at most daily, a claim) decide whether a run does
 * anything, so several app servers may queue the same learner safely. `npm run fsrs:optimize` covers the rest
 * (answers noted by a process that restarted, learners who answer through other servers).
 */
import { REVIEWS_PER_BATCH } from '~/domain/fsrs-optimizer'
import { getDb } from '~/utils/db.server'
import { optimizeLearner } from './fsrs-optimizer.server'

const MAX_TRACKED = 10_000
const answersSince = new Map<string, number>()
const queued = new Set<string>()
let draining = false

/** Counts a recorded answer; the learner's batch-th answer queues an optimiser run. */
export function noteAnswer(userId: string): void {
  if (process.env.FSRS_OPTIMIZER === 'off') return
  const count = (answersSince.get(userId) ?? 0) + 1
  if (count < REVIEWS_PER_BATCH) {
    if (!answersSince.has(userId) && answersSince.size >= MAX_TRACKED) answersSince.delete(answersSince.keys().next().value!)
    answersSince.set(userId, count)
    return
  }
  answersSince.delete(userId)
  queued.add(userId)
  if (!draining) setTimeout(() => void drain(), 0).unref()
}

async function drain(): Promise<void> {
  draining = true
  try {
    for (const userId of queued) {
      queued.delete(userId)
      await optimizeLearner(getDb(), userId, Date.now()).catch((error: unknown) => console.error(`FSRS optimisation for ${userId} failed:`, error))
    }
  } finally {
    draining = false
  }
}
