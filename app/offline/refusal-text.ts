import type { Messages } from '~/i18n'
import type { RefusalReason } from '~/domain/review-events'

/**
 * One refused answer as the learner reads it: the reason and what it means, in the interface language, and the
 * card it was about. The server's `detail` is English for API clients and logs, so it is never shown here.
 */
export function refusalText(t: Messages, refusal: { reason: RefusalReason | string; itemId?: string }): string {
  const reason = t.offlineRefusalReasons[refusal.reason] ?? t.offlineRefusedTitle
  const why = t.offlineRefusalHelp[refusal.reason] ?? t.offlineRefusalUnknown
  return t.offlineRefused(reason, refusal.itemId ?? null, why)
}
