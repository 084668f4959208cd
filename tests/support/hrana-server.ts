/**
 * The libSQL team's Hrana test server (../shared/tools/hrana-test-server, Python + aiohttp), run as a libSQL
 * server for the app: `DATABASE_URL=http://127.0.0.1:8080`. It always listens on port 8080 (no option to
 * change it), so runs on one machine take turns through a lock file held while the server lives (flock).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './paths'

export const HRANA_URL = 'http://127.0.0.1:8080'
export const HRANA_LOCK = '/tmp/hrana-test-server-8080.lock'

const PYTHON = process.env.HRANA_PYTHON ?? '/usr/bin/python3'

/** Where the server script is: HRANA_SERVER, else the shared tools folder beside the checkout. */
export function hranaServerScript(): string | null {
  const candidates = [
    process.env.HRANA_SERVER,
    path.resolve(ROOT, '..', 'shared', 'tools', 'hrana-test-server', 'server_v2.py'),
    path.resolve(ROOT, '..', '..', 'shared', 'tools', 'hrana-test-server', 'server_v2.py'),
  ]
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null
}

/** Null when the suite can run, else why not (printed as "libSQL server suite skipped: <why>"). */
export function hranaUnavailable(): string | null {
  if (process.env.LIBSQL_SERVER_TESTS === '0') return 'LIBSQL_SERVER_TESTS=0'
  if (!hranaServerScript())
    return 'the Hrana test server (../shared/tools/hrana-test-server) is not on this machine; set HRANA_SERVER to its server_v2.py'
  if (!existsSync(PYTHON)) return `${PYTHON} not found (set HRANA_PYTHON)`
  if (spawnSync(PYTHON, ['-c', 'import aiohttp'], { stdio: 'ignore' }).status !== 0)
    return `${PYTHON} has no aiohttp (Debian: apt-get install -y python3-aiohttp)`
  if (spawnSync('flock', ['--version'], { stdio: 'ignore' }).status !== 0) return 'flock (util-linux) not found'
  return null
}

export interface HranaServer {
  url: string
  stop: () => Promise<void>
}

/**
 * Starts the server on a fresh database file once the lock is ours (waits up to lockWaitMs for other runs).
 * Someone else's server on 8080 without the lock makes ours fail to bind: we retry until timeout.
 */
export async function startHranaServer(databaseFile: string, lockWaitMs = 15 * 60_000): Promise<HranaServer> {
  const script = hranaServerScript()
  if (!script) throw new Error('Hrana test server not found')
  const deadline = Date.now() + lockWaitMs
  let lastOutput = ''
  while (Date.now() < deadline) {
    const waitSeconds = Math.max(1, Math.ceil((deadline - Date.now()) / 1000))
    // flock runs python as its child and holds the lock until it exits; a group of its own so stop() ends both.
    // The server runs the command after its script until that exits: here, until this process is gone, so a
    // crashed test run never leaves the server (and the lock) behind.
    const watchParent = ['sh', '-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`]
    const child = spawn('flock', ['-w', String(waitSeconds), HRANA_LOCK, PYTHON, script, ...watchParent], {
      cwd: path.dirname(script),
      env: { ...process.env, PERSISTENT_DB: databaseFile, LOG_LEVEL: 'INFO' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    })
    // "Server is ready" comes only from our own server (once it holds the lock and the port), never from
    // another run's server that may answer on 8080 while we wait for the lock.
    const outcome = await new Promise<'ready' | 'exited'>((resolve) => {
      let output = ''
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-4000)
        if (output.includes('Server is ready')) {
          output = ''
          resolve('ready')
        }
      }
      child.stderr!.on('data', onData)
      child.once('exit', () => {
        lastOutput = output
        resolve('exited')
      })
    })
    if (outcome === 'ready') return { url: HRANA_URL, stop: () => stopGroup(child) }
    await stopGroup(child)
    await new Promise((r) => setTimeout(r, 2000))
  }
  throw new Error(`the Hrana test server did not start on port 8080 (busy?): ${lastOutput.trim().split('\n').slice(-3).join(' | ')}`)
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      resolve()
    }
  })
}
