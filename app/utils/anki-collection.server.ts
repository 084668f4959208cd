/**
 * Reads the notes of an Anki collection (the SQLite file inside a package, app/domain/interchange/apkg-import.ts
 * unpacks it) through the project's libSQL client: written to a private temporary file, opened read-only in
 * spirit (only selects), removed at once. Both schemas: the legacy one keeps note types as JSON in `col.models`;
 * the newer one (schema 18, in collection.anki21b) has `notetypes`, `fields` and `templates` tables.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient, type Client } from '@libsql/client'
import type { AnkiNote } from '~/domain/interchange/apkg-import'

interface NoteType {
  name: string
  fields: string[]
  cloze: boolean
  typesAnswer: boolean
}

const FIELD_SEPARATOR = '\u001f'

async function legacyNoteTypes(client: Client): Promise<Map<string, NoteType>> {
  const { rows } = await client.execute('select models from col limit 1')
  const models = JSON.parse(String(rows[0]?.models ?? '{}')) as Record<
    string,
    { name?: string; type?: number; flds?: Array<{ name: string; ord: number }>; tmpls?: Array<{ qfmt?: string }> }
  >
  const types = new Map<string, NoteType>()
  for (const [id, m] of Object.entries(models)) {
    types.set(id, {
      name: m.name ?? id,
      fields: [...(m.flds ?? [])].sort((a, b) => a.ord - b.ord).map((f) => f.name),
      cloze: m.type === 1,
      typesAnswer: (m.tmpls ?? []).some((t) => (t.qfmt ?? '').includes('{{type:')),
    })
  }
  return types
}

const blobText = (value: unknown) => (value instanceof ArrayBuffer ? Buffer.from(value).toString('latin1') : String(value ?? ''))

async function schema18NoteTypes(client: Client): Promise<Map<string, NoteType>> {
  const [types, fields, templates] = await Promise.all([
    client.execute('select cast(id as text) as id, name, config from notetypes'),
    client.execute('select cast(ntid as text) as ntid, ord, name from fields order by ntid, ord'),
    client.execute('select cast(ntid as text) as ntid, config from templates'),
  ])
  const out = new Map<string, NoteType>()
  for (const row of types.rows) {
    // NotetypeConfig (protobuf): field 1 is the kind, 1 = cloze; 0, the default, is not written.
    const config = row.config instanceof ArrayBuffer ? new Uint8Array(row.config) : new Uint8Array()
    const id = String(row.id)
    out.set(id, {
      name: String(row.name),
      fields: fields.rows.filter((f) => String(f.ntid) === id).map((f) => String(f.name)),
      cloze: config[0] === 0x08 && config[1] === 0x01,
      typesAnswer: templates.rows.some((t) => String(t.ntid) === id && blobText(t.config).includes('{{type:')),
    })
  }
  return out
}

/** A SQLite file that is not an Anki collection: it has no notes table. */
export class NoNotesTable extends Error {
  constructor() {
    super('no notes table')
  }
}

/** The collection's notes in their order of creation, or throws when the file is not an Anki collection. */
export async function readAnkiNotes(collection: Uint8Array): Promise<AnkiNote[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sourcedeck-apkg-'))
  const file = path.join(dir, `${randomUUID()}.sqlite`)
  writeFileSync(file, collection, { mode: 0o600 })
  const client = createClient({ url: `file:${file}` })
  try {
    const tables = new Set((await client.execute("select name from sqlite_master where type = 'table'")).rows.map((r) => String(r.name)))
    if (!tables.has('notes')) throw new NoNotesTable()
    const types = tables.has('notetypes') ? await schema18NoteTypes(client) : await legacyNoteTypes(client)
    const { rows } = await client.execute('select cast(mid as text) as mid, tags, flds from notes order by id')
    return rows.map((row) => {
      const type = types.get(String(row.mid)) ?? { name: String(row.mid), fields: [], cloze: false, typesAnswer: false }
      const values = String(row.flds).split(FIELD_SEPARATOR)
      return {
        fields: values.map((value, i) => ({ name: type.fields[i] ?? `Field ${i + 1}`, value })),
        tags: String(row.tags).split(/\s+/).filter(Boolean),
        noteType: { name: type.name, cloze: type.cloze, typesAnswer: type.typesAnswer },
      }
    })
  } finally {
    client.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
