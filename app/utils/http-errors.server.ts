/**
 * Errors a user can reach travel as message keys, never as text: the page (or an error boundary) shows the key
 * in the viewer's language. `error` is an English detail for developers and API clients; pages never show it.
 */
import { data } from 'react-router'
import type { MessageKey } from '~/i18n/keys'

export interface ActionFailure {
  message: MessageKey
  error: string
}

/** An action's error answer: the key the page shows, and a developer's detail, with its status. */
export function failure(message: MessageKey, status: number, detail: string) {
  return data<ActionFailure>({ message, error: detail }, { status })
}

/** A thrown error page (404, 401 …) for the error boundaries, which keep the header and navigation. */
export function errorPage(message: MessageKey, status: number) {
  return data<{ message: MessageKey }>({ message }, { status })
}
