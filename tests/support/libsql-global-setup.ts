/**
 * For the libsql-server project: a Hrana test server on a fresh database, and `npm run setup` against it as
 * a user would run it (migrations and the full content load, over HTTP). Skipped, and says so, where the
 * server cannot run.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { HRANA_URL, hranaUnavailable, startHranaServer } from './hrana-server'
import { ROOT } from './paths'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why the suite is skipped, or '' when it runs. */
    libsqlSkipped: string
    /** What `npm run setup` printed against the server. */
    libsqlSetupOutput: string
  }
}

export default async function setup(project: TestProject) {
  const why = hranaUnavailable()
  project.provide('libsqlSkipped', why ?? '')
  project.provide('libsqlSetupOutput', '')
  if (why) {
    console.log(`libSQL server suite skipped: ${why}`)
    return
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'sourcedeck-libsql-'))
  const server = await startHranaServer(path.join(dir, 'remote.db'))
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const p = spawn('npm', ['run', '-s', 'setup'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: HRANA_URL },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      p.stdout.on('data', (c: Buffer) => (out += c.toString()))
      p.stderr.on('data', (c: Buffer) => (out += c.toString()))
      p.on('exit', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`npm run setup against the libSQL server failed (exit ${code}):\n${out}`)),
      )
    })
    project.provide('libsqlSetupOutput', output)
  } catch (error) {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return async () => {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
