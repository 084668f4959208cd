import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

async function expectTapTargets(page: Page, selector: string) {
  for (const box of await page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
    expect(box.height, `${selector} height`).toBeGreaterThanOrEqual(44)
    expect(box.width, `${selector} width`).toBeGreaterThanOrEqual(44)
  }
}

test('a learner studies five cards on a phone, reloads, and finds the progress kept', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Your decks' })).toBeVisible()
  await page.getByRole('link', { name: /Study All fixture cards/ }).click()
  await expect(page).toHaveURL(/\/decks\/all\/study/)

  const seen: string[] = []
  for (let i = 0; i < 5; i++) {
    const prompt = page.locator('.prompt')
    await expect(prompt).toBeVisible()
    const text = (await prompt.textContent()) ?? ''
    expect(seen).not.toContain(text)
    seen.push(text)
    await page.getByRole('link', { name: 'Show answer' }).tap()
    await expect(page.locator('.answer')).toBeVisible()
    await expect(page.locator('.citation blockquote').first()).toBeVisible()
    // Each citation says who speaks as well as which document it is from.
    await expect(page.locator('.citation-speaker').first()).toContainText(/^Said by: \S/)
    await page.getByRole('button', { name: /^Good, next in/ }).tap()
    await expect(page.locator('.prompt')).not.toHaveText(text)
  }
  await expect(page.locator('.study-head .counts .count-learning')).toHaveText('5')

  await page.reload()
  await expect(page.locator('.study-head .counts .count-learning')).toHaveText('5')
  await page.goto('/')
  await expect(page.getByText('Today: 5 answered · 5 of 20 new cards')).toBeVisible()
})

test.describe('at 360 × 740', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  test('no horizontal scroll, 44 px tap targets, answer controls at the bottom within thumb reach', async ({ page }) => {
    await page.goto('/')
    await expectNoHorizontalScroll(page)
    await expectTapTargets(page, '.deck-link, .topnav a, .topnav button')
    await page.goto('/decks/all/study')
    await expectNoHorizontalScroll(page)
    const reveal = page.getByRole('link', { name: 'Show answer' })
    const revealBox = (await reveal.boundingBox())!
    expect(revealBox.y + revealBox.height).toBeGreaterThan(740 - 80)
    expect(revealBox.height).toBeGreaterThanOrEqual(44)
    await reveal.tap()
    await expectNoHorizontalScroll(page)
    await expectTapTargets(page, '.rate, .undo-form button, .back-link')
    for (const box of await page.locator('.rate').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
      expect(box.y + box.height).toBeGreaterThan(740 - 80)
    }
  })

  test('Chinese interface and card text both fit', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
    await expect(page.getByRole('heading', { level: 1, name: '我的卡组' })).toBeVisible()
    await page.goto('/decks/all/study')
    await page.getByRole('link', { name: '显示答案' }).tap()
    await expect(page.locator('.answer [lang="zh-Hans"]')).toBeVisible()
    await expectNoHorizontalScroll(page)
    await expect(page.getByRole('button', { name: /^良好/ })).toBeVisible()
  })
})

test('no accessibility violations on the deck list and the study screen (phone)', async ({ page }) => {
  await page.goto('/')
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  await page.goto('/decks/all/study')
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  await page.getByRole('link', { name: 'Show answer' }).tap()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
})
