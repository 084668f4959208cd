/**
 * Where to send someone after a form (the `next` of sign-in, the page after a language switch): only a path
 * on this app's own origin. The target is parsed as a browser would parse it against our origin, so tricks
 * that browsers turn into another host (`/%09/evil.example` → `/\t/evil.example` → `//evil.example`,
 * backslashes, `/..//host`) are refused; what comes back is percent-encoded ASCII, safe for a Location header.
 */
const BASE = 'https://app.invalid'
const FALLBACK = '/'

export function safeRedirectPath(target: unknown, fallback: string = FALLBACK): string {
  if (typeof target !== 'string' || target.length === 0 || target.length > 2000) return fallback
  // Control characters (browsers strip tabs and newlines), backslashes (read as slashes) and anything that
  // is not a plain path start are refused before parsing.
  if (!target.startsWith('/') || hasControlOrBackslash(target)) return fallback
  let url: URL
  try {
    url = new URL(target, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE) return fallback
  const path = url.pathname + url.search + url.hash
  // A path that starts with two slashes would be read as another host.
  if (path.startsWith('//') || !/^[\u0021-\u007e]*$/.test(path)) return fallback
  return path
}

function hasControlOrBackslash(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true
  }
  return false
}
