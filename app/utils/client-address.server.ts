/**
 * The client's network address, for rate limits. Taken from the socket; only when TRUST_PROXY says how many
 * proxies (hops) stand in front of the server is X-Forwarded-For read, from the right, as far as those hops
 * vouch for it. A client can put anything in X-Forwarded-For: the leftmost entry is never trusted as such.
 */

/**
 * The header the production request handler (app/utils/request-handler.server.ts) puts the address in, after
 * removing any a client sent. (The server entry and the React Router build are separate bundles, so a router
 * context key would not be the same object in both; a header is. Under `npm run dev` nothing strips it.)
 */
export const CLIENT_ADDRESS_HEADER = 'x-sourcedeck-client-address'

export function trustedProxyHops(): number {
  const hops = Number(process.env.TRUST_PROXY ?? 0)
  return Number.isInteger(hops) && hops > 0 ? hops : 0
}

/** The address the last trusted hop saw: the socket's, or the entry that many hops in from the right. */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | undefined, hops = trustedProxyHops()): string {
  const socket = socketAddress ?? 'unknown'
  if (hops === 0 || !forwardedFor) return socket
  const chain = [
    ...forwardedFor
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    socket,
  ]
  return chain[Math.max(0, chain.length - 1 - hops)]!
}

export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'
}
