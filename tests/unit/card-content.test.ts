import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { toCardContent } from '~/domain/card-content'
import { buildContentBundle } from '~/domain/content/bundle'
import { FIXTURE_CONTENT } from '../support/paths'

const read = (f: string) => ({ file: f, text: readFileSync(path.join(FIXTURE_CONTENT, f), 'utf8') })

describe('card back: who says it and where', () => {
  const { bundle, errors } = buildContentBundle({
    sources: read('sources.yaml'),
    speakers: read('speakers.yaml'),
    decks: read('decks.yaml'),
    banks: [
      {
        file: 'banks/voices.yaml',
        text: `bank: voices
items:
  - id: voices-yamamoto
    kind: flip
    category: event
    prompt: { en: Q?, zh: 问？ }
    answer: { en: A, zh: 答 }
    explanation: { en: E., zh: 解。 }
    sources:
      - { doc: c5-summit-breakout, speaker: yamamoto, locator: 相关新闻, quote: 山本太郎呼吁高市政府制定相应的经济政策, translation: Yamamoto called on the Takaichi government }
      - { doc: motegi-hosoya-2026-en, speaker: hosoya, locator: Opening, quote: With the inauguration, translation: 随着 }
`,
      },
    ],
  })
  const sources = new Map(bundle.sources.map((s) => [s.id, s]))
  const speakers = new Map(bundle.speakers.map((s) => [s.id, s]))

  it('shows a quoted speaker apart from the document that quotes them', () => {
    expect(errors).toEqual([])
    const card = toCardContent(bundle.items[0]!, sources, speakers)
    // A Japanese opposition leader, quoted in a Chinese news analysis: the speaker is not the document's side.
    expect(card.sources[0]).toMatchObject({
      doc: 'c5-summit-breakout',
      speaker: { name: { en: 'Yamamoto Taro', zh: '山本太郎' } },
      title: { zh: expect.stringContaining('外交突围') },
    })
    expect(card.sources[0]!.speaker!.role.en).toContain('opposition')
    // The official dialogue's interviewer is an academic, not an official.
    expect(card.sources[1]!.speaker!.name.en).toBe('Hosoya Yuichi')
    expect(card.sources[1]!.speaker!.role.en).toContain('not a government official')
  })

  it('shows no speaker rather than a wrong one when a speaker is no longer listed', () => {
    const card = toCardContent(bundle.items[0]!, sources, new Map())
    expect(card.sources.map((c) => c.speaker)).toEqual([null, null])
  })
})
