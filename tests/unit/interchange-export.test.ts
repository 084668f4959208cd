import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parse as parseGift, type GIFTQuestion } from 'gift-pegjs'
import { describe, expect, it } from 'vitest'
import type { ContentItem } from '~/domain/content/schema'
import { exportCsv } from '~/domain/interchange/csv-export'
import { exportGift } from '~/domain/interchange/gift-export'
import { exportLanguages, inLanguage, kindMappings, textToHtml, type ExportItem } from '~/domain/interchange/kind-mapping'
import { exportMoodleXml } from '~/domain/interchange/moodle-xml-export'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { FIXTURE_CONTENT } from '../support/paths'

const { bundle } = loadContentFromDisk(FIXTURE_CONTENT)
const deck = { id: 'kinds', title: { en: 'Every kind', zh: '所有题型' } }
const siblings = [
  { en: 'Osaka', zh: '大阪' },
  { en: 'Kyoto', zh: '京都' },
  { en: 'Nara', zh: '奈良' },
]
const entries: ExportItem[] = bundle.items.map((item) => ({ item, siblingAnswers: siblings }))

const HOSTILE = '<script>alert("x")</script> ~=#{}: a->b & \\ "q"'
/** A typed item whose every field holds markup and each format's special characters. */
function hostileItem(): ContentItem {
  const typed = bundle.items.find((i) => i.kind === 'typed')!
  const both = { en: HOSTILE, zh: `中文 ${HOSTILE}` }
  return { ...typed, id: 'hostile-item', prompt: both, answer: both, explanation: both, accepted: [HOSTILE] }
}

const giftType = { multichoice: 'MC', truefalse: 'TF', shortanswer: 'Short', matching: 'Matching', essay: 'Essay' } as const

describe('GIFT export', () => {
  it.each(exportLanguages)('parses back with gift-pegjs: one question per item, of the mapped type (%s)', (lang) => {
    const parsed = parseGift(exportGift(deck, entries, { lang }))
    expect(parsed[0]!.type).toBe('Category')
    const questions = parsed.filter((q) => q.type !== 'Category')
    expect(questions).toHaveLength(entries.length)
    questions.forEach((q, i) => {
      const item = entries[i]!.item
      expect(q.type).toBe(giftType[kindMappings[item.kind].type])
      expect((q as { title: string }).title).toBe(item.id)
      expect(q.tags).toContain(`sourcedeck-kind-${item.kind}`)
    })
  })

  it('writes each kind’s answers: the right option, the truth, every accepted form, the pairs', () => {
    const parsed = parseGift(exportGift(deck, entries, { lang: 'en' })).filter((q) => q.type !== 'Category')
    const byId = new Map(parsed.map((q) => [(q as Exclude<GIFTQuestion, { type: 'Category' }>).title, q]))
    for (const { item } of entries) {
      const q = byId.get(item.id)!
      if (item.kind === 'choice' && q.type === 'MC') {
        expect(q.choices.filter((c) => c.isCorrect).map((c) => c.text.text)).toEqual([textToHtml(item.answer.en)])
        expect(q.choices.length).toBeGreaterThanOrEqual(3)
      }
      if (item.kind === 'true-false' && q.type === 'TF') expect(q.isTrue).toBe(item.isTrue)
      if (item.kind === 'typed' && q.type === 'Short')
        expect(q.choices.map((c) => c.text.text).sort()).toEqual([...new Set([item.answer.en, ...item.accepted])].sort())
      if (item.kind === 'matching' && q.type === 'Matching') {
        expect(q.matchPairs.map((p) => [p.subquestion.text, p.subanswer])).toEqual(
          item.pairs.map((p) => [textToHtml(p.left.en), p.right.en]),
        )
      }
      if (q.type === 'Description') throw new Error(`unexpected ${q.type}`)
      expect(q.globalFeedback?.text).toContain(textToHtml(item.explanation.en))
      expect(q.globalFeedback?.text).toContain(textToHtml(item.sources[0]!.quote))
    }
  })

  it('escapes markup and GIFT’s special characters: the text survives, no tag does', () => {
    const gift = exportGift(deck, [{ item: hostileItem() }], { lang: 'en' })
    // Only a short answer's accepted form (a string Moodle compares and prints escaped) holds the raw text.
    expect(gift.split('\n').filter((line) => line.includes('<script'))).toEqual([
      `\t=${'<script>alert("x")</script> \\~\\=\\#\\{\\}\\: a→b & \\\\ "q"'}`,
    ])
    const [, q] = parseGift(gift)
    if (q?.type !== 'Short') throw new Error(`expected a short answer, got ${q?.type}`)
    expect(q.stem.text).toBe(textToHtml(HOSTILE))
    expect(q.choices.map((c) => c.text.text)).toEqual([HOSTILE.replace('->', '→')])
  })
})

describe('Moodle XML export', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    isArray: (name) => ['question', 'answer', 'subquestion', 'tag'].includes(name),
  })
  interface Text {
    text: string
  }
  interface XmlQuestion {
    type: string
    name: Text
    idnumber: string
    questiontext: Text
    generalfeedback: Text
    graderinfo: Text
    answer: Array<Text & { fraction: string }>
    subquestion: Array<Text & { answer: Text[] }>
    tags: { tag: Text[] }
  }
  const questionsOf = (xml: string) => (parser.parse(xml).quiz.question as XmlQuestion[]).filter((q) => q.type !== 'category')

  it.each(exportLanguages)('is well-formed and has one question per item, of the mapped type (%s)', (lang) => {
    const xml = exportMoodleXml(deck, entries, { lang })
    expect(XMLValidator.validate(xml)).toBe(true)
    const questions = questionsOf(xml)
    expect(questions).toHaveLength(entries.length)
    questions.forEach((q, i) => {
      const item = entries[i]!.item
      expect(q.type).toBe(kindMappings[item.kind].type)
      expect(q.name.text).toBe(item.id)
      expect(q.idnumber).toBe(item.id)
      expect(q.tags.tag.map((t) => t.text)).toContain(`sourcedeck-kind-${item.kind}`)
      expect(q.questiontext.text).toContain(textToHtml(inLanguage(item.prompt, lang)))
      expect(q.generalfeedback.text).toContain(textToHtml(inLanguage(item.explanation, lang)))
    })
  })

  it('writes each kind’s answers', () => {
    const questions = questionsOf(exportMoodleXml(deck, entries, { lang: 'zh' }))
    entries.forEach(({ item }, i) => {
      const q = questions[i]!
      if (item.kind === 'choice')
        expect(q.answer.filter((a) => a.fraction === '100').map((a) => a.text)).toEqual([textToHtml(item.answer.zh)])
      if (item.kind === 'true-false') expect(q.answer.find((a) => a.fraction === '100')!.text).toBe(String(item.isTrue))
      if (item.kind === 'typed') expect(q.answer.map((a) => String(a.text))).toEqual([...new Set([item.answer.zh, ...item.accepted])])
      if (item.kind === 'matching')
        expect(q.subquestion.map((s) => [s.text, s.answer[0]!.text])).toEqual(item.pairs.map((p) => [textToHtml(p.left.zh), p.right.zh]))
      if (item.kind === 'framing-pair') expect(q.subquestion.length).toBe(4) // two sides and the other two perspectives
      if (item.kind === 'flip') expect(q.graderinfo.text).toBe(textToHtml(item.answer.zh))
    })
  })

  it('escapes markup: the parsed text is the field as HTML entities, and no tag appears', () => {
    const xml = exportMoodleXml(deck, [{ item: hostileItem() }], { lang: 'en' })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).not.toContain('<script')
    const [q] = questionsOf(xml)
    expect(q!.questiontext.text).toBe(textToHtml(HOSTILE))
    expect(String(q!.answer[0]!.text)).toBe(HOSTILE)
  })
})

describe('CSV export', () => {
  const row = /"((?:[^"]|"")*)","((?:[^"]|"")*)"\r\n/y
  function parseCsv(csv: string): string[][] {
    expect(csv.startsWith('\ufeff')).toBe(true)
    const rows: string[][] = []
    row.lastIndex = 1
    while (row.lastIndex < csv.length) {
      const m = row.exec(csv)
      if (!m) throw new Error(`not a two-column quoted CSV at ${row.lastIndex}`)
      rows.push([m[1]!, m[2]!].map((f) => f.replace(/""/g, '"')))
    }
    return rows
  }

  it('has one quoted term,definition row per item, in the language asked for', () => {
    for (const lang of exportLanguages) {
      const rows = parseCsv(exportCsv(entries, { lang }))
      expect(rows).toHaveLength(entries.length)
      rows.forEach(([term, definition], i) => {
        const item = entries[i]!.item
        expect(term!.startsWith(inLanguage(item.prompt, lang))).toBe(true)
        expect(definition).toBe(inLanguage(item.answer, lang).replace(/^([=+\-@])/, "'$1"))
      })
    }
    const both = parseCsv(exportCsv(entries, { lang: 'both' }))[0]!
    expect(both[1]).toBe(`${entries[0]!.item.answer.en} / ${entries[0]!.item.answer.zh}`)
  })

  it('keeps commas, quotes and line breaks inside one cell, and defuses formulas', () => {
    const item = { ...hostileItem(), prompt: { en: '=1+2, "quoted"\nnext line', zh: '甲' } }
    const [[term, definition]] = parseCsv(exportCsv([{ item }], { lang: 'en' })) as [[string, string]]
    expect(term).toBe('\'=1+2, "quoted"\nnext line')
    expect(definition).toBe(HOSTILE)
  })
})
