/**
 * When an English and a Chinese text say the same thing in the same characters ("1997" and "1997 年", "G7" and
 * "G7", "2025-12-20" and "2025年12月20日"), showing both in "both" card-language mode only repeats it.
 */
export interface BilingualPair {
  en: string
  zh: string
}

/** The text with what differs only in writing taken out: width, case, spacing, punctuation, 年/月/日 after a number. */
export function normalizedForComparison(text: string): string {
  return (
    text
      // Full-width digits, letters and punctuation become their ordinary forms.
      .normalize('NFKC')
      .toLowerCase()
      .replace(/(\d)\s*[年月日]/gu, '$1 ')
      .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, ' ')
      .trim()
  )
}

/** True when both sides read the same once normalized: show the text once. */
export function readsTheSameInBoth(text: BilingualPair): boolean {
  return normalizedForComparison(text.en) === normalizedForComparison(text.zh)
}
