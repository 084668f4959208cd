import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../db/client'
import { STATEMENTS_PER_CONNECTION, statementCacheStats } from '../../db/statement-cache'
import { TMP_DIR } from '../support/paths'

const opened: { db: Database; file: string }[] = []
afterEach(() => {
  for (const { db, file } of opened.splice(0)) {
    db.$client.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  }
})

/** A bare file database through the app's own openDatabase (the cache is installed there). */
async function bareDatabase() {
  const file = path.join(TMP_DIR, `statements-${randomUUID()}.db`)
  const db = openDatabase(`file:${file}`)
  opened.push({ db, file })
  await db.$client.execute('create table notes (id integer primary key, body text not null unique)')
  return db.$client
}

const counts = () => ({ ...statementCacheStats })

describe('prepared statements kept per connection', () => {
  it('prepares a statement once however often the client runs it', async () => {
    const client = await bareDatabase()
    const before = counts()
    for (let i = 1; i <= 50; i++) await client.execute({ sql: 'insert into notes (id, body) values (?, ?)', args: [i, `note ${i}`] })
    for (let i = 1; i <= 50; i++) {
      const { rows } = await client.execute({ sql: 'select id, body from notes where id = ?', args: [i] })
      expect(rows).toHaveLength(1)
      expect(rows[0]!.body).toBe(`note ${i}`)
    }
    expect(statementCacheStats.prepared - before.prepared).toBe(2)
    expect(statementCacheStats.reused - before.reused).toBe(98)
  })

  it('gives the same answers as a fresh statement: rows, columns, changes, ids, and errors that leave it usable', async () => {
    const client = await bareDatabase()
    const insert = 'insert into notes (body) values (?)'
    expect(Number((await client.execute({ sql: insert, args: ['a'] })).lastInsertRowid)).toBe(1)
    expect(Number((await client.execute({ sql: insert, args: ['b'] })).lastInsertRowid)).toBe(2)
    await expect(client.execute({ sql: insert, args: ['a'] })).rejects.toThrow(/UNIQUE/)
    const third = await client.execute({ sql: insert, args: ['c'] })
    expect([third.rowsAffected, Number(third.lastInsertRowid)]).toEqual([1, 3])

    const list = 'select id, body from notes where id >= ? order by id'
    const all = await client.execute({ sql: list, args: [1] })
    expect(all.columns).toEqual(['id', 'body'])
    expect(all.rows.map((row) => row.body)).toEqual(['a', 'b', 'c'])
    expect((await client.execute({ sql: list, args: [3] })).rows.map((row) => row.body)).toEqual(['c'])

    const update = await client.execute({ sql: 'update notes set body = body || ? where id >= ?', args: ['!', 2] })
    expect(update.rowsAffected).toBe(2)
    const again = await client.execute({ sql: 'update notes set body = body || ? where id >= ?', args: ['?', 4] })
    expect(again.rowsAffected).toBe(0)
  })

  it('runs a batch through kept statements, and a failed batch rolls back and leaves them usable', async () => {
    const client = await bareDatabase()
    const write = (id: number, body: string) => ({ sql: 'insert into notes (id, body) values (?, ?)', args: [id, body] })
    await client.batch([write(1, 'one'), write(2, 'two')], 'write')
    await expect(client.batch([write(3, 'three'), write(4, 'one')], 'write')).rejects.toThrow(/UNIQUE/)
    await client.batch([write(3, 'three')], 'write')
    const { rows } = await client.execute('select body from notes order by id')
    expect(rows.map((row) => row.body)).toEqual(['one', 'two', 'three'])
  })

  it('sees a schema change: `select *` after ALTER TABLE has the new column', async () => {
    const client = await bareDatabase()
    await client.execute({ sql: 'insert into notes (body) values (?)', args: ['x'] })
    expect((await client.execute('select * from notes')).columns).toEqual(['id', 'body'])
    await client.execute('alter table notes add column lang text')
    const after = await client.execute('select * from notes')
    expect(after.columns).toEqual(['id', 'body', 'lang'])
    expect(after.rows[0]!.lang).toBeNull()
  })

  it('maps `select *` by the schema of the moment, even after another connection rebuilt the table', async () => {
    const client = await bareDatabase()
    await client.execute({ sql: 'insert into notes (id, body) values (?, ?)', args: [1, 'old'] })
    expect((await client.execute('select * from notes')).columns).toEqual(['id', 'body'])
    // A second client on the same file, as another process (or `npm run db:migrate`) would be.
    const other = openDatabase(`file:${opened.at(-1)!.file}`)
    try {
      await other.$client.executeMultiple(
        `drop table notes; create table notes (body text not null, lang text, id integer primary key);
         insert into notes (body, lang, id) values ('new', 'en', 7);`,
      )
    } finally {
      other.$client.close()
    }
    // The client reads a statement's columns before the run that notices the change, so even a fresh statement
    // is one run late (the driver's behaviour, without any cache); a kept statement would stay late for good.
    await client.execute('select * from notes')
    const after = await client.execute('select * from notes')
    expect(after.columns).toEqual(['body', 'lang', 'id'])
    expect({ ...after.rows[0] }).toEqual({ body: 'new', lang: 'en', id: 7 })
  })

  it("binds NULL to the parameters a run leaves out, as a fresh statement does, not the last run's values", async () => {
    const client = await bareDatabase()
    const sql = 'select ? as learner, ? as deck, abs(?) as n'
    expect({ ...(await client.execute({ sql, args: ['alice', 'private-deck', -1] })).rows[0] }).toEqual({
      learner: 'alice',
      deck: 'private-deck',
      n: 1,
    })
    expect({ ...(await client.execute({ sql, args: ['bob'] })).rows[0] }).toEqual({ learner: 'bob', deck: null, n: null })
    // A first run that fails after binding (abs overflows) leaves nothing behind for the next one either.
    const failing = 'select ? as learner, abs(?) as n'
    await expect(client.execute({ sql: failing, args: ['carol', -9223372036854775808n] })).rejects.toThrow(/overflow/)
    expect({ ...(await client.execute({ sql: failing, args: ['dave'] })).rows[0] }).toEqual({ learner: 'dave', n: null })
  })

  it('keeps at most STATEMENTS_PER_CONNECTION statements, dropping the least recently used', async () => {
    const client = await bareDatabase()
    const text = (n: number) => `select ${n} as n`
    await client.execute(text(0))
    for (let n = 1; n <= STATEMENTS_PER_CONNECTION; n++) {
      await client.execute(text(n))
      if (n % 16 === 0) await client.execute(text(0)) // keeps statement 0 recently used
    }
    const before = counts()
    await client.execute(text(0))
    expect(statementCacheStats.reused - before.reused).toBe(1)
    await client.execute(text(1)) // the oldest unused one was dropped
    expect(statementCacheStats.prepared - before.prepared).toBe(1)
  })
})

describe('one connection per embedded client (db/client.ts)', () => {
  it('runs overlapping reads, writes and batches on one connection', async () => {
    const client = await bareDatabase()
    const before = counts()
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        client.execute({ sql: 'insert into notes (id, body) values (?, ?)', args: [i + 1, `note ${i + 1}`] }),
      ),
      ...Array.from({ length: 20 }, (_, i) => client.execute({ sql: 'select count(*) as n from notes where id <= ?', args: [i + 1] })),
      client.batch([{ sql: 'insert into notes (id, body) values (?, ?)', args: [100, 'batched'] }], 'write'),
    ])
    expect(results).toHaveLength(41)
    expect(statementCacheStats.connections - before.connections).toBe(0)
    expect((await client.execute('select count(*) as n from notes')).rows[0]!.n).toBe(21)
  })

  it('refuses a call while an interactive transaction holds the connection, rather than waiting for ever', async () => {
    const client = await bareDatabase()
    const transaction = await client.transaction('write')
    try {
      await transaction.execute({ sql: 'insert into notes (id, body) values (?, ?)', args: [1, 'in the transaction'] })
      await expect(client.execute('select count(*) from notes')).rejects.toMatchObject({ code: 'TRANSACTION_ACTIVE' })
      await transaction.commit()
    } finally {
      transaction.close()
    }
    expect((await client.execute('select count(*) as n from notes')).rows[0]!.n).toBe(1)
  })
})
