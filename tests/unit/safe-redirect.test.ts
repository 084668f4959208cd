import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from '~/domain/safe-redirect'

describe('safeRedirectPath', () => {
  it.each([
    ['/decks/all/study?card=x#top', '/decks/all/study?card=x#top'],
    ['/', '/'],
    ['/日本', '/%E6%97%A5%E6%9C%AC'],
    ['/a/../b', '/b'],
  ])('keeps the same-origin path %j as %j', (target, expected) => {
    expect(safeRedirectPath(target)).toBe(expected)
  })

  it.each([
    '//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/..//evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '',
    'x'.repeat(2001),
    '/\u0000',
    null,
    undefined,
    42,
  ])('refuses %j', (target) => {
    expect(safeRedirectPath(target)).toBe('/')
  })

  it('always answers a single-slash path of printable ASCII (safe for a Location header, same origin in a browser)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (tail) => {
        const result = safeRedirectPath('/' + tail)
        expect(result).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/)
        expect(new URL(result, 'https://app.example').origin).toBe('https://app.example')
      }),
      { numRuns: 2000 },
    )
  }, 30_000) // 2,000 runs: about a second alone, more on a loaded machine
})
