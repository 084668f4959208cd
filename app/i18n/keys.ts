/**
 * Message keys: what server code and schemas send instead of text. The page shows a key in the viewer's
 * language, so `msg('errorTypo')` fails `tsc` and no English reaches a Chinese page.
 */
import type { Messages } from './en'

/** The keys whose message is plain text (no parameters). */
export type MessageKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages]

/** A message key, checked by the compiler. */
export function msg<K extends MessageKey>(key: K): K {
  return key
}

/** Whether an untyped value (an error response's body, a form reply) names a plain-text message. */
export function isMessageKey(messages: Messages, value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(messages, value) && typeof messages[value as keyof Messages] === 'string'
}

/** A message key's text, or null for anything that is not one (never raw English from elsewhere). */
export function messageText(messages: Messages, value: unknown): string | null {
  return isMessageKey(messages, value) ? messages[value] : null
}
