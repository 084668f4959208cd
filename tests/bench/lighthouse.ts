/** Lighthouse mobile (performance + accessibility) on the study page, median of several runs. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CHROMIUM_ARGS, findChromium } from '../support/browser'
import { ROOT } from '../support/paths'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export function measureLighthouse(
  pageUrl: string,
  runs = 3,
): { performance: number; accessibility: number; runs: Array<{ performance: number; accessibility: number }> } | { skipped: string } {
  const chrome = findChromium()
  if (!chrome) return { skipped: 'no Chromium' }
  const results: Array<{ performance: number; accessibility: number }> = []
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'lh-'))
    const out = path.join(dir, 'report.json')
    const r = spawnSync(
      path.join(ROOT, 'node_modules', '.bin', 'lighthouse'),
      [
        pageUrl,
        '--quiet',
        '--only-categories=performance,accessibility',
        '--form-factor=mobile',
        '--output=json',
        `--output-path=${out}`,
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8', timeout: 180_000 },
    )
    if (r.status !== 0) {
      rmSync(dir, { recursive: true, force: true })
      return { skipped: `lighthouse failed: ${(r.stderr || '').slice(-300)}` }
    }
    const report = JSON.parse(readFileSync(out, 'utf8')) as { categories: Record<string, { score: number }> }
    results.push({
      performance: Math.round(report.categories.performance!.score * 100),
      accessibility: Math.round(report.categories.accessibility!.score * 100),
    })
    rmSync(dir, { recursive: true, force: true })
  }
  return {
    performance: median(results.map((r) => r.performance)),
    accessibility: median(results.map((r) => r.accessibility)),
    runs: results,
  }
}
