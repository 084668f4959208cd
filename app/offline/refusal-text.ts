import type { Lang, Messages } from '~/i18n'
import type { Bilingual } from '~/domain/content/schema'
import { cardLineLanguage } from '~/domain/card-content'
import type { ShownRefusal } from './store'
import type { RefusalReason } from '~/domain/review-events'

/**
 * One refused answer as the learner reads it: the reason and what it means, in the interface language, and the
 * card it was about (by its text when the phone kept its deck, else by its id). The server's `detail` is English
 * for API clients and logs, so it is never shown here.
 */
export function refusalText(
  t: Messages,
  lang: Lang,
  refusal: Pick<ShownRefusal, 'itemId' | 'card'> & { reason: RefusalReason | string },
): string {
  const reason = t.offlineRefusalReasons[refusal.reason] ?? t.offlineRefusedTitle
  const why = t.offlineRefusalHelp[refusal.reason] ?? t.offlineRefusalUnknown
  const text = refusal.card ? cardText(refusal.card.text, cardLineLanguage(refusal.card.cardLanguage, lang)) : ''
  return t.offlineRefused(reason, text ? t.offlineRefusedCard(text) : (refusal.itemId ?? null), why)
}

/** The text in that language, or in the other if that one is empty. */
const cardText = (text: Bilingual, lang: 'en' | 'zh') => (lang === 'en' ? text.en || text.zh : text.zh || text.en)
