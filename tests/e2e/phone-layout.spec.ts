/** Cards whose options run to a sentence fit a 360 px phone, in every card language, with and without scripts. */
import { expect, test, type Page } from '@playwright/test'
import { questionCard } from '../support/study-screen'

const CARD = '/decks/layout/study?card=ly-matching-long-options'

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

async function useCardLanguage(page: Page, label: 'English' | 'Chinese' | 'Both') {
  await page.goto('/settings')
  await page.getByLabel('Card language').selectOption({ label })
  await page.getByRole('button', { name: 'Save', exact: true }).tap()
  await expect(page.getByText('Settings saved.')).toBeVisible()
}

/** The Check button and every partner list sit inside the screen. */
async function expectInsideScreen(page: Page, width: number) {
  expect(await sidewaysScroll(page), 'no sideways scroll').toBeLessThanOrEqual(0)
  const controls = questionCard(page)
    .getByRole('combobox')
    .or(page.getByRole('button', { name: /^(Check|Undo the last answer|Switch the interface to Chinese)$/ }))
  expect(await controls.count(), 'controls to measure').toBeGreaterThan(0)
  for (const el of await controls.all()) {
    const box = (await el.boundingBox())!
    expect(box.x, 'starts on screen').toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, 'ends on screen').toBeLessThanOrEqual(width)
  }
}

test.describe('matching with sentence-long options at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  for (const language of ['Both', 'English', 'Chinese'] as const) {
    test(`fits the screen, and a tapped item's partners open right under it (${language})`, async ({ page }) => {
      await useCardLanguage(page, language)
      await page.goto(CARD)
      await expect(page.getByRole('button', { name: 'Check' })).toBeVisible()
      await expectInsideScreen(page, 360)
      // Tap the second item: its partner list opens between it and the third item, not below everything.
      // The items to match: each has its partner select (the partner lists' items do not).
      const lefts = questionCard(page)
        .getByRole('listitem')
        .filter({ has: page.getByRole('combobox') })
      await lefts.nth(1).getByRole('button').first().tap()
      const partners = lefts.nth(1).getByRole('list')
      await expect(partners.getByRole('button')).toHaveCount(5)
      const [second, list, third] = await Promise.all([
        lefts.nth(1).getByRole('combobox').boundingBox(),
        partners.boundingBox(),
        lefts.nth(2).boundingBox(),
      ])
      expect(list!.y).toBeGreaterThanOrEqual(second!.y + second!.height)
      expect(list!.y + list!.height).toBeLessThanOrEqual(third!.y)
      await expectInsideScreen(page, 360)
      // A long partner wraps onto several lines instead of widening the page.
      const longest = partners
        .getByRole('button')
        .filter({ hasText: language === 'Chinese' ? '不定期的外交部副部长级会谈' : 'vice-ministerial talks' })
      if (language !== 'Chinese') expect((await longest.boundingBox())!.height).toBeGreaterThan(48)
      await longest.tap()
      await expect(partners).toHaveCount(0)
      await expect(lefts.nth(1).getByRole('combobox')).toHaveValue(/\d/)
    })
  }

  test('fits the screen without scripts', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    await page.goto(CARD)
    await expectInsideScreen(page, 360)
    await context.close()
  })
})
