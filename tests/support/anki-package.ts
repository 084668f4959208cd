/**
 * Builds Anki packages for tests: a real SQLite collection (legacy schema 11, or the tables of schema 18)
 * written with the libSQL client and zipped with fflate, as Anki lays them out.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { zipSync } from 'fflate'
import { TMP_DIR } from './paths'
import { mkdirSync } from 'node:fs'

export interface TestNote {
  fields: string[]
  tags?: string[]
}

export interface TestNoteType {
  id: number
  name: string
  fields: string[]
  cloze?: boolean
  qfmt?: string
}

export const BASIC: TestNoteType = { id: 1700000000001, name: 'Basic', fields: ['Front', 'Back'] }

async function withFile(build: (url: string) => Promise<void>): Promise<Uint8Array> {
  mkdirSync(TMP_DIR, { recursive: true })
  const file = path.join(TMP_DIR, `anki-${randomUUID()}.sqlite`)
  try {
    await build(`file:${file}`)
    return new Uint8Array(readFileSync(file))
  } finally {
    rmSync(file, { force: true })
  }
}

/** A legacy (schema 11) collection: note types as JSON in col.models. */
export async function legacyCollection(types: TestNoteType[], notes: Array<TestNote & { mid: number }>): Promise<Uint8Array> {
  return withFile(async (url) => {
    const client = createClient({ url })
    await client.executeMultiple(`
      create table col (id integer primary key, crt integer, mod integer, scm integer, ver integer, dty integer, usn integer, ls integer, conf text, models text, decks text, dconf text, tags text);
      create table notes (id integer primary key, guid text, mid integer, mod integer, usn integer, tags text, flds text, sfld integer, csum integer, flags integer, data text);
      create table cards (id integer primary key, nid integer, did integer, ord integer, mod integer, usn integer, type integer, queue integer, due integer, ivl integer, factor integer, reps integer, lapses integer, left integer, odue integer, odid integer, flags integer, data text);`)
    const models = Object.fromEntries(
      types.map((t) => [
        String(t.id),
        {
          id: t.id,
          name: t.name,
          type: t.cloze ? 1 : 0,
          flds: t.fields.map((name, ord) => ({ name, ord })),
          tmpls: [{ name: 'Card 1', ord: 0, qfmt: t.qfmt ?? `{{${t.fields[0]}}}`, afmt: '{{FrontSide}}' }],
        },
      ]),
    )
    await client.execute({
      sql: "insert into col values (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, '{}', '{}', '{}')",
      args: [JSON.stringify(models)],
    })
    for (const [i, n] of notes.entries()) {
      await client.execute({
        sql: "insert into notes values (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')",
        args: [1000 + i, `g${i}`, n.mid, ` ${(n.tags ?? []).join(' ')} `, n.fields.join('\u001f')],
      })
    }
    client.close()
  })
}

/** The tables of schema 18 that an import reads (collection.anki21b before zstd). */
export async function schema18Collection(types: TestNoteType[], notes: Array<TestNote & { mid: number }>): Promise<Uint8Array> {
  return withFile(async (url) => {
    const client = createClient({ url })
    await client.executeMultiple(`
      create table notetypes (id integer primary key, name text, mtime_secs integer, usn integer, config blob);
      create table fields (ntid integer, ord integer, name text, config blob, primary key (ntid, ord));
      create table templates (ntid integer, ord integer, name text, mtime_secs integer, usn integer, config blob, primary key (ntid, ord));
      create table notes (id integer primary key, guid text, mid integer, mod integer, usn integer, tags text, flds text, sfld integer, csum integer, flags integer, data text);`)
    for (const t of types) {
      await client.execute({
        sql: 'insert into notetypes values (?, ?, 0, 0, ?)',
        args: [t.id, t.name, t.cloze ? new Uint8Array([0x08, 0x01]) : new Uint8Array([0x10, 0x00])],
      })
      for (const [ord, name] of t.fields.entries())
        await client.execute({ sql: 'insert into fields values (?, ?, ?, ?)', args: [t.id, ord, name, new Uint8Array()] })
      const qfmt = new TextEncoder().encode(t.qfmt ?? `{{${t.fields[0]}}}`)
      await client.execute({
        sql: "insert into templates values (?, 0, 'Card 1', 0, 0, ?)",
        args: [t.id, new Uint8Array([0x0a, qfmt.length, ...qfmt])],
      })
    }
    for (const [i, n] of notes.entries()) {
      await client.execute({
        sql: "insert into notes values (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')",
        args: [1000 + i, `g${i}`, n.mid, ` ${(n.tags ?? []).join(' ')} `, n.fields.join('\u001f')],
      })
    }
    client.close()
  })
}

/** A package: the collection under its layout's name and an empty media map. */
export function apkg(entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync({ media: new TextEncoder().encode('{}'), ...entries })
}
