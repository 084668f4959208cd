/**
 * GIFT import (gift-pegjs). The file is cut into questions at blank lines (GIFT's own separator) so that each
 * question, and each syntax error, is named by the line it starts on; each block is parsed on its own. Types
 * map back as in kind-mapping.ts; `$CATEGORY` lines and descriptions are skipped; numerical and embedded-answer
 * (cloze) questions are refused as unknown kinds. `[html]` texts are read as the text a reader sees.
 */
import { parse, type GIFTQuestion, type TextFormat } from 'gift-pegjs'
import type { ParseResult } from './import-item'
import { htmlToText } from './import-item'
import { draftsFromEntries, type CitationNames, type FileLanguage, type QuestionEntry, type ReadQuestion } from './interchange-import'

interface Block {
  line: number
  text: string
}

/** Blank-line-separated blocks with the line each starts on; a blank line inside braces does not end a question. */
function blocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const out: Block[] = []
  let current: string[] = []
  let start = 0
  let depth = 0
  lines.forEach((line, i) => {
    if (line.trim() === '' && depth === 0) {
      if (current.length > 0) out.push({ line: start + 1, text: current.join('\n') })
      current = []
      return
    }
    if (current.length === 0) start = i
    current.push(line)
    // Braces that are not escaped open and close the answer part.
    for (const m of line.replace(/\\./g, '').matchAll(/[{}]/g)) depth = Math.max(0, depth + (m[0] === '{' ? 1 : -1))
  })
  if (current.length > 0) out.push({ line: start + 1, text: current.join('\n') })
  // Blocks of comments only (a file header) hold no question.
  return out.filter((b) => b.text.split('\n').some((l) => !l.trim().startsWith('//')))
}

/** gift-pegjs stands escaped characters in for `&&058;` and the like, and leaves some in matching answers. */
const unescape = (text: string) => text.replace(/&&(\d{3});?/g, (_, code: string) => String.fromCharCode(Number(code)))
const plain = (t: TextFormat | null | undefined): string => (t ? unescape(t.format === 'html' ? htmlToText(t.text) : t.text) : '')

function readQuestion(q: GIFTQuestion, at: ReadQuestion['at']): ReadQuestion | null {
  if (q.type === 'Category' || q.type === 'Description') return null
  const common = {
    at: { ...at, title: q.title ?? undefined },
    text: plain(q.stem),
    generalFeedback: plain(q.globalFeedback),
    tags: q.tags ?? [],
  }
  if (q.hasEmbeddedAnswers) return { ...common, type: { unknown: 'cloze (embedded answers)' } }
  switch (q.type) {
    case 'MC':
      return {
        ...common,
        type: 'multichoice',
        options: q.choices.map((c) => ({ text: plain(c.text), correct: c.isCorrect || (c.weight ?? 0) >= 100 })),
      }
    case 'TF':
      return { ...common, type: 'truefalse', truth: q.isTrue }
    case 'Short':
      return {
        ...common,
        type: 'shortanswer',
        answers: q.choices.filter((c) => c.isCorrect || (c.weight ?? 0) >= 100).map((c) => plain(c.text)),
      }
    case 'Matching':
      return { ...common, type: 'matching', pairs: q.matchPairs.map((p) => ({ left: plain(p.subquestion), right: unescape(p.subanswer) })) }
    case 'Essay':
      return { ...common, type: 'essay' }
    case 'Numerical':
      return { ...common, type: { unknown: 'numerical' } }
  }
}

/** Each block's questions, or the block's syntax error at the line it stops on; parsed as they are asked for. */
function* entries(text: string): Generator<QuestionEntry> {
  for (const block of blocks(text)) {
    let questions: GIFTQuestion[]
    try {
      questions = parse(block.text)
    } catch (error) {
      const location = (error as { location?: { start: { line: number } } }).location
      const line = block.line + (location ? location.start.line - 1 : 0)
      yield { error: { line, code: 'malformed', problem: 'giftSyntax', detail: (error as Error).message } }
      continue
    }
    for (const q of questions) yield { read: (question) => readQuestion(q, { line: block.line, question }) }
  }
}

export function parseGift(text: string, lang: FileLanguage, names: CitationNames | null): ParseResult {
  return draftsFromEntries(entries(text), lang, names)
}
