/**
 * Several app processes on one machine (node:cluster): the primary forks the workers, which share the port,
 * and replaces any that dies. Every worker opens the same embedded database: WAL lets them read side by side,
 * writes are single `db.batch` transactions that wait for each other through the busy timeout, and every
 * read-modify-write carries its own guard, so nothing depends on which process serves a request.
 * Setup (migrations, content) runs before the server starts (`npm start`), never in a worker.
 */
import cluster, { type Worker } from 'node:cluster'
import { availableParallelism } from 'node:os'

/** How many processes serve: `WEB_CONCURRENCY`, else one per core. 1 runs the server in this process alone. */
export function processCount(setting: string | undefined = process.env.WEB_CONCURRENCY, cores = availableParallelism()): number {
  if (setting === undefined || setting.trim() === '') return Math.max(1, cores)
  const n = Number(setting)
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 256 (got "${setting}")`)
  return n
}

/** A worker that dies this soon after its start is failing to start: wait before the next, longer each time. */
const QUICK_DEATH_MS = 5_000
const MAX_RESTART_DELAY_MS = 30_000
/** How long a graceful stop waits for workers to finish their requests. */
const SHUTDOWN_GRACE_MS = 10_000

/** The primary: forks `count` workers, replaces a crashed one, and stops them all on SIGTERM/SIGINT. */
export function superviseWorkers(count: number, log: (line: string) => void = console.log): void {
  let stopping = false
  let quickDeaths = 0
  const startedAt = new Map<Worker, number>()
  let listening = 0

  const fork = () => {
    const worker = cluster.fork()
    startedAt.set(worker, Date.now())
    worker.once('listening', (address) => {
      if (++listening === count) log(`Sourcedeck listening on http://localhost:${address.port} (${count} processes)`)
    })
  }

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0)
    startedAt.delete(worker)
    if (stopping) {
      if (startedAt.size === 0) process.exit(0)
      return
    }
    quickDeaths = lived < QUICK_DEATH_MS ? quickDeaths + 1 : 0
    const delay = quickDeaths === 0 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** quickDeaths)
    log(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another${delay ? ` in ${delay} ms` : ''}`)
    setTimeout(fork, delay)
  })

  const stop = () => {
    if (stopping) return
    stopping = true
    if (startedAt.size === 0) process.exit(0)
    // Each worker closes its server and exits once its requests are answered (server.ts).
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM')
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)

  for (let i = 0; i < count; i++) fork()
}

export const isPrimaryProcess = () => cluster.isPrimary
