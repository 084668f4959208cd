import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContentFromDisk } from '~/utils/content-files.server'
import { FIXTURE_CONTENT, ROOT } from '../support/paths'

const script = (name: string) => path.join(ROOT, 'content', 'scripts', name)

/** A sources folder holding exactly the fixture's quotes, so these tests need no real source texts. */
function sourcesFromFixtureQuotes(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sd-sources-'))
  const { bundle } = loadContentFromDisk(FIXTURE_CONTENT)
  for (const doc of bundle.sources) {
    const quotes = bundle.items.flatMap((i) => i.sources.filter((c) => c.doc === doc.id).map((c) => c.quote))
    writeFileSync(path.join(dir, doc.file), quotes.join('\n'))
  }
  return dir
}
const SOURCES = sourcesFromFixtureQuotes()
function runScript(name: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', script(name)], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' })
}

function contentCopy(edit: (bank: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sd-content-'))
  cpSync(FIXTURE_CONTENT, dir, { recursive: true })
  const bank = path.join(dir, 'banks', 'fixture.yaml')
  writeFileSync(bank, edit(readFileSync(bank, 'utf8')))
  return dir
}

describe('npm run content:check', () => {
  it('passes on good content and verifies quotes against the sources', () => {
    const r = runScript('check.ts', { CONTENT_DIR: FIXTURE_CONTENT, CONTENT_SOURCES: SOURCES })
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('content: 17 items')
    expect(r.stdout).toContain(`quotes verified against 5 source texts in ${SOURCES}`)
    expect(r.stdout).toContain('content:check ok')
  })

  it('fails on a quote that is not in its source, naming file, item and field', () => {
    const dir = contentCopy((t) =>
      t.replace('With the inauguration of the Takaichi Sanae administration', 'With the inauguration of the Ishiba administration'),
    )
    const r = runScript('check.ts', { CONTENT_DIR: dir, CONTENT_SOURCES: SOURCES })
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(
      /banks\/fixture\.yaml:\d+ item "mh-date-takaichi-administration-start" field "sources\.0\.quote": quote not found in motegi-hosoya-2026-en/,
    )
  })

  it('says plainly when quote verification was skipped for want of the sources folder', () => {
    const r = runScript('check.ts', { CONTENT_DIR: FIXTURE_CONTENT, CONTENT_SOURCES: '/nonexistent/sources' })
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('quote verification skipped: source folder /nonexistent/sources not found')
  })
})

describe('npm run content:export', () => {
  it('prints every item as one JSON array with the public fields', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script('export.ts')], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: FIXTURE_CONTENT },
      encoding: 'utf8',
    })
    const items = JSON.parse(out) as Array<Record<string, unknown>>
    expect(items).toHaveLength(17)
    expect(Object.keys(items[0]!)).toEqual([
      'id',
      'decks',
      'kind',
      'category',
      'prompt',
      'answer',
      'accepted',
      'explanation',
      'tags',
      'sources',
    ])
    expect(items[0]).toMatchObject({ id: 'mh-date-takaichi-administration-start', decks: ['all', 'dates'], kind: 'flip', category: 'date' })
    expect((items[0]!.sources as object[])[0]).toEqual({
      doc: 'motegi-hosoya-2026-en',
      speaker: expect.any(String),
      locator: expect.any(String),
      quote: expect.any(String),
    })
    expect(Object.keys((items[0]!.sources as object[])[0]!)).toEqual(['doc', 'speaker', 'locator', 'quote'])
  })

  it('refuses to export invalid content', () => {
    const dir = contentCopy((t) => t.replace('category: date', 'category: dates'))
    const r = runScript('export.ts', { CONTENT_DIR: dir })
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('field "category": must be one of')
  })
})
