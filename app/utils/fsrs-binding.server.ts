/**
 * fsrs-rs (the FSRS optimiser, from @open-spaced-repetition/binding) loaded from its native linux-x64 package.
 * The umbrella package lists eleven platform packages, most of which this registry lacks, so `npm ci` would
 * refuse its lockfile; we depend (optionally) on the one platform package and load it ourselves. On any other
 * platform, or if it fails to load, the optimiser is unavailable and every learner keeps the default parameters.
 */
import { createRequire } from 'node:module'

export interface FsrsReviewInput {
  rating: number
  deltaT: number
}

/** The part of the binding's API we use (its generated types, narrowed). */
export interface FsrsBinding {
  FSRSBindingReview: new (rating: number, deltaT: number) => FsrsReviewInput
  FSRSBindingItem: new (reviews: FsrsReviewInput[]) => object
  FSRSBinding: new (parameters?: number[]) => { evaluate(items: object[]): { logLoss: number; rmseBins: number } }
  computeParameters(
    items: object[],
    options: {
      enableShortTerm: boolean
      numRelearningSteps?: number
      timeout?: number
      trainingConfig?: { numEpochs: number; batchSize: number; seed: number; maxSeqLen: number; learningRate: number; gamma: number }
    },
  ): Promise<number[]>
}

const PACKAGE = '@open-spaced-repetition/binding-linux-x64-gnu'
let loaded: FsrsBinding | null | undefined

/** The binding, or null where it cannot load (then the defaults stay in force). */
export function fsrsBinding(): FsrsBinding | null {
  // FSRS_OPTIMIZER=off turns the optimiser off (as if the binding could not load).
  if (process.env.FSRS_OPTIMIZER === 'off') return null
  if (loaded !== undefined) return loaded
  loaded = null
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      loaded = createRequire(import.meta.url)(PACKAGE) as FsrsBinding
    } catch (error) {
      console.warn(`FSRS optimiser unavailable (${(error as Error).message}); learners keep the default parameters.`)
    }
  }
  return loaded
}
