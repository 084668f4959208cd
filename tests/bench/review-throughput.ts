/**
 * Reviews per second through a real HTTP endpoint: each autocannon connection is one learner answering
 * its own cards (cycling through a deck), every answer with a fresh review id.
 */
import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import { cpuTicks } from '../support/app-server'

/** User + system CPU milliseconds the processes have used so far (clock ticks are 10 ms on Linux). */
const processCpuMs = (pids: number[]) => pids.reduce((ms, pid) => ms + cpuTicks(pid) * 10, 0)

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
  /** A few responses other than 302 (status and the start of the body), to tell what they were. */
  non3xxSamples: string[]
  /** CPU time (user + system) the server's processes spent per stored answer during the run, when `serverPids` are given. */
  serverCpuMsPerAnswer?: number
  /** Share of the run's wall time the server's processes were on a core (1 = one core, all the time). */
  serverCores?: number
  /** The same for the load generator (this process), which shares the machine's cores. */
  loadGeneratorCores: number
}

export async function measureReviews(opts: {
  url: string
  path: string
  cookies: string[]
  itemIds: string[]
  connections: number
  seconds: number
  /** The server's process ids (all workers), to measure its CPU time per answer. */
  serverPids?: number[]
}): Promise<ThroughputResult> {
  // autocannon starts a fresh context for every request (it resets it each time it loops over `requests`), so a
  // connection cannot keep its learner there. A learner is taken from the free ones for each request and given
  // back with its response: no learner ever has two answers in flight (two answers to one card at once would
  // rightly be refused as stale), and each goes on through its own cards.
  const free = opts.cookies.map((_, index) => index)
  const answered = opts.cookies.map(() => 0)
  const non3xxSamples: string[] = []
  // Each run starts the learners elsewhere in the deck, so an answer still in flight from an earlier run (a warm-up)
  // is not for the card this run answers first (two answers to one card at once: one is refused as stale).
  const offset = Math.floor(Math.random() * opts.itemIds.length)
  const serverCpuBefore = opts.serverPids ? processCpuMs(opts.serverPids) : 0
  const ownCpuBefore = process.cpuUsage()
  const startedAt = performance.now()
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [
      {
        method: 'POST',
        path: opts.path,
        setupRequest: (req: autocannon.Request, context: object) => {
          // More connections than learners (or a response never came): learners share, any of them.
          const learner = free.shift() ?? Math.floor(Math.random() * opts.cookies.length)
          ;(context as { learner?: number }).learner = learner
          const k = answered[learner]!++
          const itemId = opts.itemIds[(offset + k + learner * 7) % opts.itemIds.length]!
          const rating = 1 + ((k * 7 + learner) % 4)
          return {
            ...req,
            headers: { Cookie: opts.cookies[learner]!, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: `intent=review&reviewId=${randomUUID()}&itemId=${itemId}&rating=${rating}`,
          }
        },
        onResponse: (status: number, body: string, context: object) => {
          const { learner } = context as { learner?: number }
          if (learner !== undefined && !free.includes(learner)) free.push(learner)
          if (status !== 302 && non3xxSamples.length < 5) non3xxSamples.push(`${status} ${body.slice(0, 300)}`)
        },
      },
    ],
  })
  const wallMs = performance.now() - startedAt
  const ownCpu = process.cpuUsage(ownCpuBefore)
  const serverCpuMs = opts.serverPids ? processCpuMs(opts.serverPids) - serverCpuBefore : 0
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
    non3xxSamples,
    ...(opts.serverPids
      ? {
          serverCpuMsPerAnswer: Math.round((serverCpuMs / Math.max(1, redirects)) * 1000) / 1000,
          serverCores: Math.round((serverCpuMs / wallMs) * 100) / 100,
        }
      : {}),
    loadGeneratorCores: Math.round(((ownCpu.user + ownCpu.system) / 1000 / wallMs) * 100) / 100,
  }
}
