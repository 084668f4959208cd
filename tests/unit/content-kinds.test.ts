import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildContentBundle } from '~/domain/content/bundle'
import { formatContentError } from '~/domain/content/errors'
import { FIXTURE_CONTENT } from '../support/paths'

const sources = { file: 'sources.yaml', text: readFileSync(path.join(FIXTURE_CONTENT, 'sources.yaml'), 'utf8') }
const decks = { file: 'decks.yaml', text: readFileSync(path.join(FIXTURE_CONTENT, 'decks.yaml'), 'utf8') }

const speakers = { file: 'speakers.yaml', text: readFileSync(path.join(FIXTURE_CONTENT, 'speakers.yaml'), 'utf8') }
/** Kinds whose answer must name the speaker of each statement. */
const namesSpeakers = ['attribution', 'framing-pair']

const base = (kind: string, extra: string, category = 'event') => `bank: k
items:
  - id: k-item
    kind: ${kind}
    category: ${category}
    prompt: { en: Q?, zh: 问？ }
    answer: ${namesSpeakers.includes(kind) ? '{ en: "Motegi / Hua", zh: 茂木／华浩男 }' : '{ en: A, zh: 答 }'}
    explanation: { en: E., zh: 解。 }
    sources:
      - { doc: motegi-hosoya-2026-en, speaker: motegi, locator: L, quote: With the inauguration, translation: 随着 }
      - { doc: hua-haonan-trump-takaichi, speaker: hua-haonan, locator: L, quote: 会谈, translation: talks }
${extra}`
const errorsOf = (text: string) =>
  buildContentBundle({ sources, speakers, decks, banks: [{ file: 'banks/k.yaml', text }] }).errors.map(formatContentError)

describe('item kinds in content files', () => {
  it.each([
    ['flip', ''],
    ['typed', ''],
    ['choice', ''],
    ['choice', '    distractors: [{ en: B, zh: 乙 }, { en: C, zh: 丙 }, { en: D, zh: 丁 }]'],
    ['true-false', '    statement: { en: S, zh: 述 }\n    isTrue: false'],
    ['cloze', '    cloze: { en: "The answer is [[A]].", zh: "答案是[[答]]。" }'],
    [
      'ordering',
      '    events:\n      - { en: one, zh: 一, date: 2025-10-21 }\n      - { en: two, zh: 二, date: 2025-10-28 }\n      - { en: three, zh: 三, date: 2025-11 }',
    ],
    [
      'matching',
      '    pairs:\n      - { left: { en: a, zh: 甲 }, right: { en: x, zh: 子 } }\n      - { left: { en: b, zh: 乙 }, right: { en: y, zh: 丑 } }\n      - { left: { en: c, zh: 丙 }, right: { en: z, zh: 寅 } }',
    ],
    ['attribution', '    statement: { en: S, zh: 述 }\n    perspective: chinese-commentary\n    speaker: hua-haonan'],
    [
      'framing-pair',
      '    sides:\n      - { perspective: japanese-official, speaker: motegi, text: { en: J, zh: 日 } }\n      - { perspective: chinese-commentary, speaker: hua-haonan, text: { en: C, zh: 中 } }',
    ],
  ])('accepts a well-formed %s item', (kind, extra) => {
    expect(errorsOf(base(kind, extra))).toEqual([])
  })

  it.each([
    ['true-false', '', 'field "statement": a true-false item needs "statement"'],
    ['true-false', '    statement: { en: S, zh: 述 }\n    isTrue: maybe', 'field "isTrue": must be true or false'],
    ['flip', '    statement: { en: S, zh: 述 }', 'field "statement": "statement" does not belong to a flip item'],
    ['choice', '    distractors: [{ en: A, zh: 乙 }, { en: C, zh: 丙 }]', 'field "distractors.0": a distractor repeats the answer'],
    ['choice', '    distractors: [{ en: B, zh: 乙 }]', 'field "distractors": give at least 2 distractors'],
    ['cloze', '    cloze: { en: "No gap here.", zh: "答案是[[答]]。" }', 'field "cloze.en": mark exactly one gap as [[words]]'],
    [
      'cloze',
      '    cloze: { en: "[[With]] the inauguration", zh: "答案是[[答]]。" }',
      'field "cloze.en": a cloze gap goes in a sentence of the item, not in a source quote',
    ],
    [
      'ordering',
      '    events:\n      - { en: one, zh: 一, date: 2025-10-28 }\n      - { en: two, zh: 二, date: 2025-10-21 }\n      - { en: three, zh: 三, date: 2025-11 }',
      'field "events.1.date": list events in chronological order',
    ],
    ['ordering', '    events:\n      - { en: one, zh: 一, date: 2025-10-28 }', 'field "events": give 3–6 events'],
    [
      'matching',
      '    pairs:\n      - { left: { en: a, zh: 甲 }, right: { en: x, zh: 子 } }\n      - { left: { en: a, zh: 乙 }, right: { en: y, zh: 丑 } }\n      - { left: { en: c, zh: 丙 }, right: { en: z, zh: 寅 } }',
      'field "pairs": two pairs share the same left side',
    ],
    [
      'attribution',
      '    statement: { en: S, zh: 述 }\n    perspective: chinese-academic\n    speaker: hua-haonan',
      'field "perspective": no cited source has perspective "chinese-academic"',
    ],
    [
      'attribution',
      '    statement: { en: S, zh: 述 }\n    perspective: martian\n    speaker: hua-haonan',
      'field "perspective": must be one of',
    ],
    [
      'attribution',
      '    statement: { en: S, zh: 述 }\n    perspective: chinese-commentary',
      'field "speaker": a attribution item needs "speaker"',
    ],
    [
      'attribution',
      '    statement: { en: S, zh: 述 }\n    perspective: chinese-commentary\n    speaker: nobody',
      'item "k-item" field "speaker": unknown speaker "nobody" (not in content/speakers.yaml)',
    ],
    // The statement is Yamamoto's: a citation must give him as speaker, and the answer must name him.
    [
      'attribution',
      '    statement: { en: S, zh: 述 }\n    perspective: chinese-commentary\n    speaker: yamamoto',
      'field "speaker": no citation from a "chinese-commentary" source has speaker "yamamoto"',
    ],
    [
      'attribution',
      '    statement: { en: S, zh: 述 }\n    perspective: chinese-commentary\n    speaker: yamamoto',
      'field "answer.en": does not name the speaker "Yamamoto" (speaker)',
    ],
    [
      'framing-pair',
      '    sides:\n      - { perspective: japanese-official, speaker: motegi, text: { en: J, zh: 日 } }\n      - { perspective: japanese-official, speaker: hua-haonan, text: { en: C, zh: 中 } }',
      'field "sides.1.perspective": the two sides need different perspectives',
    ],
    [
      'framing-pair',
      '    sides:\n      - { perspective: japanese-official, speaker: hosoya, text: { en: J, zh: 日 } }\n      - { perspective: chinese-commentary, speaker: hua-haonan, text: { en: C, zh: 中 } }',
      'field "sides.0.speaker": no citation from a "japanese-official" source has speaker "hosoya"',
    ],
  ])('refuses a bad %s item: %s', (kind, extra, message) => {
    expect(errorsOf(base(kind, extra)).join('\n')).toContain(message)
  })

  it('every citation names a known speaker, with file, line, item and field', () => {
    const noSpeaker = base('flip', '').replace('speaker: motegi, ', '')
    expect(errorsOf(noSpeaker)).toEqual(['banks/k.yaml:10 item "k-item" field "sources.0.speaker": is required'])
    const unknown = base('flip', '').replace('speaker: motegi', 'speaker: somebody')
    expect(errorsOf(unknown)).toEqual([
      'banks/k.yaml:10 item "k-item" field "sources.0.speaker": unknown speaker "somebody" (not in content/speakers.yaml)',
    ])
  })
})
