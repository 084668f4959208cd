import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildContentBundle, deckIdsForItem, normalizeForQuoteMatch, verifyQuotes } from '~/domain/content/bundle'
import { formatContentError, type ContentError } from '~/domain/content/errors'
import { isValidContentDate } from '~/domain/content/schema'
import { FIXTURE_CONTENT } from '../support/paths'

const sources = { file: 'sources.yaml', text: readFileSync(path.join(FIXTURE_CONTENT, 'sources.yaml'), 'utf8') }
const speakers = { file: 'speakers.yaml', text: readFileSync(path.join(FIXTURE_CONTENT, 'speakers.yaml'), 'utf8') }
const decks = { file: 'decks.yaml', text: readFileSync(path.join(FIXTURE_CONTENT, 'decks.yaml'), 'utf8') }

const goodItem = `
  - id: t-date-one
    kind: flip
    category: date
    prompt: { en: When?, zh: 何时？ }
    answer: { en: 21 October 2025, zh: 2025 年 10 月 21 日 }
    date: 2025-10-21
    explanation: { en: Because., zh: 因为。 }
    sources:
      - doc: motegi-hosoya-2026-en
        speaker: motegi
        locator: Opening
        quote: With the inauguration of the Takaichi Sanae administration on October 21 last year
        translation: 随着去年 10 月 21 日高市早苗政权成立
`

function check(...banks: string[]) {
  return buildContentBundle({ sources, speakers, decks, banks: banks.map((text, i) => ({ file: `banks/b${i}.yaml`, text })) })
}
const messages = (errors: ContentError[]) => errors.map(formatContentError)

describe('content files', () => {
  it('accepts a valid item and assigns it to the decks whose filters match', () => {
    const { bundle, errors } = check(`bank: b\nitems:${goodItem}`)
    expect(errors).toEqual([])
    expect(bundle.items).toHaveLength(1)
    expect(deckIdsForItem(bundle.items[0]!, bundle.decks)).toEqual(['all', 'dates'])
  })

  it('names file, line, item and field for a missing translation', () => {
    const { errors } = check(`bank: b\nitems:${goodItem.replace('prompt: { en: When?, zh: 何时？ }', 'prompt: { en: When? }')}`)
    expect(messages(errors)).toEqual(['banks/b0.yaml:6 item "t-date-one" field "prompt.zh": is required'])
  })

  it('rejects malformed dates, including impossible days and reversed ranges', () => {
    const { errors } = check(`bank: b\nitems:${goodItem.replace('date: 2025-10-21', 'date: 2025-02-30')}`)
    expect(errors[0]).toMatchObject({ itemId: 't-date-one', field: 'date', line: 8 })
    expect(errors[0]!.message).toContain('must be a date like')
    expect(isValidContentDate('2025-10-26/2025-10-27')).toBe(true)
    expect(isValidContentDate('2025-10-27/2025-10-26')).toBe(false)
    expect(isValidContentDate('2025-13')).toBe(false)
    expect(isValidContentDate('25-10-21')).toBe(false)
  })

  it('requires a date on date items and two passages on framing items', () => {
    const noDate = check(`bank: b\nitems:${goodItem.replace('    date: 2025-10-21\n', '')}`)
    expect(messages(noDate.errors)[0]).toContain('field "date": a date item needs a "date" field')
    const framing = check(`bank: b\nitems:${goodItem.replace('category: date', 'category: framing')}`)
    expect(messages(framing.errors)[0]).toContain('field "sources": a framing item cites one passage per side')
  })

  it('reports duplicate ids across files with where the first one is', () => {
    const { errors } = check(`bank: a\nitems:${goodItem}`, `bank: b\nitems:${goodItem}`)
    expect(messages(errors)).toEqual(['banks/b1.yaml:3 item "t-date-one" field "id": duplicate id; first used at banks/b0.yaml:3'])
  })

  it('reports unknown source ids, unknown fields, bad kinds and categories, bad ids', () => {
    const bad = goodItem
      .replace('doc: motegi-hosoya-2026-en', 'doc: nonexistent-doc')
      .replace('kind: flip', 'kind: essay')
      .replace('id: t-date-one', 'id: T Date One')
      .replace('category: date', 'category: date\n    colour: red')
    const text = messages(check(`bank: b\nitems:${bad}`).errors).join('\n')
    expect(text).toContain('field "id": must be lower-case letters')
    expect(text).toContain('field "kind": must be one of: flip')
    expect(text).toContain('unknown field(s): colour')
    const unknownDoc = messages(check(`bank: b\nitems:${goodItem.replace('doc: motegi-hosoya-2026-en', 'doc: nonexistent-doc')}`).errors)
    expect(unknownDoc[0]).toContain('field "sources.0.doc": unknown source id "nonexistent-doc"')
  })

  it('reports YAML syntax errors with their line', () => {
    const { errors } = check('bank: b\nitems:\n  - id: x\n    prompt: { en: "unclosed\n')
    expect(errors[0]!.message).toMatch(/^YAML syntax/)
    expect(errors[0]!.line).toBeGreaterThan(0)
  })

  it('refuses an empty bank and a bank name used twice', () => {
    expect(messages(check('bank: b\nitems: []').errors)[0]).toContain('a bank holds at least one item')
    const twice = check(`bank: same\nitems:${goodItem}`, `bank: same\nitems:${goodItem.replace('t-date-one', 't-date-two')}`)
    expect(messages(twice.errors)[0]).toContain('bank name "same" is already used by banks/b0.yaml')
  })
})

describe('quote verification', () => {
  const text = 'Hosoya Yuichi: With the inauguration of the Takaichi\nSanae administration on [October 21 \\(last\\)](#) year, you'
  const srcs = [
    {
      id: 'motegi-hosoya-2026-en',
      file: 'x',
      language: 'en',
      perspective: 'japanese-official',
      title: { en: 'a', zh: 'b' },
      outlet: { en: 'a', zh: 'b' },
      date: null,
      translationOf: null,
    },
  ] as const

  it('ignores whitespace and link markup, but not other differences', () => {
    expect(normalizeForQuoteMatch('a b\n c')).toBe('abc')
    const { bundle } = check(`bank: b\nitems:${goodItem}`)
    const item = bundle.items[0]!
    const ok = { ...item, sources: [{ ...item.sources[0]!, quote: 'Takaichi Sanae administration on October 21 (last) year' }] }
    const wrong = { ...item, sources: [{ ...item.sources[0]!, quote: 'Takaichi Sanae administration on October 22' }] }
    const texts = new Map([['motegi-hosoya-2026-en', text]])
    const withItems = (items: typeof bundle.items) => ({ ...bundle, sources: [...srcs], items })
    expect(verifyQuotes(withItems([ok]), texts)).toEqual([])
    expect(messages(verifyQuotes(withItems([wrong]), texts))[0]).toContain(
      'b0.yaml:3 item "t-date-one" field "sources.0.quote": quote not found in motegi-hosoya-2026-en',
    )
  })
})
