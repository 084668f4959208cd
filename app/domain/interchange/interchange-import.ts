/**
 * GIFT and Moodle XML questions as import drafts: the way back through kind-mapping.ts. Each reader
 * (gift-import.ts, moodle-xml-import.ts) fills a `ReadQuestion`; this module maps its type to a kind
 * (multichoice → choice, truefalse → true-false, shortanswer → typed with every accepted answer, matching →
 * matching, essay → flip), and takes the general feedback apart again: an "Answer:" block (a flip card's answer),
 * "Source:" lines (citations, when each names a known document and speaker), and the rest, the explanation.
 * Kinds exported to their closest form (cloze, ordering, attribution, framing pair) come back as that form's kind.
 */
import type { Bilingual } from '../content/fields'
import { categories } from '../content/fields'
import type { SourceDoc, Speaker } from '../content/schema'
import type { DraftCitation, DraftText, ImportDraft, ImportError, ImportPlace, ParseResult } from './import-item'
import { MAX_IMPORT_ITEMS } from './import-item'
import {
  BOTH_SEPARATOR,
  bilingualFrom,
  defaultKindForType,
  feedbackLabels,
  inLanguage,
  interchangeTypes,
  KIND_TAG_PREFIX,
  type InterchangeType,
} from './kind-mapping'

/** How a file's texts are written: one language, or "English / 中文" (an export with --lang both). */
export const FILE_LANGUAGES = ['one', 'both'] as const
export type FileLanguage = (typeof FILE_LANGUAGES)[number]

export interface ReadQuestion {
  at: ImportPlace
  /** The file's own type name when it is none of ours (reported as an unknown kind). */
  type: InterchangeType | { unknown: string }
  text: string
  generalFeedback: string
  tags: string[]
  options?: Array<{ text: string; correct: boolean }>
  truth?: boolean
  answers?: string[]
  pairs?: Array<{ left: string; right: string }>
  /** An essay's grader information (Moodle XML): a flip card's answer. */
  answer?: string
}

/** Names a citation may give for a document or a speaker, resolved to their ids. */
export interface CitationNames {
  sources: readonly SourceDoc[]
  speakers: readonly Speaker[]
}

/** A true-false question's prompt when its text is only the statement (content items ask this way). */
export const TRUE_FALSE_PROMPT: Bilingual = { en: 'True or false?', zh: '对还是错？' }

const toDraftText = (b: Bilingual): DraftText => ({ en: b.en, zh: b.zh })

function labelsOf(label: Bilingual): string[] {
  return [...new Set([label.en, label.zh, inLanguage(label, 'both')])]
}

function startsWithLabel(block: string, label: Bilingual): string | null {
  for (const l of labelsOf(label)) if (block.startsWith(`${l}: `) || block.startsWith(`${l}:\n`)) return block.slice(l.length + 1).trim()
  return null
}

/** Whether a text's ASCII brackets pair up (a translation cut in the wrong place does not). */
function balanced(text: string): boolean {
  let depth = 0
  for (const c of text) {
    if (c === '(') depth++
    else if (c === ')' && --depth < 0) return false
  }
  return depth === 0
}

/**
 * `“quote” (translation)`. Quotes and translations both hold quotation marks and brackets of their own, so the
 * quote ends at the first `” (` after which the translation's brackets pair up.
 */
function quoteAndTranslation(said: string): { quote: string; translation: string } | null {
  if (!said.startsWith('“') || !said.endsWith(')')) return null
  for (let end = said.indexOf('” (', 1); end >= 0; end = said.indexOf('” (', end + 1)) {
    const translation = said.slice(end + 3, -1)
    if (end > 1 && translation.trim() && balanced(translation)) return { quote: said.slice(1, end), translation }
  }
  return null
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“‘]/

/**
 * "English / 中文" → both texts. The English may hold " / " itself, so the split is at the first separator
 * followed by Chinese; without one, at the first separator (kind-mapping.ts, bilingualFrom).
 */
export function splitBilingual(text: string): Bilingual {
  for (let at = text.indexOf(BOTH_SEPARATOR); at >= 0; at = text.indexOf(BOTH_SEPARATOR, at + 1)) {
    if (CJK.test(text.charAt(at + BOTH_SEPARATOR.length))) return { en: text.slice(0, at), zh: text.slice(at + BOTH_SEPARATOR.length) }
  }
  return bilingualFrom(text, 'both')
}

/**
 * One exported citation line, `<document>, <locator> — <speaker>: “<quote>” (<translation>)` (kind-mapping.ts,
 * citationText). Titles hold dashes and quotation marks of their own, so the document and speaker are found
 * by their known names (or ids) rather than by splitting on punctuation.
 */
function resolveCitation(line: string, names: CitationNames): DraftCitation | null {
  const text = line.trim()
  for (const doc of names.sources) {
    for (const docName of [doc.id, ...labelsOf(doc.title)]) {
      if (!text.startsWith(`${docName}, `)) continue
      const rest = text.slice(docName.length + 2)
      // Locators hold dashes of their own: try each " — " until a known speaker and a quote follow it.
      for (let dash = rest.indexOf(' — '); dash >= 0; dash = rest.indexOf(' — ', dash + 1)) {
        const locator = rest.slice(0, dash)
        const said = rest.slice(dash + 3)
        for (const speaker of names.speakers) {
          for (const speakerName of [speaker.id, ...labelsOf(speaker.name)]) {
            if (!said.startsWith(`${speakerName}: `)) continue
            const parts = quoteAndTranslation(said.slice(speakerName.length + 2))
            if (parts) return { doc: doc.id, locator, speaker: speaker.id, ...parts }
          }
        }
      }
    }
  }
  return null
}

/** Citation lines (one per line), each resolved to a known document and speaker; null unless every line is. */
export function resolveCitationLines(text: string, names: CitationNames): DraftCitation[] | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const resolved = lines.map((line) => resolveCitation(line, names))
  return resolved.length > 0 && resolved.every((c) => c !== null) ? (resolved as DraftCitation[]) : null
}

/** General feedback → answer (if any), citations (if every line resolves) and the explanation (the rest). */
export function splitFeedback(
  feedback: string,
  names: CitationNames | null,
): { answer: string | null; citations: DraftCitation[]; explanation: string } {
  let answer: string | null = null
  const citations: DraftCitation[] = []
  const rest: string[] = []
  for (const block of feedback
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean)) {
    const answerText: string | null = answer === null ? startsWithLabel(block, feedbackLabels.answer) : null
    if (answerText !== null) {
      answer = answerText
      continue
    }
    const sourceText = names ? startsWithLabel(block, feedbackLabels.source) : null
    if (sourceText !== null && names) {
      const resolved = resolveCitationLines(sourceText, names)
      if (resolved) {
        citations.push(...resolved)
        continue
      }
    }
    rest.push(block)
  }
  return { answer, citations, explanation: rest.join('\n\n') }
}

const TAG_SLUG = /[^a-z0-9]+/g

/** A file's tags as ours: the kind tag dropped, a category tag taken as the category, the rest made tag-shaped. */
function readTags(tags: readonly string[]): { category?: string; tags: string[] } {
  let category: string | undefined
  const out: string[] = []
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase()
    if (tag.startsWith(KIND_TAG_PREFIX)) continue
    if (category === undefined && (categories as readonly string[]).includes(tag)) {
      category = tag
      continue
    }
    const slug = tag.replace(TAG_SLUG, '-').replace(/^-+|-+$/g, '')
    if (slug && !out.includes(slug)) out.push(slug)
  }
  return { category, tags: out }
}

/** A multi-line text in both languages, each line "English / 中文": split line by line. */
function splitLines(value: string, lang: FileLanguage): DraftText {
  if (lang !== 'both') return { en: value }
  const lines = value.split('\n').map((line) => splitBilingual(line))
  return { en: lines.map((l) => l.en).join('\n'), zh: lines.map((l) => l.zh).join('\n') }
}

/** One read question → a draft of its type's kind, or the errors that keep it out. */
export function draftFromQuestion(
  q: ReadQuestion,
  lang: FileLanguage,
  names: CitationNames | null,
): { draft: ImportDraft } | { errors: ImportError[] } {
  const at = q.at
  if (typeof q.type !== 'string' || !(interchangeTypes as readonly string[]).includes(q.type)) {
    return { errors: [{ ...at, code: 'unknownKind', detail: typeof q.type === 'string' ? q.type : q.type.unknown }] }
  }
  const type = q.type
  const text = (s: string): DraftText => (lang === 'both' ? toDraftText(splitBilingual(s.trim())) : { en: s.trim() })
  const feedback = splitFeedback(q.generalFeedback, names)
  const { category, tags } = readTags(q.tags)
  const base = {
    at,
    prompt: text(q.text),
    explanation: feedback.explanation ? text(feedback.explanation) : undefined,
    category,
    tags,
    citations: feedback.citations.length > 0 ? feedback.citations : undefined,
  }
  if (!q.text.trim()) return { errors: [{ ...at, code: 'missingField', field: 'text' }] }
  const kind = defaultKindForType[type]
  switch (type) {
    case 'multichoice': {
      const options = q.options ?? []
      const right = options.filter((o) => o.correct)
      if (right.length === 0) return { errors: [{ ...at, code: 'noCorrectAnswer' }] }
      if (right.length > 1) return { errors: [{ ...at, code: 'unknownKind', detail: 'multiple answers' }] }
      return {
        draft: { ...base, kind, answer: text(right[0]!.text), distractors: options.filter((o) => !o.correct).map((o) => text(o.text)) },
      }
    }
    case 'truefalse': {
      // Our export writes "prompt\nstatement"; a plain file's text is the statement itself.
      const lines = q.text.trim().split('\n')
      const prompt = lines.length > 1 ? text(lines[0]!) : toDraftText(TRUE_FALSE_PROMPT)
      const statement = lines.length > 1 ? text(lines.slice(1).join('\n')) : text(q.text)
      if (q.truth === undefined) return { errors: [{ ...at, code: 'noCorrectAnswer' }] }
      const truth = { en: q.truth ? 'True' : 'False', zh: q.truth ? '对' : '错' }
      return { draft: { ...base, kind, prompt, statement, isTrue: q.truth, answer: feedback.answer ? text(feedback.answer) : truth } }
    }
    case 'shortanswer': {
      const answers = (q.answers ?? []).map((a) => a.trim()).filter(Boolean)
      if (answers.length === 0) return { errors: [{ ...at, code: 'noCorrectAnswer' }] }
      // An export in both languages lists the English answer, then the Chinese one (left out when the same, as
      // for "50%"), then the other accepted forms: a second answer without Chinese in it is taken as accepted.
      const both = lang === 'both' && answers.length > 1 && CJK.test(answers[1]!) && !CJK.test(answers[0]!)
      const answer: DraftText = both ? { en: answers[0]!, zh: answers[1]! } : { en: answers[0]! }
      return { draft: { ...base, kind, answer, accepted: answers.slice(both ? 2 : 1) } }
    }
    case 'matching': {
      const pairs = (q.pairs ?? []).filter((p) => p.left.trim() !== '')
      if (pairs.length === 0) return { errors: [{ ...at, code: 'missingField', field: 'pairs' }] }
      const answer = pairs.map((p) => `${p.left.trim()} → ${p.right.trim()}`).join('\n')
      // Fewer than three pairs (a framing pair's two sides) make no matching question: the learner recalls them.
      if (pairs.length < 3) {
        const front = [q.text.trim(), ...pairs.map((p, i) => `${i + 1}. ${p.left.trim()}`)].join('\n')
        const answerLines = pairs.map((p, i) => `${i + 1}. ${p.right.trim()}`).join('\n')
        return { draft: { ...base, kind: 'flip', prompt: splitLines(front, lang), answer: splitLines(answerLines, lang) } }
      }
      return { draft: { ...base, kind, answer: text(answer), pairs: pairs.map((p) => ({ left: text(p.left), right: text(p.right) })) } }
    }
    case 'essay': {
      const answer = q.answer?.trim() || feedback.answer
      if (!answer) return { errors: [{ ...at, code: 'missingField', field: 'answer' }] }
      return { draft: { ...base, kind, answer: text(answer) } }
    }
  }
}

/**
 * One entry of a GIFT or Moodle XML file, in file order: a question to read (given its number among the
 * questions kept; categories and descriptions read as null and are not counted), or a part the reader could not
 * parse at all.
 */
export type QuestionEntry = { read: (question: number) => ReadQuestion | null } | { error: ImportError }

/**
 * The loop both readers share: every entry read, numbered and drafted, every problem collected (nothing is
 * kept unless the whole file is valid); more questions than a deck holds stops at once.
 */
export function draftsFromEntries(entries: Iterable<QuestionEntry>, lang: FileLanguage, names: CitationNames | null): ParseResult {
  const errors: ImportError[] = []
  const drafts: ImportDraft[] = []
  let number = 0
  for (const entry of entries) {
    if ('error' in entry) {
      errors.push(entry.error)
      continue
    }
    const read = entry.read(number + 1)
    if (!read) continue
    number++
    if (number > MAX_IMPORT_ITEMS) return { ok: false, errors: [{ code: 'tooMany', detail: String(MAX_IMPORT_ITEMS) }] }
    const result = draftFromQuestion(read, lang, names)
    if ('errors' in result) errors.push(...result.errors)
    else drafts.push(result.draft)
  }
  if (errors.length > 0) return { ok: false, errors }
  if (drafts.length === 0) return { ok: false, errors: [{ code: 'empty' }] }
  return { ok: true, drafts }
}
