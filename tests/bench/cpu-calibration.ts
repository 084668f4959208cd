/**
 * How fast this machine's CPU is right now: a fixed pure-JS workload (20,000 answers scheduled by the app's own
 * `scheduleReview`, no I/O), median of 5. This machine is a virtual one whose speed drifts with its neighbours:
 * the same build's server CPU per answer ranged 1.13–2.14 ms within twelve quiet minutes (docs/decisions/0007).
 * `npm run bench` measures it first and last, so a reader can tell a slower machine from slower code.
 */
import { newCard, scheduleReview } from '~/domain/scheduling'
import type { RatingValue } from '~/domain/scheduling'

const ANSWERS = 20_000
const DAY = 86_400_000

function workload(): number {
  const started = performance.now()
  let card = newCard(0)
  let now = 0
  for (let i = 0; i < ANSWERS; i++) {
    // A fixed pattern of ratings; the card restarts every 50 answers so intervals stay in a realistic range.
    if (i % 50 === 0) card = newCard(now)
    card = scheduleReview(card, (((i * 7) % 4) + 1) as RatingValue, now, 0.9)
    now += DAY
  }
  return performance.now() - started
}

export function measureCpuCalibration(): number {
  workload() // warm-up (JIT)
  const times = Array.from({ length: 5 }, workload).sort((a, b) => a - b)
  return Math.round(times[2]! * 10) / 10
}
