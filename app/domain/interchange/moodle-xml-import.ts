/**
 * Moodle XML import (fast-xml-parser). Malformed XML is named by the line the validator stops at; each
 * question by its number and name. Types map back as in kind-mapping.ts; category and description entries are
 * skipped; every other type (numerical, calculated, cloze, drag-and-drop…) is refused as an unknown kind.
 * Texts in `format="html"` are read as the text a reader sees. A DOCTYPE is refused outright: entity
 * declarations are how an XML file expands to gigabytes.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { ParseResult } from './import-item'
import { htmlToText } from './import-item'
import { draftsFromEntries, type CitationNames, type FileLanguage, type ReadQuestion } from './interchange-import'

type Node = Record<string, unknown>

const ARRAYS = new Set(['question', 'answer', 'subquestion', 'tag'])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ARRAYS.has(name),
})

const asNode = (v: unknown): Node | undefined => (v && typeof v === 'object' ? (v as Node) : undefined)
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/** A `<x format="…"><text>…</text></x>` element as plain text. */
function textOf(element: unknown): string {
  const node = asNode(element)
  if (!node) return str(element)
  const text = str(node.text ?? node['#text'])
  return node['@_format'] === 'html' ? htmlToText(text) : text
}

const fraction = (answer: Node) => Number(str(answer['@_fraction']) || '0')

function readQuestion(q: Node, question: number): ReadQuestion | null {
  const type = str(q['@_type'])
  if (type === 'category' || type === 'description') return null
  const name = textOf(q.name).trim()
  const tags = ((asNode(q.tags)?.tag as unknown[] | undefined) ?? []).map((t) => textOf(t)).filter(Boolean)
  const common = {
    at: { question, title: name || undefined },
    text: textOf(q.questiontext),
    generalFeedback: textOf(q.generalfeedback),
    tags,
  }
  const answers = ((q.answer as unknown[] | undefined) ?? []).map(asNode).filter((a): a is Node => a !== undefined)
  switch (type) {
    case 'multichoice':
      if (str(q.single) === 'false') return { ...common, type: { unknown: 'multichoice (multiple answers)' } }
      return { ...common, type: 'multichoice', options: answers.map((a) => ({ text: textOf(a), correct: fraction(a) >= 100 })) }
    case 'truefalse': {
      const right = answers.find((a) => fraction(a) >= 100)
      const word = right ? textOf(right).trim().toLowerCase() : ''
      return { ...common, type: 'truefalse', truth: word === 'true' ? true : word === 'false' ? false : undefined }
    }
    case 'shortanswer':
      return { ...common, type: 'shortanswer', answers: answers.filter((a) => fraction(a) >= 100).map((a) => textOf(a)) }
    case 'matching':
      return {
        ...common,
        type: 'matching',
        pairs: ((q.subquestion as unknown[] | undefined) ?? [])
          .map(asNode)
          .filter((s): s is Node => s !== undefined)
          .map((s) => ({ left: textOf(s), right: textOf(s.answer instanceof Array ? s.answer[0] : s.answer) })),
      }
    case 'essay':
      return { ...common, type: 'essay', answer: textOf(q.graderinfo) }
    default:
      return { ...common, type: { unknown: type || 'no type' } }
  }
}

export function parseMoodleXml(text: string, lang: FileLanguage, names: CitationNames | null): ParseResult {
  const source = text.replace(/^\uFEFF/, '')
  if (/<!DOCTYPE|<!ENTITY/i.test(source))
    return { ok: false, errors: [{ code: 'malformed', problem: 'xmlDoctype', detail: 'DOCTYPE and entity declarations are not accepted' }] }
  const valid = XMLValidator.validate(source)
  if (valid !== true)
    return { ok: false, errors: [{ line: valid.err.line, code: 'malformed', problem: 'xmlSyntax', detail: valid.err.msg }] }
  const root = asNode(asNode(parser.parse(source))?.quiz)
  if (!root) return { ok: false, errors: [{ code: 'malformed', problem: 'xmlNoQuiz', detail: 'no <quiz> element' }] }
  const questions = ((root.question as unknown[] | undefined) ?? []).map(asNode).filter((q): q is Node => q !== undefined)
  return draftsFromEntries(
    questions.map((q) => ({ read: (question: number) => readQuestion(q, question) })),
    lang,
    names,
  )
}
