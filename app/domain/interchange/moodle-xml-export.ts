/**
 * Moodle XML: one `<question>` per item, as kind-mapping.ts maps it, after a category question naming the deck.
 * Texts are HTML (markup characters as entities) and then XML-escaped, so `<script>` in a field arrives in
 * Moodle as the text "<script>". Each question has its id as name and idnumber, and its tags.
 */
import { textToHtml, toInterchange, type ExportDeck, type ExportItem, type ExportOptions, type InterchangeQuestion } from './kind-mapping'

/** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot carry
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  )
}

const text = (value: string) => `<text>${escapeXml(value)}</text>`
const htmlText = (tag: string, value: string) => `<${tag} format="html">${text(textToHtml(value))}</${tag}>`

function typeFields(q: InterchangeQuestion): string[] {
  switch (q.type) {
    case 'multichoice':
      return [
        '<single>true</single>',
        '<shuffleanswers>true</shuffleanswers>',
        '<answernumbering>abc</answernumbering>',
        ...q.options.map(
          (o) =>
            `<answer fraction="${o.correct ? 100 : 0}" format="html">${text(textToHtml(o.text))}<feedback format="html"><text></text></feedback></answer>`,
        ),
      ]
    case 'truefalse':
      return [true, false].map(
        (value) =>
          `<answer fraction="${value === q.truth ? 100 : 0}" format="moodle_auto_format">${text(String(value))}<feedback format="html"><text></text></feedback></answer>`,
      )
    case 'shortanswer':
      return [
        '<usecase>0</usecase>',
        ...q.answers.map(
          (a) => `<answer fraction="100" format="moodle_auto_format">${text(a)}<feedback format="html"><text></text></feedback></answer>`,
        ),
      ]
    case 'matching':
      return [
        '<shuffleanswers>true</shuffleanswers>',
        ...q.pairs.map((p) => `<subquestion format="html">${text(textToHtml(p.left))}<answer>${text(p.right)}</answer></subquestion>`),
        // A subquestion without text is an extra wrong answer in Moodle's matching question.
        ...q.extraRights.map((r) => `<subquestion format="html"><text></text><answer>${text(r)}</answer></subquestion>`),
      ]
    case 'essay':
      return [
        '<responseformat>editor</responseformat>',
        '<responserequired>1</responserequired>',
        '<responsefieldlines>5</responsefieldlines>',
        '<attachments>0</attachments>',
        htmlText('graderinfo', q.answer),
        '<responsetemplate format="html"><text></text></responsetemplate>',
      ]
  }
}

export function moodleXmlQuestion(q: InterchangeQuestion): string {
  const lines = [
    `<question type="${q.type}">`,
    `<name>${text(q.name)}</name>`,
    htmlText('questiontext', q.text),
    htmlText('generalfeedback', q.generalFeedback),
    '<defaultgrade>1</defaultgrade>',
    `<penalty>${q.type === 'truefalse' ? 1 : 0.3333333}</penalty>`,
    '<hidden>0</hidden>',
    `<idnumber>${escapeXml(q.name)}</idnumber>`,
    ...typeFields(q),
    `<tags>${q.tags.map((t) => `<tag>${text(t)}</tag>`).join('')}</tags>`,
    '</question>',
  ]
  return lines.map((l, i) => (i === 0 || i === lines.length - 1 ? l : `  ${l}`)).join('\n')
}

export function exportMoodleXml(deck: ExportDeck, items: readonly ExportItem[], options: ExportOptions): string {
  const category = `<question type="category">\n  <category>${text(`$course$/top/Sourcedeck/${deck.id}`)}</category>\n</question>`
  const questions = items.map((entry) => moodleXmlQuestion(toInterchange(entry, options)))
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>', category, ...questions, '</quiz>'].join('\n') + '\n'
}
