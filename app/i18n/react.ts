import { useRouteLoaderData } from 'react-router'
import { messagesFor, type Lang, type Messages } from './index'

/** The UI language chosen by the root loader, and its messages. */
export function useLang(): Lang {
  const data = useRouteLoaderData('root') as { lang?: Lang } | undefined
  return data?.lang ?? 'en'
}

export function useT(): Messages {
  return messagesFor(useLang())
}
