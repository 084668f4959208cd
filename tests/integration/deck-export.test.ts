import { createClient } from '@libsql/client'
import { strFromU8, unzipSync } from 'fflate'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse as parseGift } from 'gift-pegjs'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { exportSelection, liveDeck } from '~/data/deck-export.server'
import { ANKI_FIELDS, FIELD_SEPARATOR, guidFor, stripAnkiHtml } from '~/domain/interchange/apkg-export'
import { textToHtml } from '~/domain/interchange/kind-mapping'
import { buildApkg } from '~/utils/apkg-file.server'
import { freshDatabase } from '../support/db'
import { ROOT } from '../support/paths'

const outDir = () => mkdtempSync(path.join(tmpdir(), 'sd-export-'))

/** The collection inside an .apkg, opened with the project's libSQL client. */
async function openApkg(bytes: Uint8Array) {
  const files = unzipSync(bytes)
  expect(Object.keys(files).sort()).toEqual(['collection.anki21', 'media'])
  expect(strFromU8(files.media!)).toBe('{}')
  const file = path.join(outDir(), 'collection.anki21')
  writeFileSync(file, files['collection.anki21']!)
  return createClient({ url: `file:${file}` })
}

describe('Anki package export', () => {
  it('holds one note with four fields and one new card per item, with Anki’s checksum, guid and JSON', async () => {
    const db = await freshDatabase()
    const deck = (await liveDeck(db, 'kinds'))!
    const selection = await exportSelection(db, { deck })
    expect(selection.items.length).toBeGreaterThanOrEqual(8)
    const anki = await openApkg(await buildApkg(selection.deck, selection.items, { ...selection.names, lang: 'en' }))
    try {
      const tables = (await anki.execute("select name from sqlite_master where type = 'table' order by name")).rows.map((r) => r.name)
      expect(tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog'])
      const [col] = (await anki.execute('select ver, models, decks, dconf from col')).rows
      expect(col!.ver).toBe(11)
      const models = JSON.parse(String(col!.models))
      const [mid] = Object.keys(models)
      expect(models[mid!].flds.map((f: { name: string }) => f.name)).toEqual([...ANKI_FIELDS])
      const decks = JSON.parse(String(col!.decks))
      const notes = (await anki.execute('select id, guid, mid, flds, sfld, csum, tags from notes order by id')).rows
      const cards = (await anki.execute('select nid, did, ord, type, queue, due from cards order by due')).rows
      expect(notes).toHaveLength(selection.items.length)
      expect(cards).toHaveLength(selection.items.length)
      expect(new Set(notes.map((n) => n.guid)).size).toBe(notes.length)
      notes.forEach((note, i) => {
        const { item } = selection.items[i]!
        const fields = String(note.flds).split(FIELD_SEPARATOR)
        expect(fields).toHaveLength(4)
        expect(fields[0]!.startsWith(textToHtml(item.prompt.en))).toBe(true)
        expect(fields[1]).toBe(textToHtml(item.answer.en))
        expect(fields[2]).toBe(textToHtml(item.explanation.en))
        expect(fields[3]).toContain(textToHtml(item.sources[0]!.quote))
        expect(String(note.mid)).toBe(mid)
        expect(note.guid).toBe(guidFor(item.id))
        expect(String(note.tags)).toContain(` sourcedeck-kind-${item.kind} `)
        const stripped = stripAnkiHtml(fields[0]!)
        expect(String(note.sfld)).toBe(stripped)
        expect(note.csum).toBe(parseInt(createHash('sha1').update(stripped).digest('hex').slice(0, 8), 16))
      })
      for (const card of cards) {
        expect(notes.some((n) => n.id === card.nid)).toBe(true)
        expect(decks[String(card.did)].name).toBe('Sourcedeck::Every question kind')
        expect([card.ord, card.type, card.queue]).toEqual([0, 0, 0])
      }
    } finally {
      anki.close()
    }
  })

  it('keeps markup in a field as text', async () => {
    const db = await freshDatabase()
    const selection = await exportSelection(db, { deck: (await liveDeck(db, 'kinds'))! })
    const first = selection.items[0]!
    const hostile = { ...first, item: { ...first.item, answer: { en: '<img src=x onerror=alert(1)>', zh: '<b>粗</b>' } } }
    const anki = await openApkg(await buildApkg(selection.deck, [hostile], { lang: 'both' }))
    try {
      const [note] = (await anki.execute('select flds from notes')).rows
      const answer = String(note!.flds).split(FIELD_SEPARATOR)[1]
      expect(answer).toBe('&lt;img src=x onerror=alert(1)&gt; / &lt;b&gt;粗&lt;/b&gt;')
    } finally {
      anki.close()
    }
  })
})

/**
 * What Anki's importer reads from a legacy package (checked against ankitects/anki's rslib: schema11.sql, the
 * package meta and apkg import, and the schema-11 serde structs its upgrade to schema 18 deserializes col's JSON
 * with): every table and column, and every key those structs require without a default.
 */
describe('Anki package export, as Anki reads it', () => {
  const SCHEMA11: Record<string, string[]> = {
    col: ['id', 'crt', 'mod', 'scm', 'ver', 'dty', 'usn', 'ls', 'conf', 'models', 'decks', 'dconf', 'tags'],
    notes: ['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data'],
    cards: [
      'id',
      'nid',
      'did',
      'ord',
      'mod',
      'usn',
      'type',
      'queue',
      'due',
      'ivl',
      'factor',
      'reps',
      'lapses',
      'left',
      'odue',
      'odid',
      'flags',
      'data',
    ],
    revlog: ['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'],
    graves: ['usn', 'oid', 'type'],
  }
  const hasKeys = (value: Record<string, unknown>, keys: string[]) => expect(Object.keys(value)).toEqual(expect.arrayContaining(keys))

  it('has schema 11’s tables and columns, no meta entry (so Anki reads collection.anki21), and the JSON keys Anki requires', async () => {
    const db = await freshDatabase()
    const selection = await exportSelection(db, { deck: (await liveDeck(db, 'kinds'))! })
    const before = Date.now()
    const anki = await openApkg(await buildApkg(selection.deck, selection.items, { ...selection.names, lang: 'both' }))
    try {
      for (const [table, columns] of Object.entries(SCHEMA11)) {
        const info = (await anki.execute(`pragma table_info(${table})`)).rows
        expect(
          info.map((c) => c.name),
          table,
        ).toEqual(columns)
        // Every column is NOT NULL in schema 11 except the primary keys.
        expect(
          info.every((c) => c.notnull === 1 || c.pk === 1),
          table,
        ).toBe(true)
      }
      const [col] = (await anki.execute('select * from col')).rows
      // Schema version 11 (Anki opens 11 to 18 and upgrades); crt in seconds, mod and scm in milliseconds.
      expect([col!.id, col!.ver, col!.dty, col!.usn, col!.ls]).toEqual([1, 11, 0, 0, 0])
      expect(Number(col!.crt)).toBeLessThan(before / 1000 + 1)
      expect(Number(col!.crt)).toBeGreaterThan(before / 1000 - 2 * 86_400)
      expect(Number(col!.mod)).toBeGreaterThanOrEqual(before)
      expect(JSON.parse(String(col!.tags))).toEqual({})
      expect(typeof JSON.parse(String(col!.conf))).toBe('object')

      // NotetypeSchema11, NoteFieldSchema11, CardTemplateSchema11.
      const models = Object.values(JSON.parse(String(col!.models))) as Array<Record<string, unknown>>
      for (const model of models) {
        hasKeys(model, ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css'])
        expect([model.type, model.sortf]).toEqual([0, 0])
        expect(Number(model.mod)).toBeLessThan(before / 1000 + 100)
        expect(model.req).toEqual([[0, 'any', [0]]])
        for (const field of model.flds as Array<Record<string, unknown>>) hasKeys(field, ['name', 'ord', 'sticky', 'rtl', 'font', 'size'])
        for (const template of model.tmpls as Array<Record<string, unknown>>) {
          hasKeys(template, ['name', 'ord', 'qfmt', 'afmt'])
          expect(String(template.qfmt)).toContain('{{Prompt}}')
        }
      }
      // DeckSchema11 (normal decks): the common keys, the four day counters and the options group.
      const decks = JSON.parse(String(col!.decks)) as Record<string, Record<string, unknown>>
      for (const [id, deck] of Object.entries(decks)) {
        hasKeys(deck, ['id', 'name', 'usn', 'collapsed', 'dyn', 'conf', 'lrnToday', 'revToday', 'newToday', 'timeToday'])
        expect([String(deck.id), deck.dyn]).toEqual([id, 0])
        expect(Object.keys(JSON.parse(String(col!.dconf)))).toContain(String(deck.conf))
      }
      // DeckConfSchema11 and its new, rev and lapse groups.
      for (const conf of Object.values(JSON.parse(String(col!.dconf))) as Array<Record<string, Record<string, unknown>>>) {
        hasKeys(conf, ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse'])
        hasKeys(conf.new!, ['delays', 'initialFactor', 'ints', 'order', 'perDay'])
        hasKeys(conf.rev!, ['ease4', 'ivlFct', 'maxIvl', 'perDay'])
        hasKeys(conf.lapse!, ['delays', 'leechAction', 'leechFails', 'minInt', 'mult'])
      }
      // Each card's deck and note type are in the package; note mod times are in seconds (Anki updates a note
      // it already has from a package only when the package's is newer).
      const cards = (await anki.execute('select did, nid from cards')).rows
      const notes = (await anki.execute('select id, mid, mod, flds from notes')).rows
      for (const card of cards) expect(decks[String(card.did)]).toBeDefined()
      for (const note of notes) {
        const model = models.find((m) => String(m.id) === String(note.mid))!
        expect(String(note.flds).split(FIELD_SEPARATOR)).toHaveLength((model.flds as unknown[]).length)
        expect(Number(note.mod)).toBeLessThan(before / 1000 + 100)
      }
      expect(new Set(cards.map((c) => c.nid)).size).toBe(notes.length)
    } finally {
      anki.close()
    }
  })
})

describe('npm run deck:export', () => {
  function run(args: string[]) {
    return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'db', 'export-deck.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env },
      encoding: 'utf8',
    })
  }

  it('writes each format of a deck, and a filter', async () => {
    const db = await freshDatabase()
    const count = (await exportSelection(db, { deck: (await liveDeck(db, 'kinds'))! })).items.length
    const dir = outDir()
    for (const format of ['gift', 'moodle-xml', 'csv', 'apkg']) {
      const out = path.join(dir, `kinds.${format}`)
      const r = run(['--deck', 'kinds', '--format', format, '--out', out, '--lang', 'zh'])
      expect(r.stderr).toContain(`wrote ${count} items (${format}, zh)`)
      expect(r.status).toBe(0)
      const bytes = readFileSync(out)
      if (format === 'gift') expect(parseGift(bytes.toString('utf8')).filter((q) => q.type !== 'Category')).toHaveLength(count)
      if (format === 'moodle-xml') expect(XMLValidator.validate(bytes.toString('utf8'))).toBe(true)
      if (format === 'csv') expect(bytes.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(count)
      if (format === 'apkg') {
        const anki = await openApkg(new Uint8Array(bytes))
        expect((await anki.execute('select count(*) n from cards')).rows[0]!.n).toBe(count)
        anki.close()
      }
    }
    const out = path.join(dir, 'dates.csv')
    const r = run(['--category', 'date', '--format', 'csv', '--out', out])
    expect(r.status).toBe(0)
    const dates = (await exportSelection(db, { filter: { categories: ['date'] } })).items.length
    expect(dates).toBeGreaterThan(0)
    expect(readFileSync(out, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(dates)
  }, 120_000)

  it.each([
    [['--deck', 'no-such-deck', '--format', 'csv'], 'no deck "no-such-deck"'],
    [['--deck', 'kinds', '--format', 'pdf'], 'unknown --format "pdf"'],
    [['--deck', 'kinds', '--format', 'csv', '--lang', 'fr'], 'unknown --lang "fr"'],
    [['--format', 'csv'], 'give --deck ID, or a filter'],
    [['--deck', 'kinds', '--category', 'date', '--format', 'csv'], 'either --deck or a filter'],
    [['--category', 'weather', '--format', 'csv'], 'unknown --category "weather"'],
    [['--tag', 'no-such-tag', '--format', 'csv'], 'nothing to export'],
    [['--deck', 'kinds', '--format', 'csv', '--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j with a clear error and writes no file', async (args, message) => {
    await freshDatabase()
    const out = path.join(outDir(), 'out.file')
    const r = run([...args, '--out', out])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(message)
    expect(existsSync(out)).toBe(false)
  })

  it('refuses an --out in a folder that does not exist', async () => {
    await freshDatabase()
    const r = run(['--deck', 'kinds', '--format', 'csv', '--out', path.join(outDir(), 'missing', 'x.csv')])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('the folder of --out does not exist')
  })
})
