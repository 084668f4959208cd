/** Which address the server listens on: `npm start` is local (loopback), `node build/server.js` every interface. */
import { networkInterfaces } from 'node:os'
import path from 'node:path'
import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-server'
import { testPort, TMP_DIR } from '../support/paths'

const external = Object.values(networkInterfaces())
  .flat()
  .find((a) => a?.family === 'IPv4' && !a.internal)?.address
const running: RunningApp[] = []
afterAll(async () => {
  await Promise.all(running.map((a) => a.stop('SIGKILL')))
})

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5000) })).ok
  } catch {
    return false
  }
}

describe.skipIf(!external)('listening address (HOST unset)', () => {
  const file = path.join(TMP_DIR, `binding-${process.pid}.db`)
  afterAll(() => {
    for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true })
  })

  it('npm start listens on loopback only; node build/server.js on every interface', async () => {
    const local = await startApp({ port: testPort(3350), databaseUrl: `file:${file}`, env: { HOST: '', npm_lifecycle_event: 'start' } })
    running.push(local)
    expect(await reachable(`http://127.0.0.1:${testPort(3350)}/healthz`)).toBe(true)
    expect(await reachable(`http://${external}:${testPort(3350)}/healthz`)).toBe(false)
    await local.stop()

    const everywhere = await startApp({
      port: testPort(3351),
      databaseUrl: `file:${file}`,
      setup: false,
      env: { HOST: '', npm_lifecycle_event: '' },
    })
    running.push(everywhere)
    expect(await reachable(`http://${external}:${testPort(3351)}/healthz`)).toBe(true)
    await everywhere.stop()
  })
})
