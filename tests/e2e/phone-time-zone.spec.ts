/** The time-zone picker on a 360 px phone: grouped by region, the device's zone first, and a search, in en and zh. */
import { expect, test, type Page } from '@playwright/test'

test.use({ viewport: { width: 360, height: 740 }, timezoneId: 'Asia/Tokyo' })

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test('grouped zones, the device first; a search picks the zone that is then saved, in English and Chinese', async ({ page }) => {
  // Any page tells the server the browser's zone (the tz cookie); the settings page then offers it first.
  await page.goto('/')
  await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === 'tz')?.value).toBe('Asia%2FTokyo')
  await page.goto('/settings')
  const zone = page.getByLabel('Time zone', { exact: true })
  // Option groups are not in the accessibility tree of a closed select: found by their label attribute.
  await expect(zone.locator('optgroup[label="This device"] option')).toHaveText('Tokyo (UTC+9)')
  await expect(zone.locator('optgroup[label="Europe"]').getByRole('option', { name: 'Paris (UTC+1)' })).toBeAttached()
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)

  await page.getByLabel('Find a time zone').fill('kolkata')
  await expect(page.getByText('1 time zone matches; it is chosen below.')).toBeVisible()
  await expect(zone).toHaveValue('Asia/Calcutta')
  await expect(zone.getByRole('option')).toHaveText(['Kolkata (UTC+5:30)'])
  await page.getByRole('button', { name: 'Save' }).tap()
  await expect(page.getByText('Settings saved.')).toBeVisible()
  await expect(zone).toHaveValue('Asia/Calcutta')
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)

  await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible()
  const zoneZh = page.getByLabel('时区', { exact: true })
  await expect(zoneZh.locator('optgroup[label="本设备"] option')).toHaveText('日本（UTC+9）')
  await expect(zoneZh.locator('optgroup[label="亚洲"]').getByRole('option', { name: '印度（UTC+5:30）' })).toBeAttached()
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
  await page.getByLabel('查找时区').fill('芝加哥')
  await expect(zoneZh).toHaveValue('America/Chicago')
  await page.getByRole('button', { name: '保存' }).tap()
  await expect(page.getByText('设置已保存。')).toBeVisible()
  await expect(zoneZh).toHaveValue('America/Chicago')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the grouped select alone chooses and saves a zone; no search field that would do nothing', async ({ page }) => {
    await page.goto('/settings')
    await expect(page.getByLabel('Find a time zone')).toBeHidden()
    const zone = page.getByLabel('Time zone', { exact: true })
    await zone.selectOption('Europe/Paris')
    await page.getByRole('button', { name: 'Save' }).tap()
    await expect(page.getByText('Settings saved.')).toBeVisible()
    await expect(zone).toHaveValue('Europe/Paris')
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
  })
})
