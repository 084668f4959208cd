/** A deck downloads from its export page on a 360 px phone, in English and in Chinese. */
import { expect, test, type Page } from '@playwright/test'

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test.describe('deck export at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  test('the deck list links to the export page, which downloads a GIFT file of the deck', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('link', { name: 'Export Every question kind' }).tap()
    await expect(page.getByRole('heading', { name: 'Export Every question kind' })).toBeVisible()
    expect(await sidewaysScroll(page), 'no sideways scroll').toBeLessThanOrEqual(0)
    await page.getByLabel('Format').selectOption('gift')
    await page.getByLabel('Card language').selectOption('both')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).tap()])
    expect(download.suggestedFilename()).toBe('kinds-both.gift.txt')
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))
    expect(text).toContain('$CATEGORY: $course$/top/Sourcedeck/kinds')
    expect(text).toContain('[tag:sourcedeck-kind-choice]')
  })

  test('in Chinese, the form speaks Chinese and an Anki package downloads', async ({ page }) => {
    await page.goto('/decks/kinds/export')
    await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
    await expect(page.getByRole('heading', { name: '导出“所有题型”' })).toBeVisible()
    expect(await sidewaysScroll(page), 'no sideways scroll').toBeLessThanOrEqual(0)
    await expect(page.getByLabel('卡片语言')).toHaveValue('zh')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).tap()])
    expect(download.suggestedFilename()).toBe('kinds-zh.apkg')
  })

  test('a selection (one category) downloads from the export page, in English and in Chinese', async ({ page }) => {
    await page.goto('/decks/kinds/export')
    await page.getByRole('link', { name: 'Export a selection of cards instead (by source, category or tag)' }).tap()
    await expect(page.getByRole('heading', { name: 'Export a selection of cards' })).toBeVisible()
    expect(await sidewaysScroll(page), 'no sideways scroll').toBeLessThanOrEqual(0)
    await page.getByLabel('Category').selectOption('date')
    await page.getByLabel('Format').selectOption('csv')
    await page.getByLabel('Card language').selectOption('en')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).tap()])
    expect(download.suggestedFilename()).toBe('category-date-en.csv')

    await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
    await expect(page.getByRole('heading', { name: '导出部分卡片' })).toBeVisible()
    expect(await sidewaysScroll(page), 'no sideways scroll').toBeLessThanOrEqual(0)
    await page.getByLabel('类别').selectOption('date')
    await page.getByLabel('格式').selectOption('gift')
    const [zh] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).tap()])
    expect(zh.suggestedFilename()).toBe('category-date-zh.gift.txt')
  })
})
