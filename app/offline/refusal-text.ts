import type { Lang, Messages } from '~/i18n'
import type { Bilingual } from '~/domain/content/schema'
import type { RefusalReason } from '~/domain/review-events'

/**
 * One refused answer as the learner reads it: the reason and what it means, in the interface language, and the
 * card it was about: its prompt when the phone kept its deck, else its id. The server's `detail` is English for API clients and logs, so it is never shown here.
 */
export function refusalText(
  t: Messages,
  lang: Lang,
  refusal: { reason: RefusalReason | string; itemId?: string; prompt?: Bilingual },
): string {
  const reason = t.offlineRefusalReasons[refusal.reason] ?? t.offlineRefusedTitle
  const why = t.offlineRefusalHelp[refusal.reason] ?? t.offlineRefusalUnknown
  // The card by its prompt in the reader's language (the other if that one is empty); by its id if no deck had it.
  const prompt = refusal.prompt ? (lang === 'zh-Hans' ? refusal.prompt.zh || refusal.prompt.en : refusal.prompt.en || refusal.prompt.zh) : ''
  const card = prompt ? t.offlineRefusedPrompt(prompt) : (refusal.itemId ?? null)
  return t.offlineRefused(reason, card, why)
}
