/**
 * A browser page loads only its own language's dictionary: before hydration (entry.client.tsx) and, when the
 * language changes during a visit, while the new page renders (useT suspends on the promise).
 */
import { hasMessages, messagesFor, provideMessages, type Lang, type Messages } from './index'

const importers: Record<Lang, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
  'zh-Hans': () => import('./zh-Hans').then((m) => m.zhHans),
}

/** React's `use` reads a settled promise synchronously when it carries its status and value. */
type TrackedPromise = Promise<Messages> & ({ status?: undefined } | { status: 'fulfilled'; value: Messages })

const loading = new Map<Lang, TrackedPromise>()

export function loadMessages(lang: Lang): TrackedPromise {
  let promise = loading.get(lang)
  if (!promise) {
    if (hasMessages(lang)) {
      promise = Object.assign(Promise.resolve(messagesFor(lang)), { status: 'fulfilled' as const, value: messagesFor(lang) })
    } else {
      const tracked: TrackedPromise = importers[lang]().then((messages) => {
        provideMessages(lang, messages)
        Object.assign(tracked, { status: 'fulfilled', value: messages })
        return messages
      })
      tracked.catch(() => loading.delete(lang)) // a failed chunk load may be retried by the next render
      promise = tracked
    }
    loading.set(lang, promise)
  }
  return promise
}
