/**
 * The FSRS optimiser on a simulated learner whose true parameters differ from the defaults: 10,000 answers
 * on the app's default schedule, split by time as the app splits a real log. Times the fit (fsrs-rs, as
 * the app calls it) and reports how much better the fitted parameters predict the held-out answers than
 * the defaults, and how far they are from the truth.
 */
import { fitKind, heldOutStart, meanAbsoluteDifference, tidyWeights, trainingData } from '~/domain/fsrs-optimizer'
import { DEFAULT_WEIGHTS, newCard, scheduleReview, type StoredCard } from '~/domain/scheduling'
import { evaluate, fitParameters, toItems } from '~/data/fsrs-optimizer.server'
import { fsrsBinding } from '~/utils/fsrs-binding.server'
import { simulateLearner, TRUE_WEIGHTS } from '../support/simulated-learner'

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits

export async function measureOptimizer(answers = 10_000) {
  const binding = fsrsBinding()
  if (!binding) throw new Error('the FSRS optimiser cannot load on this platform')
  const cards = new Map<string, StoredCard>()
  const itemIds = Array.from({ length: 2_000 }, (_, i) => `sim-${i}`)
  const start = Date.UTC(2026, 0, 1)
  const log = await simulateLearner({
    itemIds,
    start,
    answers,
    newPerDay: 20,
    seed: 42,
    answer: ({ itemId, rating, reviewedAt }) => {
      const card = scheduleReview(cards.get(itemId) ?? newCard(reviewedAt), rating, reviewedAt, 0.9)
      cards.set(itemId, card)
      return card
    },
  })
  const reviews = log.map((a) => ({ ...a, studyDay: null }))
  // Speed: a fit on the whole log (every answer is training data), median of 3.
  const all = trainingData(reviews, Infinity)
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    await fitParameters(binding, all.train, 'full')
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  // Quality: as the app judges a fit, trained on the earlier 80 % and judged on the later 20 %.
  const data = trainingData(reviews, heldOutStart(reviews))
  const kind = fitKind(data.trainCards)
  if (kind !== 'full') throw new Error(`expected a full fit, got ${kind} (${data.trainCards} cards)`)
  const fitted = tidyWeights((await fitParameters(binding, data.train, kind))!)
  const test = toItems(binding, data.test)
  const withDefaults = evaluate(binding, DEFAULT_WEIGHTS, test)
  const withFitted = evaluate(binding, fitted, test)
  const withTruth = evaluate(binding, TRUE_WEIGHTS, test)
  return {
    answers: log.length,
    fitSequences: all.train.length,
    trainSequences: data.train.length,
    testSequences: data.test.length,
    cards: data.trainCards,
    fitMs: Math.round(times[1]!),
    fitRunsMs: times.map(Math.round),
    logLossDefaults: round(withDefaults.logLoss),
    logLossFitted: round(withFitted.logLoss),
    logLossTrue: round(withTruth.logLoss),
    rmseBinsDefaults: round(withDefaults.rmseBins),
    rmseBinsFitted: round(withFitted.rmseBins),
    logLossGain: round(withDefaults.logLoss - withFitted.logLoss),
    /** Mean absolute difference over the 21 parameters: fitted vs true, and defaults vs true for scale. */
    fittedVsTrueMad: round(meanAbsoluteDifference(fitted, TRUE_WEIGHTS)),
    defaultsVsTrueMad: round(meanAbsoluteDifference(DEFAULT_WEIGHTS, TRUE_WEIGHTS)),
    initialStabilityFitted: fitted.slice(0, 4),
    initialStabilityTrue: TRUE_WEIGHTS.slice(0, 4),
    fitted,
    trueWeights: TRUE_WEIGHTS,
  }
}
