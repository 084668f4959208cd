/**
 * Many learners studying at once against a running server, the way a browser does it: load the study page,
 * answer the card shown. Some answers are retried with the same review id, some double-submitted at once.
 * Returns which review ids the server acknowledged, for checking against the database afterwards.
 */
import { newLearner } from '../support/app-server'

export interface LoadOptions {
  url: string
  deckId: string
  learners: number
  reviewsPerLearner: number
  /** Share of answers POSTed again (same id) after the first response. */
  retryShare?: number
  /** Share of answers POSTed twice at the same moment. */
  doubleShare?: number
  seed?: number
  /** Stop early (e.g. the server was killed) once this says so. */
  shouldStop?: () => boolean
}

export interface LoadResult {
  acknowledged: Set<string>
  attempted: number
  posts: number
  statuses: Map<number, number>
  networkErrors: number
  serverErrors: number
}

function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
}

export function hiddenField(html: string, name: string): string | null {
  const tag = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0]
  return tag?.match(/value="([^"]*)"/)?.[1] ?? null
}

export async function runLearnerLoad(opts: LoadOptions): Promise<LoadResult> {
  const rand = prng(opts.seed ?? 1)
  const result: LoadResult = { acknowledged: new Set(), attempted: 0, posts: 0, statuses: new Map(), networkErrors: 0, serverErrors: 0 }
  const count = (status: number) => {
    result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1)
    if (status >= 500) result.serverErrors++
  }
  const post = async (cookie: string, body: string): Promise<number | null> => {
    result.posts++
    try {
      const res = await fetch(`${opts.url}/decks/${opts.deckId}/study`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      })
      await res.arrayBuffer()
      count(res.status)
      return res.status
    } catch {
      result.networkErrors++
      return null
    }
  }

  const learner = async () => {
    let cookie: string
    try {
      cookie = await newLearner(opts.url, opts.deckId)
    } catch {
      result.networkErrors++
      return
    }
    for (let i = 0; i < opts.reviewsPerLearner && !opts.shouldStop?.(); i++) {
      let html: string
      try {
        const res = await fetch(`${opts.url}/decks/${opts.deckId}/study?reveal=1`, { headers: { Cookie: cookie } })
        html = await res.text()
        count(res.status)
      } catch {
        result.networkErrors++
        continue
      }
      const reviewId = hiddenField(html, 'reviewId')
      const itemId = hiddenField(html, 'itemId')
      if (!reviewId || !itemId) break // nothing left to study today
      const body = new URLSearchParams({ intent: 'review', reviewId, itemId, rating: String(1 + Math.floor(rand() * 4)) }).toString()
      result.attempted++
      const roll = rand()
      const statuses =
        roll < (opts.doubleShare ?? 0.1) ? await Promise.all([post(cookie, body), post(cookie, body)]) : [await post(cookie, body)]
      if (roll > 1 - (opts.retryShare ?? 0.2)) statuses.push(await post(cookie, body))
      if (statuses.some((s) => s === 302)) result.acknowledged.add(reviewId)
    }
  }
  await Promise.all(Array.from({ length: opts.learners }, learner))
  return result
}
