import { describe, expect, it } from 'vitest'
import { processCount } from '~/utils/cluster.server'

describe('how many server processes (WEB_CONCURRENCY)', () => {
  it('is one per core when unset or empty', () => {
    expect(processCount(undefined, 2)).toBe(2)
    expect(processCount('', 8)).toBe(8)
    expect(processCount(undefined, 0)).toBe(1)
  })

  it('is the number given; 1 means no cluster', () => {
    expect(processCount('1', 8)).toBe(1)
    expect(processCount('3', 2)).toBe(3)
  })

  it('refuses what is not a whole number from 1 to 256, saying so', () => {
    for (const bad of ['0', '-2', '1.5', 'two', '257']) expect(() => processCount(bad, 2)).toThrow(/WEB_CONCURRENCY/)
  })
})
