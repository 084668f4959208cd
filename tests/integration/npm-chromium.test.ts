/**
 * The fresh-machine browser: the Chromium inside the npm package @sparticuz/chromium is unpacked and launches
 * under Playwright, so `npm install && npm test` needs no browser install on Linux x64.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { afterEach, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, findChromium } from '../support/browser'
import { ROOT } from '../support/paths'

const linuxX64 = process.platform === 'linux' && process.arch === 'x64'

describe.runIf(linuxX64)('Chromium from npm (CHROMIUM_FROM_NPM=1)', () => {
  const saved = { fromNpm: process.env.CHROMIUM_FROM_NPM, path: process.env.CHROMIUM_PATH }
  afterEach(() => {
    process.env.CHROMIUM_FROM_NPM = saved.fromNpm
    process.env.CHROMIUM_PATH = saved.path
    if (saved.fromNpm === undefined) delete process.env.CHROMIUM_FROM_NPM
    if (saved.path === undefined) delete process.env.CHROMIUM_PATH
  })

  it('is unpacked into node_modules/.cache and renders a page under Playwright', { timeout: 120_000 }, async () => {
    process.env.CHROMIUM_FROM_NPM = '1'
    delete process.env.CHROMIUM_PATH
    const executablePath = findChromium()
    expect(executablePath).toMatch(/node_modules\/\.cache\/sourcedeck-chromium\/[\d.]+\/launch-chromium$/)
    const browser = await chromium.launch({ executablePath: executablePath!, args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage()
      await page.setContent('<main><p id="p">Sourcedeck 学习</p><button onclick="this.textContent=\'done\'">go</button></main>')
      await page.click('button')
      expect(await page.textContent('button')).toBe('done')
      expect(await page.textContent('#p')).toBe('Sourcedeck 学习')
      // Latin text has a font (a width); CJK may render as boxes, which no test may depend on.
      expect((await page.locator('#p').boundingBox())!.width).toBeGreaterThan(20)
      // The packaged browser, not the system's.
      const packageJson = path.join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json')
      const packaged = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version.split('.')[0]
      expect(browser.version().split('.')[0]).toBe(packaged)
    } finally {
      await browser.close()
    }
  })
})
