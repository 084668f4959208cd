/**
 * Starting and stopping the production server (build/ must exist) as a child process, for browser,
 * reliability and benchmark runs. Each gets its own database file.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { ROOT } from './paths'

export interface RunningApp {
  url: string
  process: ChildProcess
  stop: (signal?: NodeJS.Signals) => Promise<void>
}

export async function startApp(opts: { port: number; databaseUrl: string; contentDir?: string; setup?: boolean; env?: Record<string, string> }): Promise<RunningApp> {
  const env = {
    ...process.env,
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    DATABASE_URL: opts.databaseUrl,
    INSECURE_COOKIES: '1',
    NODE_ENV: 'production',
    ...(opts.contentDir ? { CONTENT_DIR: opts.contentDir } : {}),
    ...opts.env,
  }
  if (opts.setup !== false) {
    await new Promise<void>((resolve, reject) => {
      const p = spawn(process.execPath, ['--import', 'tsx', 'db/setup.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] })
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`setup exited ${code}`))))
    })
  }
  const child = spawn(process.execPath, ['build/server.js'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] })
  const url = `http://127.0.0.1:${opts.port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 30 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    process: child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill(signal)
      }),
  }
}

/** A learner's session cookie: the first study page visit creates the guest. */
export async function newLearner(url: string, deckId: string): Promise<string> {
  const res = await fetch(`${url}/decks/${deckId}/study`, { redirect: 'manual' })
  const set = res.headers.get('set-cookie') ?? ''
  const m = set.match(/sd_session=([^;]+)/)
  if (!m) throw new Error(`no session cookie (status ${res.status})`)
  await res.arrayBuffer()
  return `sd_session=${m[1]}`
}
