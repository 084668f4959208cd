import { describe, expect, it } from 'vitest'
import { clientAddressOf } from '~/utils/client-address.server'

describe('client address for rate limits', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf('192.0.2.1', '203.0.113.9', 0)).toBe('192.0.2.1')
  })

  it('counts trusted hops from the right, so a forged leftmost entry is never taken', () => {
    // client forged "6.6.6.6"; the one trusted proxy appended the address it saw.
    expect(clientAddressOf('10.0.0.2', '6.6.6.6, 198.51.100.7', 1)).toBe('198.51.100.7')
    expect(clientAddressOf('10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.1', 2)).toBe('198.51.100.7')
    // More hops trusted than the header has: the leftmost there is.
    expect(clientAddressOf('10.0.0.2', '198.51.100.7', 3)).toBe('198.51.100.7')
    expect(clientAddressOf('10.0.0.2', undefined, 1)).toBe('10.0.0.2')
  })
})
