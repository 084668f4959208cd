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

function fisherYates(order: number[], rand: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
}

/**
 * A uniformly random permutation of 0..n-1, the identity included: where position must tell nothing (choice
 * options, framing-pair sides, matching columns), the authored order has to be as likely as any other.
 */
export function seededPermutation(n: number, seed: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  fisherYates(order, seededRandom(seed))
  return order
}

/**
 * A permutation of 0..n-1 that is never the identity when n > 1, uniform over the others: only for ordering
 * questions, whose authored order is the answer (a list shown already in order teaches nothing).
 */
export function seededReordering(n: number, seed: string): number[] {
  const rand = seededRandom(seed)
  const order = Array.from({ length: n }, (_, i) => i)
  if (n < 2) return order
  // Rejection keeps the other orders equally likely; the odds of 16 identities in a row are below 2^-16.
  for (let attempt = 0; attempt < 16; attempt++) {
    fisherYates(order, rand)
    if (order.some((v, i) => v !== i)) return order
  }
  return [...order.slice(1), order[0]!]
}

export function seededPick<T>(items: readonly T[], count: number, seed: string): T[] {
  const order = seededPermutation(items.length, seed)
  return order.slice(0, count).map((i) => items[i]!)
}
