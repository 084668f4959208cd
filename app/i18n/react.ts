import { use } from 'react'
import { useRouteLoaderData } from 'react-router'
import { hasMessages, messagesFor, type Lang, type Messages } from './index'
import { loadMessages } from './load'

/** The UI language chosen by the root loader, and its messages. */
export function useLang(): Lang {
  const data = useRouteLoaderData('root') as { lang?: Lang } | undefined
  // Without the root's data (its loader failed in the browser, e.g. revalidating offline): the page's language,
  // so an error page speaks it too rather than English.
  return data?.lang ?? ((globalThis.document?.documentElement.lang as Lang | undefined) || 'en')
}

/** The viewer's time zone (their settings, else the browser's): times on every page are shown in it. */
export function useTimeZone(): string {
  const data = useRouteLoaderData('root') as { timeZone?: string } | undefined
  return data?.timeZone ?? 'UTC'
}

export function useT(): Messages {
  const lang = useLang()
  // In the browser only the page's language is loaded; another one (chosen during the visit) suspends the
  // render until its dictionary arrives.
  return hasMessages(lang) ? messagesFor(lang) : use(loadMessages(lang))
}
