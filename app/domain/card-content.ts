/** What the study screen shows for an item: its texts plus each citation's document details. Pure. */
import type { Bilingual, ContentItem, SourceDoc, Speaker } from './content/schema'

export interface CitationView {
  doc: string
  locator: string
  /** The locator's Chinese form, for the Chinese interface (content/locators.yaml); null if it needs none or has none. */
  locatorZh: string | null
  quote: string
  translation: string
  quoteLang: 'en' | 'zh-Hans'
  title: Bilingual
  outlet: Bilingual
  date: string | null
  /** Who says it, as distinct from the document it appears in (null for a speaker no longer listed). */
  speaker: { name: Bilingual; role: Bilingual } | null
}

export interface CardContent {
  category: string
  prompt: Bilingual
  answer: Bilingual
  explanation: Bilingual
  sources: CitationView[]
}

export function toCardContent(
  item: ContentItem,
  sources: ReadonlyMap<string, SourceDoc>,
  speakers: ReadonlyMap<string, Speaker>,
): CardContent {
  return {
    category: item.category,
    prompt: item.prompt,
    answer: item.answer,
    explanation: item.explanation,
    sources: item.sources.map((c) => {
      const doc = sources.get(c.doc)
      const speaker = speakers.get(c.speaker)
      return {
        doc: c.doc,
        locator: c.locator,
        locatorZh: c.locatorZh ?? null,
        quote: c.quote,
        translation: c.translation,
        quoteLang: doc?.language ?? 'en',
        title: doc?.title ?? { en: c.doc, zh: c.doc },
        outlet: doc?.outlet ?? { en: '', zh: '' },
        date: doc?.date ?? null,
        speaker: speaker ? { name: speaker.name, role: speaker.role } : null,
      }
    }),
  }
}

/** The one language of a line that names a card (a list row, a refusal): the learner's card language, or with both, the interface's. */
export function cardLineLanguage(cardLanguage: 'en' | 'zh' | 'both', uiLanguage: string): 'en' | 'zh' {
  return cardLanguage === 'en' || (cardLanguage !== 'zh' && uiLanguage === 'en') ? 'en' : 'zh'
}
