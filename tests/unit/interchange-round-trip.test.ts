/**
 * Round trip (issue 13.4): export the real question banks with the exporters, import the file, get the same
 * items. "The same" is what each format carries: GIFT and Moodle XML keep choice, true/false, typed, matching
 * and flip items whole (texts in both languages, distractors, accepted answers, pairs, explanation, tags,
 * category, every citation — verified again against the sources); the other kinds come back as their closest
 * form's kind. CSV and Anki carry flashcards: front, back (and for Anki the explanation, citations and tags).
 */
import { describe, expect, it } from 'vitest'
import type { ContentItem } from '~/domain/content/schema'
import { exportCsv } from '~/domain/interchange/csv-export'
import { exportGift } from '~/domain/interchange/gift-export'
import { parseCsv } from '~/domain/interchange/csv-import'
import { parseGift } from '~/domain/interchange/gift-import'
import { finishImport, type ParseResult } from '~/domain/interchange/import-item'
import { cardFront, choiceDistractors, kindMappings, type ExportItem, type ExportOptions } from '~/domain/interchange/kind-mapping'
import { exportMoodleXml } from '~/domain/interchange/moodle-xml-export'
import { parseMoodleXml } from '~/domain/interchange/moodle-xml-import'
import { buildApkg } from '~/utils/apkg-file.server'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { readImportFile } from '~/utils/import-file.server'
import { importReferences } from '../support/import-references'

const refs = importReferences()
const { bundle } = loadContentFromDisk()
const deck = { id: 'all', title: { en: 'All', zh: '全部' } }
const docs = new Map(bundle.sources.map((s) => [s.id, s]))
const people = new Map(bundle.speakers.map((s) => [s.id, s]))
const names = { docTitle: (id: string) => docs.get(id)?.title, speakerName: (id: string) => people.get(id)?.name }

/** Every content item with the answers of its comparable items (same bank and category), as the export module gives them. */
const entries: ExportItem[] = bundle.items.map(({ file: _file, index: _index, ...item }) => ({
  item: item as ContentItem,
  siblingAnswers: bundle.items.filter((o) => o.file === _file && o.category === item.category && o.id !== item.id).map((o) => o.answer),
}))

function imported(parsed: ParseResult): ContentItem[] {
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 5)))
  const done = finishImport(parsed.drafts, 'imp-rt', refs)
  if (!done.ok) throw new Error(JSON.stringify(done.errors.slice(0, 5)))
  return done.items
}

const citations = (item: ContentItem) =>
  item.sources.map(({ doc, locator, speaker, quote, translation }) => ({ doc, locator, speaker, quote, translation }))

/** What GIFT and Moodle XML carry of an item whose kind maps exactly (kind-mapping.ts). */
function carried(entry: ExportItem): Record<string, unknown> {
  const { item } = entry
  const common = {
    kind: item.kind,
    prompt: item.prompt,
    explanation: item.explanation,
    tags: item.tags,
    category: item.category === 'date' ? 'event' : item.category,
    sources: citations(item),
  }
  switch (item.kind) {
    case 'choice':
      return { ...common, answer: item.answer, distractors: choiceDistractors(entry) }
    case 'true-false':
      return { ...common, statement: item.statement, isTrue: item.isTrue }
    case 'typed': {
      const forms = [item.answer.en, item.answer.zh]
      return { ...common, answer: item.answer, accepted: [...new Set(item.accepted.filter((a) => !forms.includes(a)))] }
    }
    case 'matching':
      return { ...common, pairs: item.pairs }
    default:
      return { ...common, answer: item.answer }
  }
}

function project(item: ContentItem, like: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(like)) out[key] = key === 'sources' ? citations(item) : (item as Record<string, unknown>)[key]
  return out
}

/**
 * Choice items exported as essays (no wrong option at all) come back as flip cards, and so do framing pairs,
 * whose two sides make no matching question (matching needs three pairs).
 */
const exportedKind = (entry: ExportItem) =>
  (entry.item.kind === 'choice' && choiceDistractors(entry).length === 0) || entry.item.kind === 'framing-pair' ? 'flip' : entry.item.kind

describe.each([
  ['GIFT', (e: ExportItem[], o: ExportOptions) => parseGift(exportGift(deck, e, o), 'both', refs)],
  ['Moodle XML', (e: ExportItem[], o: ExportOptions) => parseMoodleXml(exportMoodleXml(deck, e, o), 'both', refs)],
] as const)('%s round trip (both languages)', (_name, roundTrip) => {
  it('gives back every exactly mapped item whole, and the other kinds as their closest form', () => {
    expect(entries.length).toBeGreaterThan(300)
    const back = imported(roundTrip(entries, { lang: 'both', ...names }))
    expect(back).toHaveLength(entries.length)
    let whole = 0
    entries.forEach((entry, i) => {
      const got = back[i]!
      const kind = exportedKind(entry)
      if (kindMappings[entry.item.kind].exact && kind === entry.item.kind) {
        const want = carried(entry)
        expect(project(got, want), entry.item.id).toEqual(want)
        whole++
      } else {
        // Closest form: the type's kind (cloze → typed, ordering and framing pairs → matching, attribution → choice).
        expect(got.kind, entry.item.id).toBe(
          kind === 'flip'
            ? 'flip'
            : { cloze: 'typed', ordering: 'matching', attribution: 'choice', 'framing-pair': 'matching' }[entry.item.kind as 'cloze'],
        )
        expect(got.sources, entry.item.id).toEqual(citations(entry.item))
      }
    })
    expect(whole).toBeGreaterThan(150)
  })
})

describe('CSV round trip', () => {
  it('gives back every item as the flashcard the file holds: front and back', () => {
    const back = imported(parseCsv(exportCsv(entries, { lang: 'en' }), 'comma'))
    expect(back).toHaveLength(entries.length)
    entries.forEach(({ item }, i) => {
      expect({ kind: back[i]!.kind, front: back[i]!.prompt.en, back: back[i]!.answer.en }, item.id).toEqual({
        kind: 'flip',
        front: cardFront(item, 'en'),
        back: item.answer.en,
      })
    })
  })
})

describe('Anki package round trip', () => {
  it('gives back every item as its note: front, back, explanation, tags and verified citations', async () => {
    const bytes = await buildApkg(deck, entries, { lang: 'en', ...names })
    const back = imported(await readImportFile('apkg', bytes, { separator: 'comma', language: 'one', names: refs }))
    expect(back).toHaveLength(entries.length)
    entries.forEach(({ item }, i) => {
      const got = back[i]!
      expect(
        {
          kind: got.kind,
          front: got.prompt.en,
          back: got.answer.en,
          explanation: got.explanation.en,
          tags: got.tags,
          sources: citations(got),
        },
        item.id,
      ).toEqual({
        kind: item.kind === 'typed' ? 'typed' : 'flip',
        front: cardFront(item, 'en'),
        back: item.answer.en,
        explanation: item.explanation.en,
        tags: item.tags,
        sources: citations(item),
      })
    })
  })
})
