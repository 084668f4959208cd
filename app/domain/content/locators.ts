/**
 * Citation locators in the reader's language (issue 14.13). A locator says where in its document a quote is; many
 * were written in English, also for the Chinese articles. content/locators.yaml gives their Chinese forms, which the
 * loader attaches to each citation as `locatorZh`. Pure (runs in the browser for offline study too).
 */
import type { Citation } from './fields'

/** Chinese forms by the locator as written in the bank. */
export type LocatorGlossary = ReadonlyMap<string, string>

/** Written in English prose (a Chinese heading may quote "APEC" or "CPTPP"; that is not English). */
export function isEnglishLocator(locator: string): boolean {
  return /[a-z]{3,}/.test(locator)
}

/** Each citation with its Chinese form from the glossary, unless the bank already gives one. */
export function withLocatorForms<T extends { sources: Citation[] }>(items: T[], glossary: LocatorGlossary): T[] {
  return items.map((item) => ({
    ...item,
    sources: item.sources.map((c) => {
      const zh = c.locatorZh ?? glossary.get(c.locator)
      return zh === undefined ? c : { ...c, locatorZh: zh }
    }),
  }))
}

/**
 * What the card shows: in the Chinese interface the Chinese form if there is one; an English locator without one
 * is shown as written and marked as English (so the reader knows why), never silently mixed in.
 */
export function locatorFor(
  c: { locator: string; locatorZh: string | null },
  uiLang: 'en' | 'zh-Hans',
): { text: string; lang: 'en' | 'zh-Hans'; untranslated: boolean } {
  const english = isEnglishLocator(c.locator)
  if (uiLang === 'zh-Hans' && c.locatorZh) return { text: c.locatorZh, lang: 'zh-Hans', untranslated: false }
  return { text: c.locator, lang: english ? 'en' : 'zh-Hans', untranslated: uiLang === 'zh-Hans' && english }
}
