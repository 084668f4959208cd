/**
 * Item analysis and the dashboard sort by a column header (a link: ?sort=…&dir=…), at 360 px in English and
 * Chinese: aria-sort on the active header, the rows in the reader's order, no sideways scroll.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'

test.use({ viewport: { width: 360, height: 740 } })

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** The prompts down a table, without the "wrong options" link some carry. */
async function prompts(table: Locator, linkText: string): Promise<string[]> {
  const texts = await table.getByRole('rowheader').allInnerTexts()
  return texts.map((t) => t.replace(linkText, '').trim())
}

const sortedAs = (texts: string[], locale: string, dir: 'asc' | 'desc') => {
  const collator = new Intl.Collator(locale, { numeric: true })
  return [...texts].sort((a, b) => (dir === 'asc' ? 1 : -1) * collator.compare(a, b))
}

test('an instructor sorts item analysis by prompt and by a statistic, in English and Chinese, from header links', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto('/signup')
  await page.getByLabel('Name').fill('Prof. Mori')
  await page.getByLabel('E-mail').fill(`sort-teacher-${Date.now()}@example.org`)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByText('an instructor (I study too)').tap()
  await page.getByRole('button', { name: 'Create account' }).tap()
  await page.getByRole('link', { name: 'Classes' }).tap()
  await page.getByLabel('Class name').fill('Sorting seminar')
  await page.getByRole('button', { name: 'Create class' }).tap()
  await page.getByLabel('Title').fill('Kinds')
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Every question kind' })
  await page.getByLabel('Due date').fill('2099-12-31')
  await page.getByRole('button', { name: 'Assign' }).tap()
  await expect(page.getByRole('heading', { name: 'Progress: Kinds' })).toBeVisible()

  // The dashboard's tables use the same headers: "Item" sorts the per-item table.
  const byItem = page.getByRole('region', { name: 'By item' })
  await byItem.getByRole('link', { name: 'Item', exact: true }).tap()
  await expect(byItem.getByRole('columnheader', { name: 'Item, sorted ascending' })).toHaveAttribute('aria-sort', 'ascending')
  expect(await prompts(byItem, '')).toEqual(sortedAs(await prompts(byItem, ''), 'en', 'asc'))

  await page.getByRole('link', { name: 'Item analysis' }).tap()
  const review = page.getByRole('region', { name: 'Spaced review' })
  await expect(review.getByRole('rowheader')).toHaveCount(8)
  const deckOrder = await prompts(review, 'Wrong options')
  expect(deckOrder).not.toEqual(sortedAs(deckOrder, 'en', 'asc'))
  await expect(review.locator('th[aria-sort]')).toHaveCount(0)

  await review.getByRole('link', { name: 'Item', exact: true }).tap()
  const itemHeader = review.getByRole('columnheader', { name: /^Item/ })
  await expect(itemHeader).toHaveAttribute('aria-sort', 'ascending')
  expect(await prompts(review, 'Wrong options')).toEqual(sortedAs(deckOrder, 'en', 'asc'))
  // From the keyboard: the active header's link says its direction, Enter flips it.
  await review.getByRole('link', { name: 'Item, sorted ascending' }).focus()
  await page.keyboard.press('Enter')
  await expect(itemHeader).toHaveAttribute('aria-sort', 'descending')
  expect(await prompts(review, 'Wrong options')).toEqual(sortedAs(deckOrder, 'en', 'desc'))
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)

  // The flag column: one active header at a time, rows with equal flags keep the deck's order.
  await review.getByRole('link', { name: 'Needs checking?' }).tap()
  await expect(review.getByRole('columnheader', { name: /^Needs checking\?/ })).toHaveAttribute('aria-sort', 'ascending')
  await expect(review.locator('th[aria-sort]')).toHaveCount(1)
  expect(await prompts(review, 'Wrong options')).toEqual(deckOrder)

  await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
  const zhReview = page.getByRole('region', { name: '间隔复习' })
  await expect(zhReview.getByRole('columnheader', { name: /^需要复查？/ })).toHaveAttribute('aria-sort', 'ascending')
  await zhReview.getByRole('link', { name: '条目', exact: true }).tap()
  const zhItemHeader = zhReview.getByRole('columnheader', { name: /^条目/ })
  await expect(zhItemHeader).toHaveAttribute('aria-sort', 'ascending')
  const zhAsc = await prompts(zhReview, '选错的选项')
  expect(zhAsc).toEqual(sortedAs(zhAsc, 'zh-Hans', 'asc'))
  await zhReview.getByRole('link', { name: '条目，升序' }).tap()
  await expect(zhItemHeader).toHaveAttribute('aria-sort', 'descending')
  expect(await prompts(zhReview, '选错的选项')).toEqual(sortedAs(zhAsc, 'zh-Hans', 'desc'))
  await zhReview.getByRole('link', { name: '区分度' }).tap()
  await expect(zhReview.getByRole('columnheader', { name: /^区分度/ })).toHaveAttribute('aria-sort', 'ascending')
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
})
