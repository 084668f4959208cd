/**
 * `npm run fsrs:optimize` (e.g. daily from cron): one optimiser run for every learner with answers. Runs are
 * claimed in the database, so this is safe beside running app servers; learners without a batch of new answers
 * since their last run, or fitted within the day, are skipped. `--force` skips those two gates.
 */
import { optimizeLearner, learnersWithReviews } from '~/data/fsrs-optimizer.server'
import { fsrsBinding } from '~/utils/fsrs-binding.server'
import { openDatabase } from './client'

const db = openDatabase()
const force = process.argv.includes('--force')
if (!fsrsBinding()) console.warn('The FSRS optimiser cannot load on this platform: nothing will be fitted.')
const tally = new Map<string, number>()
for (const userId of await learnersWithReviews(db)) {
  const outcome = await optimizeLearner(db, userId, Date.now(), { force })
  tally.set(outcome.status, (tally.get(outcome.status) ?? 0) + 1)
}
console.log(`FSRS optimisation: ${[...tally].map(([status, n]) => `${n} ${status}`).join(', ') || 'no learners with answers'}`)
db.$client.close()
