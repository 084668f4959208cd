/**
 * Reviews per second through a real HTTP endpoint: each autocannon connection is one learner answering
 * its own cards (cycling through a deck), every answer with a fresh review id.
 */
import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'

export interface ThroughputResult {
  rps: number
  p50: number
  p99: number
  max: number
  requests: number
  errors: number
  non3xx: number
  /** Responses by status code. */
  statuses: Record<string, number>
}

export async function measureReviews(opts: {
  url: string
  path: string
  cookies: string[]
  itemIds: string[]
  connections: number
  seconds: number
}): Promise<ThroughputResult> {
  let nextLearner = 0
  // Each run starts the learners elsewhere in the deck, so an answer still in flight from an earlier run (a warm-up)
  // is not for the card this run answers first (two answers to one card at once: one is refused as stale).
  const offset = Math.floor(Math.random() * opts.itemIds.length)
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [
      {
        method: 'POST',
        path: opts.path,
        setupRequest: (req: autocannon.Request, context: object) => {
          const learner = context as { index?: number; answered: number }
          if (learner.index === undefined) {
            learner.index = nextLearner++ % opts.cookies.length
            learner.answered = 0
          }
          const k = learner.answered++
          const itemId = opts.itemIds[(offset + k + learner.index * 7) % opts.itemIds.length]!
          const rating = 1 + ((k * 7 + learner.index) % 4)
          return {
            ...req,
            headers: { Cookie: opts.cookies[learner.index]!, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: `intent=review&reviewId=${randomUUID()}&itemId=${itemId}&rating=${rating}`,
          }
        },
      },
    ],
  })
  const codes = result.statusCodeStats as unknown as Record<string, { count: number } | undefined>
  const redirects = codes['302']?.count ?? 0
  return {
    rps: Math.round(redirects / opts.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors,
    non3xx: result.requests.total - redirects,
    statuses: Object.fromEntries(Object.entries(codes).map(([code, stat]) => [code, stat?.count ?? 0])),
  }
}
