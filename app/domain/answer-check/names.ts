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

/**
 * Titles and roles written around a name: the card asks who, not their office, so "Prime Minister Kishida",
 * "then Foreign Minister Motegi" and 岸田文雄首相 answer as the bare name would.
 */
const EN_TITLE_PREFIX = new RegExp(
  "^(?:(?:the|then|former|current|chinese|japanese|japan's|china's|u\\.?s\\.?|american|south korean)\\s+)*" +
    '(?:prime minister|foreign minister|defen[cs]e minister|finance minister|chief cabinet secretary|secretary of state|' +
    'minister|president|premier|chairman|ambassador|professor|prof\\.?|dr\\.?|mr\\.?|mrs\\.?|ms\\.?)\\s+',
  'iu',
)
const ZH_TITLES =
  '(?:首相|总理|總理|外相|外务大臣|外務大臣|外长|外長|外交部长|外交部長|防卫大臣|防衛大臣|防长|国家主席|國家主席|主席|总统|總統|教授|大使|官房长官|官房長官|国务卿|國務卿|先生|女士)'
const ZH_TITLE_PREFIX = new RegExp(`^(?:时任|時任|前|现任|現任|中国|中國|日本|美国|美國|韩国|韓國)*${ZH_TITLES}\\s*`, 'u')
const ZH_TITLE_SUFFIX = new RegExp(`\\s*${ZH_TITLES}$`, 'u')
const ZH_QUALIFIER_PREFIX = /^(?:时任|時任|现任|現任)\s*/u

/** The name without the titles around it; the text itself when nothing is left or nothing was stripped. */
export function withoutTitles(text: string): string {
  let current = text.trim()
  for (let round = 0; round < 3; round++) {
    const next = current
      .replace(EN_TITLE_PREFIX, '')
      .replace(ZH_QUALIFIER_PREFIX, '')
      .replace(ZH_TITLE_PREFIX, '')
      .replace(ZH_TITLE_SUFFIX, '')
      .trim()
    if (next === current) break
    current = next
  }
  return current === '' ? text : current
}

/**
 * Pinyin ü as people type it: on most keyboards as v (Lv Yaodong), in passports as yu (Lyu). The checker
 * folds ü to u already (Lu Yaodong); these are the other two spellings of a form that has ü.
 */
export function pinyinUmlautSpellings(form: string): string[] {
  if (!/[üÜǖǘǚǜ]/u.test(form)) return []
  const base = form.normalize('NFC').replace(/[ǖǘǚǜ]/gu, 'ü')
  return [base.replace(/ü/g, 'v').replace(/Ü/g, 'V'), base.replace(/ü/g, 'yu').replace(/Ü/g, 'Yu')]
}
