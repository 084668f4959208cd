import type { Route } from './+types/not-found'
import { RouteErrorBoundary } from '~/components/error-page'
import { pageTitle } from '~/i18n/meta'
import { errorPage } from '~/utils/http-errors.server'

/** Any unknown address: a 404 page in the viewer's language, inside the layout (header and navigation stay). */
export function loader() {
  throw errorPage('notFoundText', 404)
}

export function meta(args: Route.MetaArgs) {
  return pageTitle(args, (t) => t.notFoundTitle)
}

export const ErrorBoundary = RouteErrorBoundary

export default function NotFound() {
  return null
}
