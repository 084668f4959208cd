import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { remainingCounts } from '../support/study-screen'

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
}

async function studyThree(page: Page) {
  await page.goto('/decks/all/study')
  for (let i = 0; i < 3; i++) {
    await page.getByRole('link', { name: 'Show answer' }).tap()
    await page.getByRole('button', { name: /^Good, next in/ }).tap()
    await expect(page.getByRole('status').filter({ hasText: /./ })).toHaveCount(0)
  }
  await expect(remainingCounts(page)).toContainText(', 3 learning,')
}

test('statistics after a first session: streak, heatmap, tables and a deck filter, with no accessibility violations', async ({ page }) => {
  await studyThree(page)
  await page.goto('/stats')
  await expect(page.getByRole('heading', { level: 1, name: 'Your statistics' })).toBeVisible()
  await expect(page.getByText('Current streak: 1 day · longest: 1 day')).toBeVisible()
  await expect(page.getByRole('img', { name: /^3 answers on 1 day in the last 365 days/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /^New \d+, Learning 3, Review 0, Relearning 0$/ })).toBeVisible()
  const tables = page.getByText('Show as a table')
  await tables.first().tap()
  await expect(page.getByRole('rowheader', { name: new Date().toISOString().slice(0, 7) })).toBeVisible()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  // The deck picker is as tall as a finger, like every other control (it was a bare 19 px select).
  const deckPicker = page.getByLabel('Deck', { exact: true })
  expect((await deckPicker.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  await deckPicker.selectOption({ label: 'Fixture dates' })
  await page.getByRole('button', { name: 'Show' }).tap()
  await expect(page).toHaveURL(/\/stats\?deck=dates/)
  await expect(page.getByRole('heading', { level: 1, name: 'Your statistics' })).toBeVisible()
})

test.describe('at 360 × 740', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  test('the statistics page fits a small phone in English and Chinese, tables open', async ({ page }) => {
    await studyThree(page)
    await page.goto('/stats')
    for (const summary of await page.getByText('Show as a table').all()) await summary.tap()
    await expectNoHorizontalScroll(page)
    await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
    await expect(page.getByRole('heading', { level: 1, name: '我的学习统计' })).toBeVisible()
    for (const summary of await page.getByText('以表格显示').all()) await summary.tap()
    await expectNoHorizontalScroll(page)
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  })
})
