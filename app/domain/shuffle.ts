/**
 * Deterministic shuffling: the same seed always gives the same order, so a question can be rebuilt on the
 * server to grade it exactly as it was shown.
 */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed)
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A permutation of 0..n-1; never the identity when n > 1 (a list shown in its answer order teaches nothing). */
export function seededPermutation(n: number, seed: string): number[] {
  const rand = seededRandom(seed)
  const order = Array.from({ length: n }, (_, i) => i)
  for (let attempt = 0; attempt < 8; attempt++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    if (n < 2 || order.some((v, i) => v !== i)) return order
  }
  return [...order.slice(1), order[0]!]
}

export function seededPick<T>(items: readonly T[], count: number, seed: string): T[] {
  const order = seededPermutation(items.length, seed)
  return order.slice(0, count).map((i) => items[i]!)
}
