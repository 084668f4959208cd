/**
 * The parser attack of issue 9: a 117 KB form of 40,000 × `x=` posted to /login. Measures how long the answer
 * takes (median of 5) and how long /healthz takes while one is in flight.
 */
const ATTACK = Array.from({ length: 40_000 }, () => 'x=').join('&')

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await fn()
  return { ms: Math.round((performance.now() - started) * 10) / 10, value }
}

export async function measureParseAttack(url: string) {
  const attack = () =>
    fetch(`${url}/login`, {
      method: 'POST',
      headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: ATTACK,
    }).then(async (r) => {
      await r.arrayBuffer()
      return r.status
    })
  const runs: number[] = []
  const healthDuring: number[] = []
  let status = 0
  for (let i = 0; i < 5; i++) {
    const [a, h] = await Promise.all([timed(attack), timed(() => fetch(`${url}/healthz`).then((r) => r.arrayBuffer()))])
    runs.push(a.ms)
    healthDuring.push(h.ms)
    status = a.value
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  return { medianMs: median(runs), healthzDuringMs: median(healthDuring), status, bytes: ATTACK.length }
}
