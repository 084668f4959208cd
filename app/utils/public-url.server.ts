/**
 * The app's public origin, from PUBLIC_URL (e.g. https://sourcedeck.example). Every absolute link (reset
 * mails) and every same-origin check is made against it, never against the request's Host header, which
 * the client controls. Required in production: the server refuses to start without it.
 */

/** The configured origin, or null when PUBLIC_URL is unset (development and tests only). */
export function publicOrigin(): string | null {
  const raw = process.env.PUBLIC_URL
  if (!raw) return null
  return parsePublicUrl(raw)
}

/** The origin of a PUBLIC_URL value; throws with a clear message if it is not an http(s) origin. */
export function parsePublicUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute URL such as https://sourcedeck.example (got "${raw}").`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`PUBLIC_URL must start with https:// or http:// (got "${raw}").`)
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new Error(`PUBLIC_URL must be an origin only, with no path, query or credentials (got "${raw}").`)
  }
  return url.origin
}

/** At start-up in production: the origin, or a message saying what to set. */
export function requirePublicOrigin(): string {
  const raw = process.env.PUBLIC_URL
  if (!raw)
    throw new Error(
      'PUBLIC_URL is not set. Set it to the address users open, e.g. PUBLIC_URL=https://sourcedeck.example (see README, "Running in production").',
    )
  return parsePublicUrl(raw)
}

/**
 * The origin links are built on: PUBLIC_URL, or outside production (development, tests that call loaders
 * directly) the request's own origin.
 */
export function appOrigin(request: Request): string {
  const configured = publicOrigin()
  if (configured) return configured
  if (process.env.NODE_ENV === 'production') throw new Error('PUBLIC_URL is not set.')
  return new URL(request.url).origin
}
