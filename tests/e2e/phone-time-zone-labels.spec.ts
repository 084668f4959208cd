/**
 * The time-zone select on a 360 px phone (issue 14 leftover): a closed select shows its chosen label on one
 * line and cuts what does not fit, so every zone's label fits the closed select, in English and Chinese; and
 * with scripts the device's zone is offered first on the very first visit, before any page has reported it.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { sidewaysScroll } from '../support/phone-fit'

test.use({ viewport: { width: 360, height: 740 }, timezoneId: 'America/Argentina/Rio_Gallegos' })

/** The labels of the select's options (every zone) that are wider than the closed select's text area. */
function labelsCut(select: Locator) {
  return select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el)
    const context = document.createElement('canvas').getContext('2d')!
    context.font = style.font
    // The closed select's text area: its content box less the drop-down arrow Chromium draws beside the text.
    const ARROW = 24
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ARROW
    return [...el.options].map((o) => o.text).filter((text) => context.measureText(text).width > room)
  })
}

async function openSettings(page: Page, language: 'en' | 'zh-Hans') {
  await page.goto('/settings')
  if (language === 'zh-Hans') {
    await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
    await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible()
  }
  return page.getByLabel(language === 'en' ? 'Time zone' : '时区', { exact: true })
}

for (const language of ['en', 'zh-Hans'] as const) {
  test(`every zone's label fits the closed select at 360 px (${language})`, async ({ page }) => {
    const zone = await openSettings(page, language)
    expect(await zone.getByRole('option').count()).toBeGreaterThan(300)
    expect(await labelsCut(zone)).toEqual([])
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0)
  })
}

test('with scripts, the first visit offers the device zone first, before any page has reported it', async ({ page }) => {
  // The very first request: no tz cookie yet, so the server cannot know the zone; the page finds it itself.
  await page.goto('/settings')
  const zone = page.getByLabel('Time zone', { exact: true })
  await expect(zone.locator('optgroup[label="This device"] option')).toHaveText(/^Rio Gallegos/)
  await expect(zone.locator('optgroup[label="This device"] option')).toHaveAttribute('value', 'America/Argentina/Rio_Gallegos')
})
