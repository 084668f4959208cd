/**
 * The service worker (hand-written: vite-plugin-pwa does not support React Router framework mode). It
 * precaches the offline app and the site's built assets, serves pages from the network and, when there is
 * none, the offline app (a kept deck's study page, or the list of kept decks); it sends the outbox by
 * Background Sync. Bundled by scripts/build-offline.ts, which fills in PRECACHE and VERSION.
 */
import { flushOutbox, SYNC_TAG } from './sync'

// The few worker types used here (the project's lib is DOM; the webworker lib would clash with it).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  request: Request
  respondWith(response: Promise<Response> | Response): void
}
interface WorkerScope {
  location: Location
  skipWaiting(): Promise<void>
  clients: { claim(): Promise<void> }
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
  addEventListener(type: 'sync', listener: (event: ExtendableEvent & { tag: string }) => void): void
}
declare const self: WorkerScope
declare const PRECACHE: string[]
declare const VERSION: string

const SHELL = `sourcedeck-shell-${VERSION}`
const ASSETS = 'sourcedeck-assets'
const OFFLINE_PAGE = '/offline.html'

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL)
      await cache.addAll(PRECACHE)
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('sourcedeck-shell-') && key !== SHELL) await caches.delete(key)
      await self.clients.claim()
    })(),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(async () => {
        const page = await caches.match(OFFLINE_PAGE)
        return page ?? new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain' } })
      }),
    )
    return
  }
  // Hashed build assets never change: the cache first, filled as pages load them.
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/offline/') || url.pathname.startsWith('/icons/')) {
    event.respondWith(
      (async () => {
        const hit = await caches.match(request)
        if (hit) return hit
        const response = await fetch(request)
        if (response.ok) await (await caches.open(url.pathname.startsWith('/assets/') ? ASSETS : SHELL)).put(request, response.clone())
        return response
      })(),
    )
  }
})

self.addEventListener('sync', (e) => {
  if (e.tag === SYNC_TAG) {
    e.waitUntil(
      flushOutbox(self.location.origin).then((outcome) => {
        // Failing makes the browser try again later.
        if (!outcome.ok && outcome.error !== 'offline') throw new Error(outcome.error)
      }),
    )
  }
})
