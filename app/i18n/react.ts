import { useRouteLoaderData } from 'react-router'
import { messagesFor, type Lang, type Messages } from './index'

/** The UI language chosen by the root loader, and its messages. */
export function useLang(): Lang {
  const data = useRouteLoaderData('root') as { lang?: Lang } | undefined
  return data?.lang ?? 'en'
}

/** The viewer's time zone (their settings, else the browser's): times on every page are shown in it. */
export function useTimeZone(): string {
  const data = useRouteLoaderData('root') as { timeZone?: string } | undefined
  return data?.timeZone ?? 'UTC'
}

export function useT(): Messages {
  return messagesFor(useLang())
}
