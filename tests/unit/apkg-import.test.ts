/** Anki package import: both layouts, note types to kinds, caps on declared and actual expansion, errors by note. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { draftsFromNotes, unpackApkg } from '~/domain/interchange/apkg-import'
import { finishImport } from '~/domain/interchange/import-item'
import { readAnkiNotes } from '~/utils/anki-collection.server'
import { readImportFile } from '~/utils/import-file.server'
import { apkg, BASIC, legacyCollection } from '../support/anki-package'
import { importReferences } from '../support/import-references'
import { ROOT } from '../support/paths'

const refs = importReferences()
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'anki', name)))
const read = (bytes: Uint8Array, language: 'one' | 'both' = 'one') =>
  readImportFile('apkg', bytes, { separator: 'comma', language, names: refs })

async function items(bytes: Uint8Array, language: 'one' | 'both' = 'one') {
  const parsed = await read(bytes, language)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const done = finishImport(parsed.drafts, 'imp-a', refs)
  if (!done.ok) throw new Error(JSON.stringify(done.errors))
  return done.items
}

const QUOTE = 'With the inauguration of the Takaichi Sanae administration on October 21 last year'
const SOURCEDECK = { id: 1764800000000, name: 'Sourcedeck', fields: ['Prompt', 'Answer', 'Explanation', 'Citation'] }

describe('Anki package import', () => {
  it('reads a legacy collection.anki21: Basic notes as flip cards, HTML fields as text, tags', async () => {
    const collection = await legacyCollection(
      [BASIC],
      [
        {
          mid: BASIC.id,
          fields: ['What does <i>FOIP</i> stand for?', 'Free and Open Indo-Pacific<br>(a vision)'],
          tags: ['Diplomacy::Asia', 'event'],
        },
        { mid: BASIC.id, fields: ['&lt;script&gt;alert(1)&lt;/script&gt;', 'shown as text'] },
      ],
    )
    const [foip, script] = await items(apkg({ 'collection.anki21': collection }))
    expect(foip).toMatchObject({
      id: 'imp-a-1',
      kind: 'flip',
      category: 'event',
      tags: ['diplomacy-asia'],
      prompt: { en: 'What does FOIP stand for?' },
      answer: { en: 'Free and Open Indo-Pacific\n(a vision)' },
    })
    expect(script!.prompt.en).toBe('<script>alert(1)</script>')
  })

  it("reads Sourcedeck's own note type back: explanation, and the citation verified against the source", async () => {
    const citation = `Special Dialogue: Prospects for Japanese Diplomacy in 2026 — Advancing the Strategies of the “Free and Open Indo-Pacific” Further, Opening question — Hosoya Yuichi: “${QUOTE}” (随着去年 10 月 21 日高市早苗政权成立)`
    const collection = await legacyCollection(
      [SOURCEDECK],
      [
        {
          mid: SOURCEDECK.id,
          fields: [
            'When did the Takaichi administration start? / 高市政府何时成立？',
            '21 October 2025 / 2025 年 10 月 21 日',
            'Inferred. / 推断。',
            citation,
          ],
          tags: ['sourcedeck-kind-flip', 'date', 'sourcedeck-id-mh-x'],
        },
      ],
    )
    const [item] = await items(apkg({ 'collection.anki21': collection }), 'both')
    expect(item).toMatchObject({
      kind: 'flip',
      category: 'event',
      tags: [],
      prompt: { en: 'When did the Takaichi administration start?', zh: '高市政府何时成立？' },
      explanation: { en: 'Inferred.', zh: '推断。' },
    })
    expect(item!.sources).toEqual([
      {
        doc: 'motegi-hosoya-2026-en',
        locator: 'Opening question',
        speaker: 'hosoya',
        quote: QUOTE,
        translation: '随着去年 10 月 21 日高市早苗政权成立',
      },
    ])
    // A quote the source does not hold is refused, naming the note.
    const forged = await legacyCollection(
      [SOURCEDECK],
      [{ mid: SOURCEDECK.id, fields: ['Q', 'A', '', citation.replace('October 21', 'May 1')] }],
    )
    const parsed = await read(apkg({ 'collection.anki21': forged }))
    expect(parsed.ok && finishImport(parsed.drafts, 'imp-a', refs)).toMatchObject({
      ok: false,
      errors: [{ question: 1, code: 'citation', field: 'quote' }],
    })
  })

  it('reads the newer zstd-compressed collection.anki21b (schema 18): a type-the-answer card becomes typed', async () => {
    const result = await items(apkg({ 'collection.anki21b': fixture('schema18.anki21b'), 'collection.anki21': new Uint8Array([1, 2, 3]) }))
    expect(result.map((i) => [i.kind, i.prompt.en, i.answer.en])).toEqual([
      ['flip', 'Who asks the questions in the dialogue?', 'Hosoya Yuichi'],
      ['typed', 'Capital of Japan?', 'Tokyo'],
    ])
    expect(result[0]).toMatchObject({ category: 'actor', tags: ['dialogue'] })
  })

  it('refuses cloze note types and empty notes by note number', async () => {
    const cloze = { id: 1700000000003, name: 'Cloze', fields: ['Text', 'Back Extra'], cloze: true }
    const collection = await legacyCollection(
      [BASIC, cloze],
      [
        { mid: BASIC.id, fields: ['ok', 'fine'] },
        { mid: cloze.id, fields: ['{{c1::Tokyo}} is the capital', ''] },
        { mid: BASIC.id, fields: ['no answer', ''] },
      ],
    )
    const parsed = await read(apkg({ 'collection.anki21': collection }))
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { question: 2, title: '{{c1::Tokyo}} is the capital', code: 'unknownKind', detail: 'Cloze (cloze)' },
        { question: 3, title: 'no answer', code: 'missingField', field: 'back' },
      ],
    })
    expect(draftsFromNotes([], 'one', null)).toEqual({ ok: false, errors: [{ code: 'empty' }] })
  })

  it('refuses what is not a package: not a zip, no collection, a broken collection', async () => {
    expect(await read(new TextEncoder().encode('just text'))).toMatchObject({ ok: false, errors: [{ code: 'malformed' }] })
    expect(await read(zipSync({ 'notes.txt': new TextEncoder().encode('hi') }))).toMatchObject({
      ok: false,
      errors: [{ code: 'malformed' }],
    })
    expect(await read(apkg({ 'collection.anki21': new TextEncoder().encode('not sqlite at all, really') }))).toMatchObject({
      ok: false,
      errors: [{ code: 'malformed' }],
    })
  })

  it('refuses an archive that declares more than the cap, and one that expands past it while declaring less', () => {
    const zeros = new Uint8Array(3 * 1024 * 1024)
    const honest = zipSync({ 'collection.anki21': zeros }, { level: 9 })
    expect(honest.byteLength).toBeLessThan(20_000)
    expect(unpackApkg(honest, 1024 * 1024)).toMatchObject({
      ok: false,
      errors: [{ code: 'tooLarge', detail: expect.stringContaining('declares') }],
    })
    // The same archive with both size fields claiming 1 KB: the bytes actually inflated are counted and stop at the cap.
    const lying = honest.slice()
    const view = new DataView(lying.buffer)
    for (let i = 0; i < lying.byteLength - 4; i++) {
      const sig = view.getUint32(i, true)
      if (sig === 0x04034b50) view.setUint32(i + 22, 1024, true)
      if (sig === 0x02014b50) view.setUint32(i + 24, 1024, true)
    }
    expect(unpackApkg(lying, 1024 * 1024)).toMatchObject({
      ok: false,
      errors: [{ code: 'tooLarge', detail: expect.stringContaining('expands past') }],
    })
    // Under the cap but not the size declared: refused as malformed.
    expect(unpackApkg(lying, 8 * 1024 * 1024)).toMatchObject({ ok: false, errors: [{ code: 'malformed' }] })
    // zstd inside the package: 5 MB of zeros in 174 bytes stops at the cap too.
    const bomb = apkg({ 'collection.anki21b': fixture('zeros-5mb.zst') })
    expect(unpackApkg(bomb, 1024 * 1024)).toMatchObject({
      ok: false,
      errors: [{ code: 'tooLarge', detail: expect.stringContaining('collection.anki21b') }],
    })
  })

  it('reads notes straight from a collection file', async () => {
    const notes = await readAnkiNotes(await legacyCollection([BASIC], [{ mid: BASIC.id, fields: ['a', 'b'], tags: ['x'] }]))
    expect(notes).toEqual([
      {
        fields: [
          { name: 'Front', value: 'a' },
          { name: 'Back', value: 'b' },
        ],
        tags: ['x'],
        noteType: { name: 'Basic', cloze: false, typesAnswer: false },
      },
    ])
  })
})
