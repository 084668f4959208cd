import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../db/client'
import { PAGE_CACHE_KIB } from '../../db/connection-settings'
import { TMP_DIR } from '../support/paths'

const opened: { db: Database; file: string }[] = []
afterEach(() => {
  for (const { db, file } of opened.splice(0)) {
    db.$client.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  }
})

function fileDatabase() {
  const file = path.join(TMP_DIR, `settings-${randomUUID()}.db`)
  const db = openDatabase(`file:${file}`)
  opened.push({ db, file })
  return db.$client
}

const cacheSize = async (client: ReturnType<typeof fileDatabase>) => Number((await client.execute('PRAGMA cache_size')).rows[0]![0])

describe('embedded connection settings', () => {
  it('gives the connection a page cache of PAGE_CACHE_KIB, not SQLite’s 2 MiB', async () => {
    const client = fileDatabase()
    expect(await cacheSize(client)).toBe(-PAGE_CACHE_KIB)
  })

  it('sets a connection the client opens afresh the same way', async () => {
    const client = fileDatabase()
    await client.execute('PRAGMA cache_size = -2000')
    expect(await cacheSize(client)).toBe(-2000)
    await client.reconnect()
    expect(await cacheSize(client)).toBe(-PAGE_CACHE_KIB)
  })
})
