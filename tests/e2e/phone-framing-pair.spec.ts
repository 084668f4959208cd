/** A framing pair is checked only with both sides chosen; the message appears beside the blank side, nothing moves. */
import { expect, test, type Page } from '@playwright/test'

const CARD = '/decks/kinds/study?card=kd-framing-pair-summit'

const LANGUAGES = {
  en: {
    locale: 'en-US',
    check: 'Check',
    side: (n: number) => `Characterisation ${n}`,
    option: 'Japanese official',
    message: 'Choose one: Check needs both.',
    result: 'Result',
  },
  'zh-Hans': {
    locale: 'zh-CN',
    check: '核对',
    side: (n: number) => `描述 ${n}`,
    option: '日本官方',
    message: '请选择：两段都要选。',
    result: '结果',
  },
} as const

async function boxes(page: Page, language: (typeof LANGUAGES)[keyof typeof LANGUAGES]) {
  const out = []
  for (const locator of [
    page.getByLabel(language.side(1)),
    page.getByLabel(language.side(2)),
    page.getByRole('button', { name: language.check }),
  ]) {
    out.push(await locator.boundingBox())
  }
  return out
}

for (const [name, language] of Object.entries(LANGUAGES)) {
  test.describe(`framing pair at 360 px (${name})`, () => {
    test.use({ viewport: { width: 360, height: 740 }, locale: language.locale })

    test('Check with a side left blank shows why beside it, moves nothing, and checks nothing', async ({ page }) => {
      await page.goto(CARD)
      const check = page.getByRole('button', { name: language.check })
      await expect(check).toBeVisible()
      // Once React owns the selects (it tags the nodes it hydrates), its message replaces the browser's bubble.
      await expect
        .poll(() => page.getByLabel(language.side(2)).evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber'))))
        .toBe(true)
      await page.getByLabel(language.side(1)).selectOption({ label: language.option })
      const before = await boxes(page, language)
      await check.tap()
      await expect(page.getByText(language.message)).toHaveCount(1)
      await expect(page.getByLabel(language.side(2))).toHaveAttribute('aria-invalid', 'true')
      await expect(page.getByRole('region', { name: language.result, exact: true })).toHaveCount(0)
      expect(await boxes(page, language), 'the selects and the Check button stay where they were').toEqual(before)
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
      // Choosing the blank side clears the message; Check then gives a verdict.
      await page.getByLabel(language.side(2)).selectOption({ index: 1 })
      await expect(page.getByText(language.message)).toHaveCount(0)
      await check.tap()
      await expect(page.getByRole('region', { name: language.result, exact: true })).toBeVisible()
    })
  })
}
