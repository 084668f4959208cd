/**
 * A learner's FSRS parameters: the set in force, the history of fitted sets, and going back to one of them or
 * to the defaults. Reads and writes fsrs_parameters and fsrs_optimizer (the optimiser run itself is in
 * fsrs-optimizer.server.ts).
 */
import { and, desc, eq, sql } from 'drizzle-orm'
import { fsrsOptimizer, fsrsParameters } from '../../db/schema'
import { isValidWeights } from '~/domain/fsrs-optimizer'
import type { Weights } from '~/domain/scheduling'
import type { Database } from '~/utils/db.server'

export interface ParametersInForce {
  /** fsrs_parameters.id, or null for the defaults. */
  id: string | null
  /** null: the defaults. */
  weights: Weights | null
}

/** The parameters that schedule this learner's next answer. */
export async function parametersInForce(db: Database, userId: string): Promise<ParametersInForce> {
  const [row] = await db
    .select({ id: fsrsParameters.id, weights: fsrsParameters.weights })
    .from(fsrsOptimizer)
    .innerJoin(fsrsParameters, eq(fsrsParameters.id, fsrsOptimizer.parametersId))
    .where(eq(fsrsOptimizer.userId, userId))
  return row && isValidWeights(row.weights) ? { id: row.id, weights: row.weights } : { id: null, weights: null }
}

export type ParameterSet = Omit<typeof fsrsParameters.$inferSelect, 'userId'>

/** Every set fitted for the learner, newest first, and which one is in force (null: the defaults). */
export async function parameterHistory(db: Database, userId: string, limit = 20): Promise<{ inForce: string | null; sets: ParameterSet[] }> {
  const [sets, [state]] = await Promise.all([
    db
      .select({
        id: fsrsParameters.id,
        weights: fsrsParameters.weights,
        kind: fsrsParameters.kind,
        logLoss: fsrsParameters.logLoss,
        rmseBins: fsrsParameters.rmseBins,
        previousLogLoss: fsrsParameters.previousLogLoss,
        previousRmseBins: fsrsParameters.previousRmseBins,
        trainReviews: fsrsParameters.trainReviews,
        testReviews: fsrsParameters.testReviews,
        cards: fsrsParameters.cards,
        adopted: fsrsParameters.adopted,
        createdAt: fsrsParameters.createdAt,
      })
      .from(fsrsParameters)
      .where(eq(fsrsParameters.userId, userId))
      .orderBy(desc(fsrsParameters.createdAt), desc(fsrsParameters.id))
      .limit(limit),
    db.select({ parametersId: fsrsOptimizer.parametersId }).from(fsrsOptimizer).where(eq(fsrsOptimizer.userId, userId)),
  ])
  return { inForce: state?.parametersId ?? null, sets }
}

/**
 * Puts a set back in force: null for the defaults, or one of this learner's own sets that was adopted once.
 * Anything else (another learner's set, a set that lost to the parameters of its day, an unknown id) is
 * refused and nothing is written.
 */
export async function chooseParameters(db: Database, userId: string, parametersId: string | null): Promise<'ok' | 'not-found'> {
  if (parametersId !== null) {
    const [own] = await db
      .select({ id: fsrsParameters.id })
      .from(fsrsParameters)
      .where(and(eq(fsrsParameters.id, parametersId), eq(fsrsParameters.userId, userId), eq(fsrsParameters.adopted, true)))
    if (!own) return 'not-found'
  }
  await db
    .insert(fsrsOptimizer)
    .values({ userId, parametersId })
    .onConflictDoUpdate({ target: fsrsOptimizer.userId, set: { parametersId: sql`excluded.parameters_id` } })
  return 'ok'
}
