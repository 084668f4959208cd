import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { remainingCounts } from '../support/study-screen'

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
}

async function answerOne(page: Page) {
  await page.goto('/decks/all/study')
  await page.getByRole('link', { name: 'Show answer' }).tap()
  await page.getByRole('button', { name: /^Good, next in/ }).tap()
  await expect(remainingCounts(page)).toContainText(', 1 learning,')
}

test('flag a card from the study screen: the report is stored and the card keeps working', async ({ page }) => {
  await answerOne(page)
  await page.getByText('Report a problem').tap()
  // No reason chosen: the browser holds the form back (the study page ships no schema library).
  await page.getByRole('button', { name: 'Send report' }).tap()
  expect(await page.getByLabel('What is wrong?').evaluate((el) => (el as HTMLSelectElement).checkValidity())).toBe(false)
  await expect(page).toHaveURL(/\/decks\/all\/study$/)
  await page.getByLabel('What is wrong?').selectOption({ label: 'It is unclear' })
  await page.getByLabel('Note (optional)').fill('The prompt does not say which year.')
  await page.getByRole('button', { name: 'Send report' }).tap()
  await expect(page.getByRole('status').filter({ hasText: 'Thank you: your report was sent.' })).toBeVisible()
  await expect(page).toHaveURL(/\/decks\/all\/study\?msg=flagged$/)
  await expect(page.getByRole('link', { name: 'Show answer' })).toBeVisible()
})

test('card info while studying, then suspend from the card browser: the card leaves the queue and the counts', async ({ page }) => {
  await answerOne(page)
  await page.getByText('Card info').tap()
  await expect(page.getByText('You have not answered this card yet.')).toBeVisible()
  await page.goto('/cards?status=learning')
  await expect(page.getByText('1 card', { exact: true })).toBeVisible()
  await page.getByRole('link', { name: /^Info: / }).tap()
  await expect(page.getByRole('heading', { level: 1, name: 'Card' })).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: /^1$/ }).first()).toBeVisible()
  await page.goto('/cards?status=learning')
  await page.getByRole('button', { name: 'Suspend' }).tap()
  await expect(page).toHaveURL(/msg=suspended/)
  await expect(page.getByRole('status').filter({ hasText: 'Card suspended.' })).toBeVisible()
  // It no longer counts as learning: it is suspended.
  await expect(page.getByText('0 cards', { exact: true })).toBeVisible()
  await page.goto('/decks/all/study')
  await expect(remainingCounts(page)).toContainText(', 0 learning,')
  await page.goto('/cards?status=suspended')
  await page.getByRole('button', { name: 'Unsuspend' }).tap()
  await expect(page.getByRole('status').filter({ hasText: 'Card back in your reviews.' })).toBeVisible()
  await expect(page.getByText('0 cards', { exact: true })).toBeVisible()
})

test.describe('at 360 × 740', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  test('the card browser and a card page fit a small phone in English and Chinese, with no accessibility violations', async ({ page }) => {
    await answerOne(page)
    await page.goto('/cards')
    await expectNoHorizontalScroll(page)
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
    await page.getByLabel('Search').fill('zzzz-no-such-text')
    await page.getByRole('button', { name: 'Show' }).tap()
    await expect(page.getByText('No card matches these filters.')).toBeVisible()
    await page.goto('/cards')
    await page
      .getByRole('link', { name: /^Info: / })
      .first()
      .tap()
    await expectNoHorizontalScroll(page)
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
    await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
    await expect(page.getByRole('heading', { level: 1, name: '卡片' })).toBeVisible()
    await expectNoHorizontalScroll(page)
    await page.goto('/cards')
    await expect(page.getByRole('heading', { level: 1, name: '你的卡片' })).toBeVisible()
    await expectNoHorizontalScroll(page)
  })
})
