/**
 * Unreadable files at /decks/import, with the interface in Chinese: each kind (a damaged zip, a package without
 * an Anki collection or without a notes table, invalid XML, GIFT that does not parse, a CSV that is not UTF-8,
 * an empty file, a file over the cap) is refused with a message from the i18n layer — Chinese words, none of
 * the reader's English — and nothing is written.
 */
import { createClient } from '@libsql/client'
import { count } from 'drizzle-orm'
import { zipSync } from 'fflate'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decks, items } from '../../db/schema'
import type { ImportError } from '~/domain/interchange/import-item'
import { importErrorText } from '~/i18n/import-errors'
import { messageText } from '~/i18n/keys'
import { zhHans } from '~/i18n/zh-Hans'
import { action as importAction } from '~/routes/deck-import'
import { BASIC, apkg, legacyCollection } from '../support/anki-package'
import { signUp } from '../support/actors'
import { freshDatabase } from '../support/db'
import { TMP_DIR } from '../support/paths'
import { call } from '../support/routes'

interface Reply {
  errors: ImportError[]
  result: { error?: Record<string, string[] | null> } | null
}

function upload(format: string, name: string, bytes: Uint8Array, cookie: string): Request {
  const form = new FormData()
  for (const [k, v] of Object.entries({ intent: 'preview', title: '坏文件', format, separator: 'comma', language: 'one' })) form.set(k, v)
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name))
  return new Request('http://localhost/decks/import', { method: 'POST', body: form, headers: { Cookie: `${cookie}; sd_lang=zh-Hans` } })
}

/** A SQLite file with a `col` table and no `notes`: a database, but not an Anki collection. */
async function collectionWithoutNotes(): Promise<Uint8Array> {
  mkdirSync(TMP_DIR, { recursive: true })
  const file = path.join(TMP_DIR, `no-notes-${randomUUID()}.sqlite`)
  try {
    const client = createClient({ url: `file:${file}` })
    await client.execute('create table col (id integer primary key, models text)')
    client.close()
    return new Uint8Array(readFileSync(file))
  } finally {
    rmSync(file, { force: true })
  }
}

/** The package with its compressed bytes overwritten (the archive's directory, at the end, intact). */
function damaged(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes)
  copy.fill(0xff, 60, 260)
  return copy
}

const text = (s: string) => new TextEncoder().encode(s)
const CJK = /[\u4e00-\u9fff]/
// Words of the readers' and libraries' English (fflate, libSQL, fast-xml-parser, gift-pegjs, Papa Parse).
const READER_ENGLISH = /invalid|unexpected|expected|error|not a|database|closing|found|truncated|quote|zip data|Missing/i

describe('an unreadable file, with the interface in Chinese', () => {
  it('is named in Chinese for each kind, and nothing is written', async () => {
    const db = await freshDatabase()
    const teacher = await signUp('instructor')
    const written = async () => ({
      decks: (await db.select({ n: count() }).from(decks))[0]!.n,
      items: (await db.select({ n: count() }).from(items))[0]!.n,
    })
    const before = await written()
    const good = await legacyCollection([BASIC], [{ mid: BASIC.id, fields: ['APEC', 'Asia-Pacific Economic Cooperation'] }])

    const cases: Array<[string, string, string, Uint8Array]> = [
      ['a corrupt .apkg (not a zip)', 'apkg', 'broken.apkg', text('PK\u0003\u0004 this is not really a zip archive')],
      ['a zip without a collection', 'apkg', 'empty.apkg', apkg({ media: text('{}') })],
      ['a truncated package', 'apkg', 'cut.apkg', apkg({ 'collection.anki21': good }).subarray(0, 400)],
      ['a package with a damaged collection', 'apkg', 'damaged.apkg', damaged(apkg({ 'collection.anki21': good }))],
      ['a collection that is not SQLite', 'apkg', 'text.apkg', apkg({ 'collection.anki21': text('just some text, not a database') })],
      ['a collection without a notes table', 'apkg', 'no-notes.apkg', apkg({ 'collection.anki21': await collectionWithoutNotes() })],
      ['a package that expands past the cap', 'apkg', 'bomb.apkg', zipSync({ 'collection.anki21': new Uint8Array(33 * 1024 * 1024) })],
      ['invalid XML', 'moodle-xml', 'quiz.xml', text('<quiz>\n<question type="truefalse">\n<name><text>x</text></name>\n</quiz>\n')],
      ['XML that is not a Moodle quiz', 'moodle-xml', 'other.xml', text('<catalog><book/></catalog>')],
      ['XML with a DOCTYPE', 'moodle-xml', 'doctype.xml', text('<!DOCTYPE quiz [<!ENTITY a "aaaa">]><quiz>&a;</quiz>')],
      ['GIFT that does not parse', 'gift', 'quiz.txt', text('::Q1:: Who chaired ASEAN in 2025? {=Malaysia ~Japan\n')],
      ['a CSV in Latin-1', 'csv', 'terms.csv', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x63, 0x6f, 0x66, 0x66, 0x65, 0x65, 0x0a])],
      ['a CSV with a broken quotation', 'csv', 'quotes.csv', text('APEC,"Asia-Pacific\nG7,Group of Seven\n')],
    ]
    for (const [kind, format, name, bytes] of cases) {
      const reply = await call<Reply>(importAction, upload(format, name, bytes, teacher.cookie))
      expect(reply.status, kind).toBe(422)
      expect(reply.body.errors.length, kind).toBeGreaterThan(0)
      for (const error of reply.body.errors) {
        expect(error.problem, kind).toBeDefined()
        const zh = importErrorText(zhHans, error)
        expect(zh, kind).toMatch(CJK)
        expect(zh, kind).not.toMatch(READER_ENGLISH)
        expect(zh, kind).not.toContain(error.detail ?? '\u0000')
      }
    }
    // The problems named, kind by kind (each a key the i18n layer words).
    const problems = []
    for (const [, format, name, bytes] of cases)
      problems.push((await call<Reply>(importAction, upload(format, name, bytes, teacher.cookie))).body.errors[0]!.problem)
    expect(problems).toEqual([
      'notZip',
      'noCollection',
      'notZip',
      'zipDamaged',
      'notAnkiCollection',
      'noNotesTable',
      'expandsPastCap',
      'xmlSyntax',
      'xmlNoQuiz',
      'xmlDoctype',
      'giftSyntax',
      'notText',
      'csvSyntax',
    ])

    // An empty file, and one over the upload cap, are refused by the form's schema: its keys, worded in Chinese.
    const empty = await call<Reply>(importAction, upload('csv', 'empty.csv', new Uint8Array(), teacher.cookie))
    const huge = await call<Reply>(importAction, upload('apkg', 'huge.apkg', new Uint8Array(2 * 1024 * 1024 + 1), teacher.cookie))
    for (const [reply, key] of [
      [empty, 'errorImportFile'],
      [huge, 'errorImportFileTooLarge'],
    ] as const) {
      expect(reply.status).toBe(400)
      expect(reply.body.result?.error?.file).toEqual([key])
      expect(messageText(zhHans, key)).toMatch(CJK)
    }
    expect(await written()).toEqual(before)
  })
})
