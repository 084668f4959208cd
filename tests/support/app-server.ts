/**
 * Starting and stopping the production server (build/ must exist) as a child process, for browser,
 * reliability and benchmark runs. Each gets its own database file.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { ROOT } from './paths'

export interface RunningApp {
  url: string
  process: ChildProcess
  /** What the server printed so far (e.g. the log mailer's reset links). */
  output: () => string
  /** What the server wrote to stderr (also passed on to this process's stderr). */
  errors: () => string
  stop: (signal?: NodeJS.Signals) => Promise<void>
}

export async function startApp(opts: {
  port: number
  databaseUrl: string
  contentDir?: string
  setup?: boolean
  env?: Record<string, string>
  nodeArgs?: string[]
}): Promise<RunningApp> {
  const env = {
    ...process.env,
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    DATABASE_URL: opts.databaseUrl,
    INSECURE_COOKIES: '1',
    NODE_ENV: 'production',
    // Required in production: the origin every absolute link and origin check uses.
    PUBLIC_URL: `http://127.0.0.1:${opts.port}`,
    // One process unless a test asks for more (WEB_CONCURRENCY in `env`): `npm start` defaults to one per core.
    WEB_CONCURRENCY: '1',
    ...(opts.contentDir ? { CONTENT_DIR: opts.contentDir } : {}),
    ...opts.env,
  }
  if (opts.setup !== false) {
    await new Promise<void>((resolve, reject) => {
      const p = spawn(process.execPath, ['--import', 'tsx', 'db/setup.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] })
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`setup exited ${code}`))))
    })
  }
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), 'build/server.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  let errors = ''
  child.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
    process.stderr.write(chunk)
  })
  const url = `http://127.0.0.1:${opts.port}`
  // Generous: three processes loading the build on a busy 2-core machine took over 30 s once.
  const deadline = Date.now() + 60_000
  const processes = Number(env.WEB_CONCURRENCY)
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      // Several processes: ready once the primary says every worker listens.
      if ((await fetch(`${url}/healthz`)).ok && (processes <= 1 || printed.includes(`(${processes} processes)`))) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 60 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    process: child,
    output: () => printed,
    errors: () => errors,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill(signal)
      }),
  }
}

/** The worker processes of a server started with WEB_CONCURRENCY > 1 (Linux: the primary's children). */
export function workerPids(app: RunningApp): number[] {
  const pid = app.process.pid!
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
  return children === '' ? [] : children.split(/\s+/).map(Number)
}

/** CPU time (user + system, in clock ticks) a process has used so far. */
export function cpuTicks(pid: number): number {
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/**
 * A learner's session cookie. Reading pages creates nobody: a visitor becomes a guest at their first write,
 * here saving the default settings. (The bench's bare baseline server hands out a guest on the GET.)
 */
export async function newLearner(url: string, deckId: string): Promise<string> {
  const page = await fetch(`${url}/decks/${deckId}/study`, { redirect: 'manual' })
  await page.arrayBuffer()
  const fromPage = page.headers.get('set-cookie')?.match(/sd_session=([^;]+)/)
  if (fromPage) return `sd_session=${fromPage[1]}`
  const defaults = {
    desiredRetention: '0.9',
    newPerDay: '20',
    maxReviewsPerDay: '200',
    uiLanguage: 'en',
    cardLanguage: 'both',
    timeZone: 'UTC',
  }
  const res = await fetch(`${url}/settings`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url },
    body: new URLSearchParams(defaults).toString(),
  })
  await res.arrayBuffer()
  const m = res.headers.get('set-cookie')?.match(/sd_session=([^;]+)/)
  if (!m) throw new Error(`no session cookie (status ${res.status})`)
  return `sd_session=${m[1]}`
}
