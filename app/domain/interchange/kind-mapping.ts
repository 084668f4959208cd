/**
 * Which Sourcedeck kind becomes which GIFT / Moodle XML question type, and back. Shared by the exporters
 * (`<format>-export.ts`) and the importers (`<format>-import.ts`) so the two directions cannot drift.
 * Pure: no DB, no `node:`.
 *
 * | kind          | exported as  | how                                                                          | back            |
 * | ------------- | ------------ | ---------------------------------------------------------------------------- | --------------- |
 * | choice        | multichoice  | the answer (100 %) and the distractors (authored, else sibling answers)      | exact           |
 * | true-false    | truefalse    | prompt + statement; the truth                                                | exact           |
 * | typed         | shortanswer  | every accepted form: the answer in the language(s) exported, then `accepted` | exact           |
 * | matching      | matching     | each pair left → right                                                       | exact           |
 * | flip          | essay        | free recall; the answer is the grader information (XML) and opens the feedback | exact         |
 * | cloze         | shortanswer  | prompt + the sentence with its gap as `_____`; the gap words, then `accepted` | via kind tag   |
 * | ordering      | matching     | each event → its date (the dates are distinct, so the order is recoverable)  | via kind tag    |
 * | attribution   | multichoice  | prompt + statement; one option per perspective, the item's is right          | via kind tag    |
 * | framing-pair  | matching     | each side's text → its perspective (the other perspectives as extra answers) | via kind tag   |
 *
 * Every exported question carries its item id as the question name (GIFT `::id::`, XML `<name>`, Moodle
 * idnumber) and a tag `sourcedeck-kind-<kind>` (GIFT `// [tag:…]`, XML `<tags>`): an importer that sees the
 * tag rebuilds the original kind where the type allows it; without a tag the type's default kind is used.
 * A choice item with no wrong option at all (no distractors, no sibling answers) is exported as an essay (it
 * comes back as a flip card). Language: `en` or `zh` exports one text per field; `both` joins them as
 * "English / 中文" (BOTH_SEPARATOR), except short answers, which list each language's form separately.
 */
import type { ContentItem } from '../content/schema'
import { CLOZE_GAP, itemKinds, perspectives, type Bilingual, type ItemKind, type Perspective } from '../content/fields'

export const exportLanguages = ['en', 'zh', 'both'] as const
export type ExportLanguage = (typeof exportLanguages)[number]

/** How `both` joins the two texts of one field: "English / 中文". */
export const BOTH_SEPARATOR = ' / '

/** A field's text in the language(s) asked for. */
export function inLanguage(text: Bilingual, lang: ExportLanguage): string {
  if (lang === 'en') return text.en
  if (lang === 'zh') return text.zh
  return text.en === text.zh ? text.en : `${text.en}${BOTH_SEPARATOR}${text.zh}`
}

/** The inverse of inLanguage for one text: a `both` text splits at its first separator. */
export function bilingualFrom(text: string, lang: ExportLanguage): Bilingual {
  if (lang === 'en' || lang === 'zh') return { en: text, zh: text }
  const at = text.indexOf(BOTH_SEPARATOR)
  return at < 0 ? { en: text, zh: text } : { en: text.slice(0, at), zh: text.slice(at + BOTH_SEPARATOR.length) }
}

export const interchangeTypes = ['multichoice', 'truefalse', 'shortanswer', 'matching', 'essay'] as const
export type InterchangeType = (typeof interchangeTypes)[number]

export interface KindMapping {
  type: InterchangeType
  /** True when the type alone brings the kind back (it is the type's default kind). */
  exact: boolean
}

export const kindMappings = {
  choice: { type: 'multichoice', exact: true },
  'true-false': { type: 'truefalse', exact: true },
  typed: { type: 'shortanswer', exact: true },
  matching: { type: 'matching', exact: true },
  flip: { type: 'essay', exact: true },
  cloze: { type: 'shortanswer', exact: false },
  ordering: { type: 'matching', exact: false },
  attribution: { type: 'multichoice', exact: false },
  'framing-pair': { type: 'matching', exact: false },
} as const satisfies { [K in ItemKind]: KindMapping }

/** The kind an imported question of this type becomes when nothing says otherwise. */
export const defaultKindForType = {
  multichoice: 'choice',
  truefalse: 'true-false',
  shortanswer: 'typed',
  matching: 'matching',
  essay: 'flip',
} as const satisfies { [T in InterchangeType]: ItemKind }

export const KIND_TAG_PREFIX = 'sourcedeck-kind-'

export function kindTag(kind: ItemKind): string {
  return `${KIND_TAG_PREFIX}${kind}`
}

/** The kind named by a `sourcedeck-kind-…` tag, if any. */
export function kindFromTags(tags: readonly string[]): ItemKind | null {
  for (const tag of tags) {
    if (!tag.startsWith(KIND_TAG_PREFIX)) continue
    const kind = tag.slice(KIND_TAG_PREFIX.length)
    if ((itemKinds as readonly string[]).includes(kind)) return kind as ItemKind
  }
  return null
}

/** The kind to import a question as: its kind tag when that kind exports to this type, else the type's default. */
export function importKind(type: InterchangeType, tags: readonly string[]): ItemKind {
  const tagged = kindFromTags(tags)
  if (tagged && kindMappings[tagged].type === type) return tagged
  return defaultKindForType[type]
}

/** Readable names of the perspectives (the same words as the UI's), used as options and matching answers. */
export const perspectiveLabels: Record<Perspective, Bilingual> = {
  'japanese-official': { en: 'Japanese official', zh: '日本官方' },
  'chinese-academic': { en: 'Chinese academic', zh: '中国学术' },
  'chinese-commentary': { en: 'Chinese commentary', zh: '中国评论' },
  'chinese-media': { en: 'Chinese media', zh: '中国媒体' },
}

/** The perspective whose label (in any exported language) is this text, if any. */
export function perspectiveFromLabel(text: string): Perspective | null {
  const t = text.trim()
  for (const p of perspectives) {
    const label = perspectiveLabels[p]
    if (t === label.en || t === label.zh || t === inLanguage(label, 'both')) return p
  }
  return null
}

/**
 * GIFT and Moodle XML carry question texts, options, matching lefts and feedback as HTML: these characters
 * become entities and line breaks `<br>`, so a field holding markup or a script shows as text in Moodle.
 * Short answers and matching rights are plain strings in both formats (compared, not rendered as HTML).
 */
export function textToHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>')
}

/** The inverse of textToHtml (for importers; also reads the `<br/>` and `&quot;` other tools write). */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The deck an export comes from: named in a GIFT `$CATEGORY`, a Moodle category and the Anki deck. */
export interface ExportDeck {
  id: string
  title: Bilingual
}

/**
 * A flashcard's front (CSV term, Anki Prompt): the prompt, then what the question shows besides it — the
 * statement, the gapped sentence, the two framings, the events (in alphabetical order, never the answer's
 * order) or the items to match.
 */
export function cardFront(item: ContentItem, lang: ExportLanguage): string {
  const L = (b: Bilingual) => inLanguage(b, lang)
  const lines = [L(item.prompt)]
  switch (item.kind) {
    case 'true-false':
    case 'attribution':
      lines.push(L(item.statement))
      break
    case 'cloze':
      lines.push(L({ en: gapped(item.cloze.en), zh: gapped(item.cloze.zh) }))
      break
    case 'framing-pair':
      item.sides.forEach((s, i) => lines.push(`${i + 1}. ${L(s.text)}`))
      break
    case 'ordering':
      for (const e of item.events.map((e) => L(e)).sort((a, b) => a.localeCompare(b))) lines.push(`• ${e}`)
      break
    case 'matching':
      for (const p of item.pairs) lines.push(`• ${L(p.left)}`)
      break
    default:
      break
  }
  return lines.join('\n')
}

/** What a cloze gap shows in an exported question. */
export const GAP_MARK = '_____'

/** Labels inside exported feedback. Fixed text so importers can find the parts again. */
export const feedbackLabels = {
  answer: { en: 'Answer', zh: '答案' },
  source: { en: 'Source', zh: '出处' },
} as const satisfies Record<string, Bilingual>

/** Names the exporter may use for documents and speakers (ids are shown where a name is unknown). */
export interface ExportNames {
  docTitle?: (docId: string) => Bilingual | undefined
  speakerName?: (speakerId: string) => Bilingual | undefined
}

export interface ExportOptions extends ExportNames {
  lang: ExportLanguage
}

/**
 * One item to export. `siblingAnswers` are answers of comparable items (same bank and category, content order)
 * that serve as a choice item's wrong options when it has no authored distractors.
 */
export interface ExportItem {
  item: ContentItem
  siblingAnswers?: readonly Bilingual[]
}

/** A question in the shape GIFT and Moodle XML share; each exporter only writes it out. */
export type InterchangeQuestion = {
  /** The item id: question name and idnumber. */
  name: string
  kind: ItemKind
  /** The question text (plain text; each exporter escapes it). */
  text: string
  /** The explanation and the citations, plain text. */
  generalFeedback: string
  tags: string[]
} & (
  | { type: 'multichoice'; options: Array<{ text: string; correct: boolean }> }
  | { type: 'truefalse'; truth: boolean }
  | { type: 'shortanswer'; answers: string[] }
  | { type: 'matching'; pairs: Array<{ left: string; right: string }>; extraRights: string[] }
  | { type: 'essay'; answer: string }
)

const unique = (list: string[]) => [...new Set(list.map((s) => s.trim()).filter((s) => s.length > 0))]

function gapped(sentence: string): string {
  return sentence.replace(CLOZE_GAP, GAP_MARK)
}
function gapWords(sentence: string): string {
  return [...sentence.matchAll(CLOZE_GAP)][0]?.[1] ?? ''
}

/** The answer texts of a typed-like question in the language(s) exported: en, zh or both, then `accepted`. */
function answerForms(answer: Bilingual, accepted: readonly string[], lang: ExportLanguage): string[] {
  const own = lang === 'en' ? [answer.en] : lang === 'zh' ? [answer.zh] : [answer.en, answer.zh]
  return unique([...own, ...accepted])
}

/** The citations as one readable text: document, place, speaker, the exact quote and its translation. */
export function citationText(item: ContentItem, options: ExportOptions): string {
  return item.sources
    .map((c) => {
      const doc = options.docTitle?.(c.doc)
      const speaker = options.speakerName?.(c.speaker)
      const where = [doc ? inLanguage(doc, options.lang) : c.doc, c.locator].join(', ')
      const who = speaker ? `${inLanguage(speaker, options.lang)}: ` : ''
      return `${where} — ${who}“${c.quote}” (${c.translation})`
    })
    .join('\n')
}

/** General feedback: a flip card's answer first, then the explanation, then the sources. */
export function feedbackText(item: ContentItem, options: ExportOptions, withAnswer: boolean): string {
  const { lang } = options
  const parts: string[] = []
  if (withAnswer) parts.push(`${inLanguage(feedbackLabels.answer, lang)}: ${inLanguage(item.answer, lang)}`)
  parts.push(inLanguage(item.explanation, lang))
  parts.push(`${inLanguage(feedbackLabels.source, lang)}: ${citationText(item, options)}`)
  return parts.join('\n\n')
}

/** Wrong options of a choice item: its authored distractors, else up to three distinct sibling answers. */
export function choiceDistractors(entry: ExportItem): Bilingual[] {
  const { item } = entry
  if (item.kind !== 'choice') return []
  if (item.distractors && item.distractors.length > 0) return item.distractors
  const own = item.answer.en.trim().toLowerCase()
  const seen = new Set<string>([own])
  const out: Bilingual[] = []
  for (const a of entry.siblingAnswers ?? []) {
    const key = a.en.trim().toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(a)
    if (out.length === 3) break
  }
  return out
}

/** An item as an interchange question (see the table at the top). */
export function toInterchange(entry: ExportItem, options: ExportOptions): InterchangeQuestion {
  const { item } = entry
  const { lang } = options
  const L = (b: Bilingual) => inLanguage(b, lang)
  const prompt = L(item.prompt)
  const common = {
    name: item.id,
    kind: item.kind,
    generalFeedback: feedbackText(item, options, item.kind === 'flip'),
    tags: unique([kindTag(item.kind), item.category, ...item.tags]),
  }
  switch (item.kind) {
    case 'choice': {
      const wrong = choiceDistractors(entry)
      if (wrong.length === 0)
        return { ...common, type: 'essay', text: prompt, answer: L(item.answer), generalFeedback: feedbackText(item, options, true) }
      return {
        ...common,
        type: 'multichoice',
        text: prompt,
        options: [{ text: L(item.answer), correct: true }, ...wrong.map((w) => ({ text: L(w), correct: false }))],
      }
    }
    case 'true-false':
      return { ...common, type: 'truefalse', text: `${prompt}\n${L(item.statement)}`, truth: item.isTrue }
    case 'typed':
      return { ...common, type: 'shortanswer', text: prompt, answers: answerForms(item.answer, item.accepted, lang) }
    case 'matching':
      return {
        ...common,
        type: 'matching',
        text: prompt,
        pairs: item.pairs.map((p) => ({ left: L(p.left), right: L(p.right) })),
        extraRights: [],
      }
    case 'flip':
      return { ...common, type: 'essay', text: prompt, answer: L(item.answer) }
    case 'cloze': {
      const gap = { en: gapWords(item.cloze.en), zh: gapWords(item.cloze.zh) }
      const sentence = { en: gapped(item.cloze.en), zh: gapped(item.cloze.zh) }
      return { ...common, type: 'shortanswer', text: `${prompt}\n${L(sentence)}`, answers: answerForms(gap, item.accepted, lang) }
    }
    case 'ordering':
      return { ...common, type: 'matching', text: prompt, pairs: item.events.map((e) => ({ left: L(e), right: e.date })), extraRights: [] }
    case 'attribution':
      return {
        ...common,
        type: 'multichoice',
        text: `${prompt}\n${L(item.statement)}`,
        options: perspectives.map((p) => ({ text: L(perspectiveLabels[p]), correct: p === item.perspective })),
      }
    case 'framing-pair': {
      const used = new Set(item.sides.map((s) => s.perspective))
      return {
        ...common,
        type: 'matching',
        text: prompt,
        pairs: item.sides.map((s) => ({ left: L(s.text), right: L(perspectiveLabels[s.perspective]) })),
        extraRights: perspectives.filter((p) => !used.has(p)).map((p) => L(perspectiveLabels[p])),
      }
    }
  }
}
