/** Node's own limits on slow clients, lowered from its defaults (300 s for a request, 60 s for headers). */
import type { Server } from 'node:http'
import { bodyTimeoutMs } from './body-limits.server'

export function applyServerTimeouts(server: Server) {
  const requestMs = bodyTimeoutMs()
  // Node checks these every 30 s; app/utils/body-limits.server.ts drops a slow body at its deadline exactly.
  server.requestTimeout = requestMs
  server.headersTimeout = Math.min(10_000, requestMs)
  server.keepAliveTimeout = 5_000
}
