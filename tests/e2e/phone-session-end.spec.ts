/** Deck counts with words and a progress bar; the end of a session; quiz history times (issue 14, items 16, 17, 19). */
import { expect, test, type Page } from '@playwright/test'

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)

test.use({ viewport: { width: 360, height: 740 } })

test('each deck shows its counts with words and how much of it is started', async ({ page }) => {
  await page.goto('/')
  const deck = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Study Fixture dates' }) })
  await expect(deck).toContainText(/\d+ new/)
  await expect(deck).toContainText(/\d+ learning/)
  await expect(deck).toContainText(/\d+ due/)
  await expect(deck).toContainText(/^.*0 of \d+ started/)
  await expect(deck.getByRole('progressbar')).toHaveAttribute('value', '0')
  await expect(page.getByText(/one limit shared by all decks/)).toHaveCount(0) // a visitor has no "Today" line yet
  await noSidewaysScroll(page)
  await page.goto('/decks/dates/study')
  await page.getByRole('link', { name: 'Show answer' }).tap()
  await page.getByRole('button', { name: /^Easy, next in/ }).tap()
  await expect(page.getByRole('link', { name: 'Show answer' })).toBeVisible() // recorded: the next card is up
  await page.goto('/')
  await expect(deck).toContainText(/1 of \d+ started/)
  await expect(deck.getByRole('progressbar')).toHaveAttribute('value', '1')
  await expect(page.getByText(/one limit shared by all decks/)).toBeVisible()
  await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
  await expect(deck.or(page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /测试日期/ }) })).first()).toContainText(
    /已学 1 \/ \d+/,
  )
  await noSidewaysScroll(page)
})

test('the end of a session sums it up, says when the next card is due in words, and offers more', async ({ page }) => {
  // Start as a guest with one new card a day.
  await page.goto('/decks/dates/study')
  await page.getByRole('link', { name: 'Show answer' }).tap()
  await page.getByRole('button', { name: /^Easy, next in/ }).tap()
  await expect(page.getByRole('link', { name: 'Show answer' })).toBeVisible()
  await page.goto('/settings')
  await page.getByLabel('New cards per day').fill('1')
  await page.getByRole('button', { name: 'Save' }).tap()
  await expect(page.getByText('Settings saved.')).toBeVisible()
  await page.goto('/decks/dates/study')
  await expect(page.getByRole('heading', { name: 'All done for now' })).toBeVisible()
  await expect(page.getByText(/Today in this deck: 1 card · 100% right · \d+ min/)).toBeVisible()
  await expect(page.getByText(/The next card is due (today|tomorrow|in \d days), \d\d:\d\d\./)).toBeVisible()
  await expect(page.getByText(/today's limit of 1 new cards, shared by all decks/)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Save your progress: sign up' })).toBeVisible()
  await noSidewaysScroll(page)
  await page.getByRole('button', { name: 'Study 10 more new cards today' }).tap()
  await expect(page.getByRole('link', { name: 'Show answer' })).toBeVisible()
  await expect(page.getByText('New card')).toBeVisible()
})

test('the session end links to a quiz on its deck; quiz history names the deck and shows no seconds', async ({ page }) => {
  await page.goto('/quiz?deck=kinds')
  await expect(page.getByLabel('Deck', { exact: true })).toHaveValue('kinds')
  await page.getByLabel('Number of questions').fill('1')
  await page.getByRole('button', { name: 'Start quiz' }).tap()
  // One question, left blank: "See my score" finishes the quiz.
  await page.getByRole('button', { name: 'See my score' }).tap()
  await page.waitForURL(/\/result$/)
  await page.goto('/quiz')
  const line = page.getByRole('link', { name: /^Every question kind · 0\/1 · / })
  await expect(line).toBeVisible()
  expect(await line.innerText()).toMatch(/\d\d:\d\d$/)
  expect(await line.innerText()).not.toMatch(/\d\d:\d\d:\d\d/)
})
