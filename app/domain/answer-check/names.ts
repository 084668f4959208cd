/**
 * Romanised names come in two orders: sources write Japanese and Chinese names family name first
 * (Motegi Toshimitsu, Xi Jinping) while much English writing puts the given name first.
 */

const ROMAN_WORD = "[\\p{Script=Latin}][\\p{Script=Latin}\\p{M}'’.-]*"
const TWO_ROMAN_WORDS = new RegExp(`^\\s*(${ROMAN_WORD})\\s+(${ROMAN_WORD})\\s*$`, 'u')

/**
 * The other order of a two-word romanised name ("Toshimitsu Motegi" for "Motegi Toshimitsu"), or null
 * when the form is not two Latin-script words. Longer forms are left alone: in "Victor D. Cha" or
 * "Prime Minister Takaichi Sanae" a swap would not give a name anyone writes.
 */
export function otherNameOrder(form: string): string | null {
  const m = TWO_ROMAN_WORDS.exec(form)
  return m ? `${m[2]} ${m[1]}` : null
}
