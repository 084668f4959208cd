/** CSV/TSV import: both layouts, each kind, citations verified against the real sources, errors by line. */
import { describe, expect, it } from 'vitest'
import { parseCsv } from '~/domain/interchange/csv-import'
import { finishImport, type ContentReferences, type ImportDraft } from '~/domain/interchange/import-item'
import { importReferences } from '../support/import-references'

const refs: ContentReferences = importReferences()

function items(text: string, separator: 'comma' | 'tab' | 'semicolon' = 'comma') {
  const parsed = parseCsv(text, separator)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const done = finishImport(parsed.drafts, 'imp-test', refs)
  if (!done.ok) throw new Error(JSON.stringify(done.errors))
  return done.items
}

function errorsOf(text: string, separator: 'comma' | 'tab' | 'semicolon' = 'comma') {
  const parsed = parseCsv(text, separator)
  if (!parsed.ok) return parsed.errors
  const done = finishImport(parsed.drafts, 'imp-test', refs)
  return done.ok ? [] : done.errors
}

describe('CSV import', () => {
  it('reads Quizlet-style term,definition rows as flip cards with ids in the private deck', () => {
    const result = items('APEC,Asia-Pacific Economic Cooperation\n"Quad, the","Australia, India, Japan and the U.S."\n')
    expect(result.map((i) => [i.id, i.kind, i.prompt.en, i.answer.en])).toEqual([
      ['imp-test-1', 'flip', 'APEC', 'Asia-Pacific Economic Cooperation'],
      ['imp-test-2', 'flip', 'Quad, the', 'Australia, India, Japan and the U.S.'],
    ])
    // One text in the file serves both card languages; without an explanation the answer explains.
    expect(result[0]!.prompt.zh).toBe('APEC')
    expect(result[0]!.explanation).toEqual(result[0]!.answer)
    expect(result[0]!.sources).toEqual([])
  })

  it('takes the separator picked: tab and semicolon', () => {
    expect(items('a\tb, c\n', 'tab')[0]!.answer.en).toBe('b, c')
    expect(items('a;b, c\n', 'semicolon')[0]!.answer.en).toBe('b, c')
    // The wrong separator leaves one column: named by line.
    expect(errorsOf('a\tb\n', 'comma')).toEqual([{ line: 1, code: 'badColumns', detail: '1/2–3' }])
  })

  it('reads a header layout: typed with accepted forms, choice with distractors, Chinese columns, tags', () => {
    const text = [
      'kind,prompt,answer,accepted,distractors,prompt_zh,answer_zh,tags,category',
      'typed,Who became Foreign Minister?,Motegi Toshimitsu,Motegi|Toshimitsu Motegi,,谁出任外相？,茂木敏充,people japan,actor',
      'choice,Capital of Japan?,Tokyo,,Osaka|Kyoto|Nagoya,,,,',
    ].join('\n')
    const [typed, choice] = items(text)
    expect(typed).toMatchObject({
      kind: 'typed',
      category: 'actor',
      accepted: ['Motegi', 'Toshimitsu Motegi'],
      tags: ['people', 'japan'],
      prompt: { en: 'Who became Foreign Minister?', zh: '谁出任外相？' },
      answer: { zh: '茂木敏充' },
    })
    expect(choice).toMatchObject({
      kind: 'choice',
      distractors: [
        { en: 'Osaka', zh: 'Osaka' },
        { en: 'Kyoto', zh: 'Kyoto' },
        { en: 'Nagoya', zh: 'Nagoya' },
      ],
    })
  })

  it('names rows by the line they start on, across quoted line breaks and blank lines (a term,definition header is read as one)', () => {
    const text = 'term,definition\n"two\nlines",fine\n\nonly-one-column\nx,\n'
    expect(errorsOf(text)).toEqual([
      { line: 5, code: 'badColumns', detail: '1/2' },
      { line: 6, code: 'missingField', field: 'answer' },
    ])
  })

  it('refuses unknown kinds, unterminated quotes, an empty file', () => {
    expect(errorsOf('kind,prompt,answer\nessay,Discuss,Anything\n')).toEqual([{ line: 2, code: 'unknownKind', detail: 'essay' }])
    expect(errorsOf('a,b\nc,"d\n')[0]).toMatchObject({ line: 2, code: 'malformed' })
    expect(errorsOf('\n\n')).toEqual([{ code: 'empty' }])
  })

  it('checks every row with the content schema: a choice needs 2–5 distractors, a bad category is named', () => {
    const errors = errorsOf('kind,prompt,answer,distractors,category\nchoice,Q,A,B,event\nflip,Q2,A2,,colour\n')
    expect(errors).toEqual([
      expect.objectContaining({ line: 2, code: 'invalid', field: 'distractors' }),
      expect.objectContaining({ line: 3, code: 'invalid', field: 'category' }),
    ])
  })

  it('verifies a citation as content:check does: a real quote passes, an invented one is named', () => {
    const header = 'prompt,answer,source,quote,locator,speaker,translation'
    const good = `${header}\nWhen did Takaichi's administration start?,21 October 2025,motegi-hosoya-2026-en,"With the inauguration of the Takaichi Sanae administration on October 21 last year",Opening question,hosoya,随着去年 10 月 21 日高市早苗政权成立\n`
    expect(items(good)[0]!.sources).toEqual([
      {
        doc: 'motegi-hosoya-2026-en',
        quote: 'With the inauguration of the Takaichi Sanae administration on October 21 last year',
        locator: 'Opening question',
        speaker: 'hosoya',
        translation: '随着去年 10 月 21 日高市早苗政权成立',
      },
    ])
    const invented = good.replace('October 21', 'November 3')
    expect(errorsOf(invented)).toEqual([expect.objectContaining({ line: 2, code: 'citation', field: 'quote' })])
    expect(errorsOf(good.replace('motegi-hosoya-2026-en', 'no-such-doc'))).toEqual([
      expect.objectContaining({ line: 2, code: 'citation', field: 'source', detail: 'no-such-doc' }),
    ])
    expect(errorsOf(`${header}\nQ,A,motegi-hosoya-2026-en,,,,\n`).map((e) => e.field)).toEqual([
      'quote',
      'locator',
      'speaker',
      'translation',
    ])
    // A server without the source texts cannot verify, so refuses rather than store an unverified quote.
    const parsed = parseCsv(good, 'comma') as { ok: true; drafts: ImportDraft[] }
    expect(finishImport(parsed.drafts, 'imp-test', { ...refs, texts: null })).toMatchObject({ ok: false })
  })

  it('keeps markup and script as text', () => {
    const [item] = items('<b>bold</b>,<script>alert(1)</script>\n')
    expect(item!.prompt.en).toBe('<b>bold</b>')
    expect(item!.answer.en).toBe('<script>alert(1)</script>')
  })
})
