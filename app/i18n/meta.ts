/** Tab titles in the viewer's language: each route's `meta` names its page; the root loader knows the language. */
import { isRouteErrorResponse } from 'react-router'
import { isLang, messagesForOrLoaded, type Messages } from './index'

interface TitleArgs {
  matches: ReadonlyArray<{ id: string; loaderData?: unknown } | undefined>
  error?: unknown
}

/** The messages for the language the root loader chose (English if it has not run). */
export function metaMessages(matches: TitleArgs['matches']): Messages {
  const root = matches.find((m) => m?.id === 'root')?.loaderData as { lang?: unknown } | undefined
  return messagesForOrLoaded(isLang(root?.lang) ? root.lang : 'en')
}

/** `[{ title: "测验 · Sourcedeck" }]`: the page's name, or on an error page what went wrong. */
export function pageTitle(args: TitleArgs, page: (t: Messages) => string) {
  const t = metaMessages(args.matches)
  if (args.error !== undefined && args.error !== null) {
    const status = isRouteErrorResponse(args.error) ? args.error.status : 500
    return [{ title: t.tabTitle(status === 404 ? t.notFoundTitle : status === 401 ? t.sessionEndedTitle : t.errorTitle) }]
  }
  return [{ title: t.tabTitle(page(t)) }]
}

/** The viewer's language in a `meta` function (for titles that are content, such as a deck's). */
export function metaLang(matches: TitleArgs['matches']) {
  const root = matches.find((m) => m?.id === 'root')?.loaderData as { lang?: unknown } | undefined
  return isLang(root?.lang) ? root.lang : 'en'
}
