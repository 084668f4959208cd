/**
 * Text normalisation for comparing a typed answer with the accepted forms. Learners type on whatever
 * keyboard they have — full-width or half-width, Traditional or Simplified, with or without spaces and
 * punctuation — and none of that should decide whether they knew the answer.
 */
import { Converter } from 'opencc-js/t2cn'

let simplify: ((text: string) => string) | undefined

/**
 * Traditional (and Hong Kong / Taiwan variant) characters to Simplified, so 橋本 and 桥本 compare equal.
 * The converter parses its dictionaries into a trie, so it is built on first use, once.
 * 'hk' rather than 'tw': the Taiwan variant table also rewrites Simplified 么 to 幺, which would corrupt
 * Simplified input, while the Hong Kong table leaves Simplified text alone.
 */
export function toSimplifiedChinese(text: string): string {
  simplify ??= Converter({ from: 'hk', to: 'cn' })
  return simplify(text)
}

const ASCII_DIGIT = /[0-9]/
/** Punctuation, symbols, spaces and invisible characters of every script. */
const SEPARATOR_RUN = /[\p{P}\p{S}\p{Z}\p{C}\s]+/gu
const PLAIN_GAP = /^[\s\p{Z},'’]*$/u
const LATIN_DIACRITIC = /[\u0300-\u036f]/g

/**
 * Between two digits a separator still carries meaning: 3.5 is not 35, and 50–70 is not 5070.
 * So a decimal point survives as ".", a range or date separator becomes "-" (50–70%, 50%~70% and 50-70%
 * all become 50-70; 2025/10/21 and 2025-10-21 agree), and spaces or thousands commas vanish (1,000,000).
 */
function separatorBetween(run: string, before: string | undefined, after: string | undefined): string {
  if (before === undefined || after === undefined || !ASCII_DIGIT.test(before) || !ASCII_DIGIT.test(after)) return ''
  if (run.includes('.')) return '.'
  if (PLAIN_GAP.test(run)) return ''
  return '-'
}

function normalizeOnce(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(LATIN_DIACRITIC, '') // Lü Yaodong = Lu Yaodong: pinyin tone and umlaut marks are often not typed
    .normalize('NFKC')
    .toLowerCase()
    .replace(SEPARATOR_RUN, (run: string, offset: number, whole: string) =>
      separatorBetween(run, whole[offset - 1], whole[offset + run.length]),
    )
  // Converted after the separators are gone: the converter works on phrases (乾隆 keeps its 乾), so a
  // space typed inside a phrase must not change how it converts.
  return toSimplifiedChinese(folded)
}

/**
 * The comparison key of an answer: two answers that differ only in width, case, script variant
 * (Traditional/Simplified), accents, spacing or punctuation get the same key. The steps are repeated until
 * nothing changes (a few converter entries chain, 薴 → 苧 → 苎), so the key of a key is itself.
 */
export function normalizeAnswer(text: string): string {
  let current = text
  for (let round = 0; round < 6; round++) {
    const next = normalizeOnce(current)
    if (next === current) return next
    current = next
  }
  return current
}

const OUTER_PUNCTUATION =
  /^[\s.,;:!?。，、；：！？"'“”‘’()（）「」『』《》【】[\]]+|[\s.,;:!?。，、；：！？"'“”‘’()（）「」『』《》【】[\]]+$/gu

/**
 * The typed text made ready for the date and number readers: same width, case and script as the keys,
 * but with spaces and inner punctuation kept, because "21 Oct 2025" and "1.2 trillion" need them.
 */
export function tidyForParsing(text: string): string {
  return toSimplifiedChinese(text.normalize('NFKC').toLowerCase()).replace(/\s+/gu, ' ').replace(OUTER_PUNCTUATION, '')
}
