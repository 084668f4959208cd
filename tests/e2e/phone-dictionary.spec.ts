import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { ROOT } from '../support/paths'

/** The dictionary chunks (app/i18n/en.ts, zh-Hans.ts) the page fetched so far. */
function dictionaryRequests(page: Page) {
  const seen: string[] = []
  page.on('request', (request) => {
    const match = /\/assets\/(en|zh-Hans)-[\w-]+\.js$/.exec(new URL(request.url()).pathname)
    if (match) seen.push(match[1]!)
  })
  return seen
}

test('a page loads only its own language; switching language during a visit loads the other and renders it', async ({ page }) => {
  const seen = dictionaryRequests(page)
  await page.goto('/decks/timeline/study')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  // Hydrated: the deck list link navigates on the client and the page stays English.
  await page.getByRole('navigation').getByRole('link', { name: 'Decks' }).tap()
  await expect(page.getByRole('heading', { level: 1, name: 'Your decks' })).toBeVisible()
  expect(seen).toEqual(['en'])

  await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
  await expect(page.getByRole('navigation').getByRole('link', { name: '卡组' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: '我的卡组' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans')
  expect(seen).toEqual(['en', 'zh-Hans'])
  await expect(page).toHaveTitle('我的卡组 · Sourcedeck')

  // A fresh page in Chinese loads the Chinese dictionary alone.
  const fresh = await page.context().newPage()
  const freshSeen = dictionaryRequests(fresh)
  await fresh.goto('/')
  await expect(fresh.getByRole('heading', { level: 1, name: '我的卡组' })).toBeVisible()
  await fresh.getByRole('navigation').getByRole('link', { name: '设置' }).tap()
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'zh-Hans')
  expect(freshSeen).toEqual(['zh-Hans'])
})

test('the tab title is in the new language when its dictionary arrives at once', async ({ page }) => {
  await page.goto('/decks/timeline/study')
  await page.getByRole('navigation').getByRole('link', { name: 'Decks' }).tap()
  await expect(page.getByRole('heading', { level: 1, name: 'Your decks' })).toBeVisible()
  await expect(page).toHaveTitle('Your decks · Sourcedeck')
  // The Chinese dictionary is already in the browser's module map (as when it comes at once, from a cache, on a
  // busy machine): its import settles before React's next slice of work, so React resumes the suspended render
  // where it stopped rather than starting again from the top, above which the tab title was computed.
  await page.evaluate((url) => import(url).then(() => undefined), builtChunk('app/i18n/zh-Hans.ts'))
  await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
  await expect(page.getByRole('heading', { level: 1, name: '我的卡组' })).toBeVisible()
  await expect(page).toHaveTitle('我的卡组 · Sourcedeck')
})

/** The address of a source module's chunk in the production build the browser tests run. */
function builtChunk(source: string): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'build/client/.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>
  return `/${manifest[source]!.file}`
}
