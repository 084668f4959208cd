import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { messageText } from '~/i18n/keys'
import { useT } from '~/i18n/react'

/**
 * What an error page says, in the viewer's language: thrown responses carry a message key
 * (app/utils/http-errors.server.ts); anything else (a crash) gets a generic text, never its English details.
 */
export function ErrorMessage() {
  const error = useRouteError()
  const t = useT()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const body: unknown = isRouteErrorResponse(error) ? error.data : null
  const key = body && typeof body === 'object' && 'message' in body ? body.message : body
  const title = status === 404 ? t.notFoundTitle : status === 401 ? t.sessionEndedTitle : t.errorTitle
  const text = messageText(t, key) ?? (status === 404 ? t.notFoundText : t.errorReload)
  return (
    <div className="page">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link to="/">{t.backToDecks}</Link>
      </p>
    </div>
  )
}

/** A route's error boundary: it renders inside the root layout, so the header and navigation stay. */
export function RouteErrorBoundary() {
  return <ErrorMessage />
}
