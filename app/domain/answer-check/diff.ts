/**
 * Character-level comparison of a typed answer with an accepted form, so the card can show the learner
 * exactly which characters were missing or extra. Works on code points, so a CJK or astral character is
 * never split into halves.
 */

/** One stretch of the comparison: in both texts, only in the expected form, or only in what was typed. */
export interface DiffPart {
  kind: 'same' | 'missing' | 'extra'
  text: string
}

/** Beyond this many table cells the middle is reported as one replacement, keeping a pathological input cheap. */
const MAX_TABLE_CELLS = 400_000

interface Alignment {
  common: number
  parts: DiffPart[]
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (text === '') return
  const last = parts[parts.length - 1]
  if (last && last.kind === kind) last.text += text
  else parts.push({ kind, text })
}

function align(typed: string, expected: string): Alignment {
  const a = Array.from(typed)
  const b = Array.from(expected)
  let prefix = 0
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++
  const midA = a.slice(prefix, a.length - suffix)
  const midB = b.slice(prefix, b.length - suffix)

  const parts: DiffPart[] = []
  push(parts, 'same', a.slice(0, prefix).join(''))
  let common = prefix + suffix
  const n = midA.length
  const m = midB.length
  if ((n + 1) * (m + 1) > MAX_TABLE_CELLS) {
    push(parts, 'extra', midA.join(''))
    push(parts, 'missing', midB.join(''))
  } else {
    // lcs[i * (m + 1) + j] = length of the longest common subsequence of midA[i..] and midB[j..]
    const width = m + 1
    const lcs = new Uint32Array((n + 1) * width)
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] =
          midA[i] === midB[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
      }
    }
    common += lcs[0]!
    let i = 0
    let j = 0
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        push(parts, 'same', midA[i]!)
        i++
        j++
      } else if (j >= m || (i < n && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
        push(parts, 'extra', midA[i]!)
        i++
      } else {
        push(parts, 'missing', midB[j]!)
        j++
      }
    }
  }
  push(parts, 'same', a.slice(a.length - suffix).join(''))
  return { common, parts }
}

/**
 * What differs between the typed text and the expected form. Reading the 'same' and 'extra' parts in order
 * gives back the typed text; the 'same' and 'missing' parts give back the expected form.
 */
export function diffTexts(typed: string, expected: string): DiffPart[] {
  return align(typed, expected).parts
}

/**
 * How alike two texts are, from 0 (nothing in common) to 1 (identical): picks which accepted form to show
 * as the nearest one when the answer was wrong.
 */
export function similarity(a: string, b: string): number {
  const length = Array.from(a).length + Array.from(b).length
  if (length === 0) return 1
  return (2 * align(a, b).common) / length
}
