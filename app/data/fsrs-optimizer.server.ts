/**
 * Fits a learner's FSRS parameters from their review log with fsrs-rs, off the request path. A run claims the
 * learner's fsrs_optimizer row first (so several app servers and `npm run fsrs:optimize` never fit one learner
 * twice at once), trains on the earlier part of the log, judges the candidate and the parameters in force on
 * the later, held-out part, keeps the candidate in the history either way, and puts it in force only if it
 * predicts better. The gates and the split are in app/domain/fsrs-optimizer.ts.
 */
import { randomUUID } from 'node:crypto'
import { and, eq, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import { fsrsOptimizer, fsrsParameters, reviewLogs } from '../../db/schema'
import {
  dueForOptimization,
  fitKind,
  heldOutStart,
  isValidWeights,
  OPTIMIZE_INTERVAL_MS,
  shouldAdopt,
  tidyWeights,
  trainingData,
  type FitKind,
  type OptimizerReview,
  type ReviewSequence,
} from '~/domain/fsrs-optimizer'
import { DEFAULT_WEIGHTS } from '~/domain/scheduling'
import type { Database } from '~/utils/db.server'
import { fsrsBinding, type FsrsBinding } from '~/utils/fsrs-binding.server'
import { parametersInForce } from './fsrs-parameters.server'

/** How long a claim holds before another server may take the learner over (a run that died). */
const CLAIM_MS = 10 * 60_000

export type OptimizeOutcome =
  | { status: 'not-due' }
  | { status: 'claimed-elsewhere' }
  | { status: 'too-few-cards'; cards: number }
  | { status: 'unavailable' }
  | { status: 'not-enough-data' }
  | { status: 'kept' | 'adopted'; kind: Exclude<FitKind, 'defaults'>; id: string; logLoss: number; previousLogLoss: number }

/** The learner's live answers, as the optimiser reads them. */
export async function optimizerLog(db: Database, userId: string): Promise<OptimizerReview[]> {
  return db
    .select({ itemId: reviewLogs.itemId, rating: reviewLogs.rating, reviewedAt: reviewLogs.reviewedAt, studyDay: reviewLogs.studyDay })
    .from(reviewLogs)
    .where(and(eq(reviewLogs.userId, userId), isNull(reviewLogs.undoneAt)))
}

type Fit = (binding: FsrsBinding, train: readonly ReviewSequence[], kind: Exclude<FitKind, 'defaults'>) => Promise<number[] | null>

/**
 * One optimiser run for a learner: does nothing unless a batch of new answers has come in since the last run
 * (and that was a day ago or more) and the claim is ours. `force` skips the batch and daily gates (not the
 * claim); `fit` replaces fsrs-rs's fit (tests judge a chosen candidate the real way).
 */
export async function optimizeLearner(db: Database, userId: string, now: number, options: { force?: boolean; fit?: Fit } = {}): Promise<OptimizeOutcome> {
  const [[state], log] = await Promise.all([
    db.select().from(fsrsOptimizer).where(eq(fsrsOptimizer.userId, userId)),
    optimizerLog(db, userId),
  ])
  const lastRunAt = state?.lastRunAt ?? null
  if (!options.force && !dueForOptimization({ lastRunAt, reviewsAtLastRun: state?.reviewsAtLastRun ?? 0 }, log.length, now)) return { status: 'not-due' }
  const claim = now + CLAIM_MS
  if (!(await claimLearner(db, userId, now, claim, options.force ? null : now - OPTIMIZE_INTERVAL_MS))) return { status: 'claimed-elsewhere' }
  try {
    return await fitAndJudge(db, userId, log, now, claim, options.fit ?? fitParameters)
  } finally {
    // Whatever happened, the run is over: release the claim (a no-op if the result was already written).
    await db.update(fsrsOptimizer).set({ claimedUntil: null }).where(and(eq(fsrsOptimizer.userId, userId), eq(fsrsOptimizer.claimedUntil, claim)))
  }
}

/** Takes the learner for this run, atomically: only if nobody holds a live claim and (unless forced) the last run is old enough. */
async function claimLearner(db: Database, userId: string, now: number, claim: number, lastRunBefore: number | null): Promise<boolean> {
  const result = await db
    .insert(fsrsOptimizer)
    .values({ userId, claimedUntil: claim, reviewsAtLastRun: 0 })
    .onConflictDoUpdate({
      target: fsrsOptimizer.userId,
      set: { claimedUntil: claim },
      setWhere: and(
        or(isNull(fsrsOptimizer.claimedUntil), lt(fsrsOptimizer.claimedUntil, now)),
        lastRunBefore === null ? undefined : or(isNull(fsrsOptimizer.lastRunAt), lte(fsrsOptimizer.lastRunAt, lastRunBefore)),
      ),
    })
  return result.rowsAffected === 1
}

async function fitAndJudge(db: Database, userId: string, log: OptimizerReview[], now: number, claim: number, fit: Fit): Promise<OptimizeOutcome> {
  const finish = (fields: { parametersId?: SQL } = {}) =>
    db
      .update(fsrsOptimizer)
      .set({ lastRunAt: now, reviewsAtLastRun: log.length, claimedUntil: null, ...fields })
      .where(and(eq(fsrsOptimizer.userId, userId), eq(fsrsOptimizer.claimedUntil, claim)))
  const data = trainingData(log, heldOutStart(log))
  const kind = fitKind(data.trainCards)
  if (kind === 'defaults') {
    await finish()
    return { status: 'too-few-cards', cards: data.trainCards }
  }
  const binding = fsrsBinding()
  if (!binding) {
    await finish()
    return { status: 'unavailable' }
  }
  const [fitted, current] = await Promise.all([fit(binding, data.train, kind), parametersInForce(db, userId)])
  const candidate = fitted ? tidyWeights(fitted) : null
  if (!candidate || !isValidWeights(candidate) || data.test.length === 0) {
    await finish()
    return { status: 'not-enough-data' }
  }
  const testItems = toItems(binding, data.test)
  const judged = evaluate(binding, candidate, testItems)
  const before = evaluate(binding, current.weights ?? DEFAULT_WEIGHTS, testItems)
  const adopt = shouldAdopt(before.logLoss, judged.logLoss)
  const id = randomUUID()
  const stillOurs = sql`exists (select 1 from ${fsrsOptimizer} where ${fsrsOptimizer.userId} = ${userId} and ${fsrsOptimizer.claimedUntil} = ${claim} and ${fsrsOptimizer.parametersId} is ${current.id})`
  // The set goes in force only while our claim holds and nobody changed the learner's parameters meanwhile.
  await db.batch([
    db.insert(fsrsParameters).values({
      id,
      userId,
      weights: candidate,
      kind,
      logLoss: judged.logLoss,
      rmseBins: judged.rmseBins,
      previousLogLoss: before.logLoss,
      previousRmseBins: before.rmseBins,
      trainReviews: data.train.length,
      testReviews: data.test.length,
      cards: data.trainCards,
      adopted: adopt ? stillOurs : false,
      createdAt: now,
    }),
    finish(adopt ? { parametersId: sql`case when ${stillOurs} then ${id} else ${fsrsOptimizer.parametersId} end` } : {}),
  ])
  return { status: adopt ? 'adopted' : 'kept', kind, id, logLoss: judged.logLoss, previousLogLoss: before.logLoss }
}

/** fsrs-rs's training settings; only the number of epochs differs from its defaults (0: pre-training only). */
const TRAINING = { batchSize: 512, seed: 2023, maxSeqLen: 64, learningRate: 4e-2, gamma: 1 }

/** Fits parameters on the training sequences (on the libuv thread pool: the event loop stays free), or null if fsrs-rs finds too little data. */
export async function fitParameters(binding: FsrsBinding, train: readonly ReviewSequence[], kind: Exclude<FitKind, 'defaults'>): Promise<number[] | null> {
  try {
    return await binding.computeParameters(toItems(binding, train), {
      enableShortTerm: true,
      numRelearningSteps: 1,
      ...(kind === 'pretrain' ? { trainingConfig: { numEpochs: 0, ...TRAINING } } : {}),
    })
  } catch (error) {
    if (/NotEnoughData/.test(String(error))) return null
    throw error
  }
}

/** fsrs-rs items; checked here because fsrs-rs aborts the whole process (a Rust panic) on a malformed one. */
export function toItems(binding: FsrsBinding, sequences: readonly ReviewSequence[]): object[] {
  return sequences.map((seq) => {
    if (seq.length < 2 || seq[0]!.deltaT !== 0 || seq.at(-1)!.deltaT <= 0 || !seq.every((r) => r.rating >= 1 && r.rating <= 4 && Number.isInteger(r.deltaT) && r.deltaT >= 0)) {
      throw new Error(`malformed review sequence for fsrs-rs: ${JSON.stringify(seq)}`)
    }
    return new binding.FSRSBindingItem(seq.map((r) => new binding.FSRSBindingReview(r.rating, r.deltaT)))
  })
}

/** Log loss and RMSE(bins) of parameters on sequences (each judged on its last answer). */
export function evaluate(binding: FsrsBinding, weights: readonly number[], items: object[]): { logLoss: number; rmseBins: number } {
  return new binding.FSRSBinding([...weights]).evaluate(items)
}

/** Learners with answers in the log, for `npm run fsrs:optimize`. */
export async function learnersWithReviews(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ userId: reviewLogs.userId }).from(reviewLogs)
  return rows.map((r) => r.userId)
}
