import { expect, test, type Page } from '@playwright/test'

/** Every link and button in the top bar renders its text on one line, and the page has no sideways scroll. */
async function expectNavIntact(page: Page) {
  const broken = await page.locator('header').evaluate((header) => {
    const out: string[] = []
    for (const el of header.querySelectorAll('a, button')) {
      const range = document.createRange()
      range.selectNodeContents(el)
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
      if (lines.size > 1) out.push(el.textContent ?? '')
    }
    return out
  })
  expect(broken).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
}

for (const width of [360, 412]) {
  test.describe(`top navigation at ${width} px`, () => {
    test.use({ viewport: { width, height: 740 } })

    test('no navigation item breaks inside a word, in English and Chinese', async ({ page }) => {
      await page.goto('/')
      await expect(page.getByRole('navigation').getByRole('link', { name: 'Decks' })).toBeVisible()
      await expectNavIntact(page)
      await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
      await expect(page.getByRole('navigation').getByRole('link', { name: '卡组' })).toBeVisible()
      await expectNavIntact(page)
    })
  })
}
