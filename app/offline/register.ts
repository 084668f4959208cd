/** Installs the service worker (production builds only) and remembers the UI language for offline pages. */
export function registerServiceWorker(lang: string): void {
  try {
    localStorage.setItem('sd-lang', lang)
  } catch {
    // Private mode without storage: offline pages fall back to the browser's language.
  }
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return
  void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined)
}
