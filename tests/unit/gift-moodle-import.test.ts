/** GIFT and Moodle XML import: each type mapped back to its kind, feedback taken apart, errors by line or question. */
import { describe, expect, it } from 'vitest'
import type { ItemOfKind } from '~/domain/content/schema'
import { parseGift } from '~/domain/interchange/gift-import'
import { splitBilingual } from '~/domain/interchange/interchange-import'
import { finishImport, MAX_IMPORT_ITEMS, type ContentReferences, type ParseResult } from '~/domain/interchange/import-item'
import { parseMoodleXml } from '~/domain/interchange/moodle-xml-import'
import { importReferences } from '../support/import-references'

const refs: ContentReferences = importReferences()

function finish(parsed: ParseResult) {
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const done = finishImport(parsed.drafts, 'imp-t', refs)
  if (!done.ok) throw new Error(JSON.stringify(done.errors))
  return done.items
}
const errors = (parsed: ParseResult) =>
  parsed.ok ? ((finishImport(parsed.drafts, 'imp-t', refs) as { errors?: unknown[] }).errors ?? []) : parsed.errors

const QUOTE = 'With the inauguration of the Takaichi Sanae administration on October 21 last year'

const GIFT = `// A header comment
$CATEGORY: $course$/top/Imported

// [tag:sourcedeck-kind-choice] [tag:actor] [tag:Week 1]
::q-choice::Capital of Japan?{=Tokyo ~Osaka ~Kyoto ~Nagoya####Tokyo has been the capital since 1868.}

::q-tf::The sky is green.{F}

::q-short::Who became Foreign Minister in October 2025?{=Motegi Toshimitsu =Motegi =Toshimitsu Motegi}

::q-match::Match the leaders to their countries{
  =Takaichi -> Japan
  =Lee Jae-myung -> Korea
  =Albanese -> Australia
}

::q-essay::When did the Takaichi administration start?{####Answer\\: 21 October 2025\\n\\nInferred from "last year".\\n\\nSource\\: Special Dialogue\\: Prospects for Japanese Diplomacy in 2026 — Advancing the Strategies of the “Free and Open Indo-Pacific” Further, Opening question — Hosoya Yuichi\\: “${QUOTE}” (随着去年 10 月 21 日高市早苗政权成立)}

::q-html::[html]<p>Is <b>this</b> &lt;script&gt; text?</p>{TRUE}
`

describe('GIFT import', () => {
  it('maps each type back: multichoice → choice, truefalse → true-false, shortanswer → typed, matching, essay → flip', () => {
    const items = finish(parseGift(GIFT, 'one', refs))
    expect(items.map((i) => i.kind)).toEqual(['choice', 'true-false', 'typed', 'matching', 'flip', 'true-false'])
    const [choice, tf, typed, matching, flip, html] = items as [
      ItemOfKind<'choice'>,
      ItemOfKind<'true-false'>,
      ItemOfKind<'typed'>,
      ItemOfKind<'matching'>,
      ItemOfKind<'flip'>,
      ItemOfKind<'true-false'>,
    ]
    expect(choice).toMatchObject({
      id: 'imp-t-1',
      category: 'actor',
      tags: ['week-1'],
      prompt: { en: 'Capital of Japan?' },
      answer: { en: 'Tokyo' },
      explanation: { en: 'Tokyo has been the capital since 1868.' },
    })
    expect(choice.distractors!.map((d) => d.en)).toEqual(['Osaka', 'Kyoto', 'Nagoya'])
    expect(tf).toMatchObject({ prompt: { en: 'True or false?', zh: '对还是错？' }, statement: { en: 'The sky is green.' }, isTrue: false })
    expect(typed).toMatchObject({ answer: { en: 'Motegi Toshimitsu' }, accepted: ['Motegi', 'Toshimitsu Motegi'] })
    expect(matching.pairs.map((p) => [p.left.en, p.right.en])).toEqual([
      ['Takaichi', 'Japan'],
      ['Lee Jae-myung', 'Korea'],
      ['Albanese', 'Australia'],
    ])
    // The flip card's answer and its citation come back out of the feedback; the rest is the explanation.
    expect(flip).toMatchObject({ answer: { en: '21 October 2025' }, explanation: { en: 'Inferred from "last year".' } })
    expect(flip.sources).toEqual([
      {
        doc: 'motegi-hosoya-2026-en',
        locator: 'Opening question',
        speaker: 'hosoya',
        quote: QUOTE,
        translation: '随着去年 10 月 21 日高市早苗政权成立',
      },
    ])
    // [html] is read as text; the escaped markup stays text.
    expect(html.statement.en).toBe('Is this <script> text?')
  })

  it('takes a date category only with a date (files carry none): such an item comes back as an event', () => {
    const [item] = finish(parseGift('// [tag:date]\n::d::When?{=2025}\n', 'one', refs))
    expect(item!.category).toBe('event')
  })

  it('splits "English / 中文" texts when the file is in both languages', () => {
    const [item] = finish(parseGift('::a::Capital? / 首都？{=Tokyo / 东京 ~Osaka / 大阪 ~Kyoto / 京都}\n', 'both', refs)) as Array<
      ItemOfKind<'choice'>
    >
    expect(item).toMatchObject({ prompt: { en: 'Capital?', zh: '首都？' }, answer: { en: 'Tokyo', zh: '东京' } })
    expect(item!.distractors![0]).toEqual({ en: 'Osaka', zh: '大阪' })
  })

  it('splits at the separator followed by Chinese (English texts hold " / " too), and keeps a shared answer whole', () => {
    expect(splitBilingual('Japan / Motegi / 日本 / 茂木')).toEqual({ en: 'Japan / Motegi', zh: '日本 / 茂木' })
    const [typed] = finish(parseGift('::t::How much? / 多少？{=50% =50 percent =百分之五十}\n', 'both', refs)) as Array<ItemOfKind<'typed'>>
    expect(typed).toMatchObject({ answer: { en: '50%', zh: '50%' }, accepted: ['50 percent', '百分之五十'] })
  })

  it('names a syntax error by its line, and refuses numerical, embedded and multiple-answer questions', () => {
    const bad = '::ok::Fine?{=yes}\n\n::broken::\nStill open {=a ~b\n\n::ok2::Fine too?{=yes}\n'
    expect(errors(parseGift(bad, 'one', refs))).toEqual([expect.objectContaining({ line: 4, code: 'malformed' })])
    expect(errors(parseGift('::n::How many?{#3}\n', 'one', refs))).toEqual([
      expect.objectContaining({ question: 1, title: 'n', code: 'unknownKind', detail: 'numerical' }),
    ])
    expect(errors(parseGift('::c::Japan is {=in Asia ~in Europe} today.\n', 'one', refs))).toEqual([
      expect.objectContaining({ code: 'unknownKind' }),
    ])
    expect(errors(parseGift('::m::Pick two{~%50%a ~%50%b ~c}\n', 'one', refs))).toEqual([
      expect.objectContaining({ code: 'noCorrectAnswer' }),
    ])
    expect(errors(parseGift('// only a comment\n', 'one', refs))).toEqual([{ code: 'empty' }])
  })

  it('names a question the content schema refuses (a choice needs at least 2 wrong options)', () => {
    expect(errors(parseGift('::first::A?{=a ~b ~c}\n\n::second::B?{=a ~b}\n', 'one', refs))).toEqual([
      expect.objectContaining({ line: 3, question: 2, title: 'second', code: 'invalid', field: 'distractors' }),
    ])
  })
})

const xml = (questions: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="category"><category><text>$course$/top/X</text></category></question>\n${questions}\n</quiz>\n`

const XML = xml(`
<question type="multichoice">
  <name><text>capital</text></name>
  <questiontext format="html"><text><![CDATA[<p>Capital of <i>Japan</i>?</p>]]></text></questiontext>
  <generalfeedback format="html"><text>Since 1868.</text></generalfeedback>
  <single>true</single>
  <answer fraction="100" format="html"><text>Tokyo</text></answer>
  <answer fraction="0" format="html"><text>Osaka</text></answer>
  <answer fraction="0" format="html"><text>Kyoto</text></answer>
  <tags><tag><text>actor</text></tag><tag><text>geo</text></tag></tags>
</question>
<question type="truefalse">
  <name><text>tf</text></name>
  <questiontext format="plain_text"><text>True or false?
Japan is an island nation.</text></questiontext>
  <answer fraction="100"><text>true</text></answer>
  <answer fraction="0"><text>false</text></answer>
</question>
<question type="shortanswer">
  <name><text>short</text></name>
  <questiontext format="html"><text>Who?</text></questiontext>
  <answer fraction="100"><text>Motegi</text></answer>
  <answer fraction="100"><text>Motegi Toshimitsu</text></answer>
  <answer fraction="50"><text>Toshimitsu</text></answer>
</question>
<question type="matching">
  <name><text>match</text></name>
  <questiontext format="html"><text>Match</text></questiontext>
  <subquestion format="html"><text>a &amp; b</text><answer><text>1</text></answer></subquestion>
  <subquestion format="html"><text>c</text><answer><text>2</text></answer></subquestion>
  <subquestion format="html"><text>d</text><answer><text>3</text></answer></subquestion>
</question>
<question type="essay">
  <name><text>essay</text></name>
  <questiontext format="html"><text>Explain FOIP.</text></questiontext>
  <graderinfo format="html"><text>&lt;b&gt;Free&lt;/b&gt; and open Indo-Pacific</text></graderinfo>
</question>`)

describe('Moodle XML import', () => {
  it('maps each type back and reads html texts as text', () => {
    const items = finish(parseMoodleXml(XML, 'one', refs))
    expect(items.map((i) => i.kind)).toEqual(['choice', 'true-false', 'typed', 'matching', 'flip'])
    expect(items[0]).toMatchObject({
      category: 'actor',
      tags: ['geo'],
      prompt: { en: 'Capital of Japan?' },
      answer: { en: 'Tokyo' },
      explanation: { en: 'Since 1868.' },
    })
    expect(items[1]).toMatchObject({ prompt: { en: 'True or false?' }, statement: { en: 'Japan is an island nation.' }, isTrue: true })
    // Only full-credit answers are accepted: partial credit would grade a half-right answer as right.
    expect(items[2]).toMatchObject({ answer: { en: 'Motegi' }, accepted: ['Motegi Toshimitsu'] })
    expect((items[3] as ItemOfKind<'matching'>).pairs[0]).toEqual({ left: { en: 'a & b', zh: 'a & b' }, right: { en: '1', zh: '1' } })
    expect(items[4]!.answer.en).toBe('Free and open Indo-Pacific')
  })

  it('names malformed XML by line, refuses DOCTYPE, unknown types and a question without a right answer', () => {
    expect(errors(parseMoodleXml('<quiz>\n<question type="essay">\n<name><text>x</name>\n</quiz>', 'one', refs))).toEqual([
      expect.objectContaining({ line: 3, code: 'malformed' }),
    ])
    expect(errors(parseMoodleXml('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><quiz>&a;</quiz>', 'one', refs))).toEqual([
      expect.objectContaining({ code: 'malformed' }),
    ])
    const unknown = xml(
      '<question type="calculated"><name><text>calc</text></name><questiontext><text>1+1</text></questiontext></question>',
    )
    expect(errors(parseMoodleXml(unknown, 'one', refs))).toEqual([
      { question: 1, title: 'calc', code: 'unknownKind', detail: 'calculated' },
    ])
    const noRight = xml(
      '<question type="multichoice"><name><text>m</text></name><questiontext><text>Q?</text></questiontext><answer fraction="0"><text>a</text></answer><answer fraction="0"><text>b</text></answer></question>',
    )
    expect(errors(parseMoodleXml(noRight, 'one', refs))).toEqual([{ question: 1, title: 'm', code: 'noCorrectAnswer' }])
    expect(errors(parseMoodleXml(xml(''), 'one', refs))).toEqual([{ code: 'empty' }])
  })
})

describe('the loop GIFT and Moodle XML share (draftsFromEntries)', () => {
  it('collects a syntax error and a refused question together, numbering questions without categories', () => {
    const gift = '$CATEGORY: $course$/top/X\n\n::n::How many?{#3}\n\n::broken::\nStill open {=a ~b\n\n::ok::Fine?{=yes}\n'
    expect(errors(parseGift(gift, 'one', refs))).toEqual([
      expect.objectContaining({ line: 3, question: 1, title: 'n', code: 'unknownKind' }),
      expect.objectContaining({ line: 6, code: 'malformed', problem: 'giftSyntax' }),
    ])
    const moodle = xml(
      '<question type="numerical"><name><text>n</text></name><questiontext><text>How many?</text></questiontext></question>',
    )
    expect(errors(parseMoodleXml(moodle, 'one', refs))).toEqual([expect.objectContaining({ question: 1, title: 'n', code: 'unknownKind' })])
  })

  it('stops at more questions than a deck holds, in both formats, with that one error', () => {
    const many = MAX_IMPORT_ITEMS + 1
    const gift = Array.from({ length: many }, (_, i) => `::q${i}::Question ${i}?{=yes}`).join('\n\n')
    const moodle = xml(
      Array.from(
        { length: many },
        (_, i) =>
          `<question type="shortanswer"><name><text>q${i}</text></name><questiontext><text>Question ${i}?</text></questiontext><answer fraction="100"><text>yes</text></answer></question>`,
      ).join('\n'),
    )
    for (const parsed of [parseGift(gift, 'one', refs), parseMoodleXml(moodle, 'one', refs)])
      expect(parsed).toEqual({ ok: false, errors: [{ code: 'tooMany', detail: String(MAX_IMPORT_ITEMS) }] })
  })
})
