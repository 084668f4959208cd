/**
 * GIFT (Moodle's plain-text question format): one question per item, as kind-mapping.ts maps it. Texts are
 * `[html]` with markup characters as entities; GIFT's own special characters are escaped with a backslash.
 * Each question has its id as name, and a comment line with `[id:…]` and `[tag:…]` (read by Moodle ≥ 3.6).
 */
import { textToHtml, toInterchange, type ExportDeck, type ExportItem, type ExportOptions, type InterchangeQuestion } from './kind-mapping'

/** GIFT's special characters (and the backslash itself) get a backslash; no line break survives. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n')
}

const html = (text: string) => escapeGift(textToHtml(text))
/**
 * A plain string (short answer, matching right). GIFT cannot escape "->", which turns any answer list into a
 * matching question, so it is written as an arrow "→" here (HTML texts have it as "-&gt;" anyway).
 */
const plain = (text: string) => escapeGift(text.replace(/\r?\n/g, ' ').replace(/->/g, '→'))

function answerBlock(q: InterchangeQuestion): string[] {
  switch (q.type) {
    case 'multichoice':
      return q.options.map((o) => `${o.correct ? '=' : '~'}${html(o.text)}`)
    case 'truefalse':
      return [q.truth ? 'TRUE' : 'FALSE']
    case 'shortanswer':
      return q.answers.map((a) => `=${plain(a)}`)
    case 'matching':
      // GIFT has no unmatched answers: the extra rights of a framing pair are left out here.
      return q.pairs.map((p) => `=${html(p.left)} -> ${plain(p.right)}`)
    case 'essay':
      return []
  }
}

export function giftQuestion(q: InterchangeQuestion): string {
  const meta = [`[id:${escapeGift(q.name)}]`, ...q.tags.map((t) => `[tag:${escapeGift(t)}]`)].join(' ')
  const lines = [`// ${meta}`, `::${escapeGift(q.name)}::[html]${html(q.text)}{`]
  for (const a of answerBlock(q)) lines.push(`\t${a}`)
  lines.push(`\t####${html(q.generalFeedback)}`)
  lines.push('}')
  return lines.join('\n')
}

export function exportGift(deck: ExportDeck, items: readonly ExportItem[], options: ExportOptions): string {
  const header = `// Sourcedeck deck "${deck.id}", ${items.length} questions\n$CATEGORY: $course$/top/Sourcedeck/${escapeGift(deck.id)}`
  return [header, ...items.map((entry) => giftQuestion(toInterchange(entry, options)))].join('\n\n') + '\n'
}
