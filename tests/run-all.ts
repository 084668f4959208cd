/**
 * `npm test`: every suite — content check, typecheck, lint, format, production build, unit + integration +
 * reliability (vitest), the app on a libSQL server (vitest, when Python with aiohttp is here), browser
 * (Playwright) — each phase timed, then one plain line with the totals:
 * `N passed, M failed`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { findChromium, NO_BROWSER_MESSAGE } from './support/browser'
import { hranaUnavailable } from './support/hrana-server'
import { ROOT } from './support/paths'

const results = path.join(ROOT, 'test-results')
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

let passed = 0
let failed = 0
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name)

const timings: Array<{ label: string; seconds: number }> = []

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.log(`\n── ${label} ──`)
  const started = performance.now()
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  timings.push({ label, seconds: (performance.now() - started) / 1000 })
  return r.status ?? 1
}

/** A phase that is one check: it passes or fails as a whole. */
function check(label: string, command: string, args: string[]) {
  if (run(label, command, args) === 0) passed++
  else failed++
}

// 1. Content: schema, references and every quote against its source.
check('content:check', process.execPath, ['--import', 'tsx', 'content/scripts/check.ts'])

// 2. What the design relies on: strict types, lint rules for the module boundaries (eslint.config.js), and one
//    code format (Prettier, .prettierrc.json), so diffs show changes, not layout.
check('typecheck', 'npm', ['run', '-s', 'typecheck'])
check('lint', 'npm', ['run', '-s', 'lint'])
check('format', 'npm', ['run', '-s', 'format:check'])

// 3. The production build: the reliability and browser suites run against it.
const built = run('build', 'npm', ['run', '-s', 'build']) === 0
if (!built) failed++

/** A vitest run of some projects, its passes and failures added to the totals. */
function vitest(label: string, projects: string[], jsonName: string) {
  const json = path.join(results, jsonName)
  run(label, bin('vitest'), [
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${json}`,
  ])
  if (existsSync(json)) {
    const v = JSON.parse(readFileSync(json, 'utf8')) as { numPassedTests: number; numFailedTests: number; success: boolean }
    passed += v.numPassedTests
    failed += v.numFailedTests
    if (!v.success && v.numFailedTests === 0) failed++ // a suite that failed to load
  } else failed++
}

// 4. Unit, integration and (with a build) reliability tests.
vitest('unit + integration + reliability (vitest)', built ? ['unit', 'integration', 'reliability'] : ['unit', 'integration'], 'vitest.json')

// 4b. The app against a libSQL server over HTTP, in a run of its own: it holds the machine's port-8080 lock
// only meanwhile. Needs Python with aiohttp and the Hrana test server; otherwise it says why it is skipped.
const libsqlSkipped = hranaUnavailable()
if (libsqlSkipped) console.log(`\nlibSQL server suite skipped: ${libsqlSkipped}`)
else vitest('libSQL server (Hrana test server, vitest)', ['libsql-server'], 'libsql-server.json')

// 5. Browser tests against the production build.
const chromium = findChromium()
if (!chromium) {
  console.error(`\n${NO_BROWSER_MESSAGE}`)
  failed++
} else if (built) {
  console.log(`\nbrowser: ${chromium}`)
  const e2eJson = path.join(results, 'e2e.json')
  const status = run('browser (Playwright, Chromium)', bin('playwright'), ['test'], { CHROMIUM_PATH: chromium })
  if (existsSync(e2eJson)) {
    const s = (JSON.parse(readFileSync(e2eJson, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } }).stats
    passed += s.expected + s.flaky
    failed += s.unexpected
    // A run that failed without a failing test (the web server did not start, a spec did not load) or ran
    // none is a failure too, not 0 of 0.
    if ((status !== 0 && s.unexpected === 0) || s.expected + s.unexpected + s.flaky === 0) failed++
  } else failed++
}

console.log('\n── timings ──')
for (const t of timings) console.log(`${t.label.padEnd(44)} ${t.seconds.toFixed(1).padStart(6)} s`)
if (libsqlSkipped) console.log(`\nlibSQL server suite skipped: ${libsqlSkipped}`)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
