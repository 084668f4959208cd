/** Quizzes on a phone: flip cards graded fairly, the result's breakdown, and the countdown of a timed quiz. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { parse } from 'yaml'
import { ROOT } from '../support/paths'
import { prompt } from '../support/study-screen'

interface FixtureItem {
  id: string
  kind: string
  category: string
  prompt: { en: string }
  answer: { en: string }
  explanation: { en: string }
}
const fixtureItems = (parse(readFileSync(path.join(ROOT, 'tests/fixtures/content/banks/fixture.yaml'), 'utf8')) as { items: FixtureItem[] })
  .items

test('quiz: flip cards are asked as a choice among comparable answers and the right choice scores', async ({ page }) => {
  await page.goto('/quiz')
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Fixture dates' })
  await page.getByLabel('Number of questions').fill('6')
  await page.getByRole('button', { name: 'Start quiz' }).tap()
  for (let i = 0; i < 6; i++) {
    await expect(page.getByRole('heading', { name: `Question ${i + 1} of 6` })).toBeVisible()
    const shown = (await prompt(page).locator('[lang="en"]').innerText()).trim()
    const item = fixtureItems.find((it) => it.prompt.en.trim() === shown)
    expect(item, `a fixture flip card: ${shown}`).toBeDefined()
    expect(item!.kind).toBe('flip')
    // No text box to type a long answer into: four options, one of them the card's own answer.
    await expect(page.getByLabel('Your answer')).toHaveCount(0)
    await expect(page.getByRole('radio')).toHaveCount(4)
    await page.getByRole('radio', { name: item!.answer.en }).first().tap()
    await page.getByRole('button', { name: i === 5 ? 'See my score' : 'Next question' }).tap()
  }
  await expect(page.getByRole('heading', { name: 'Score: 6 of 6 (100%)' })).toBeVisible()
  const byCategory = page.getByRole('table', { name: 'By category' })
  await expect(byCategory).toContainText('Date')
  await expect(byCategory).toContainText('6 of 6')
})

test('quiz: a mistake shows its explanation, and the score its percentage', async ({ page }) => {
  await page.goto('/quiz')
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Fixture dates' })
  await page.getByLabel('Number of questions').fill('1')
  await page.getByRole('button', { name: 'Start quiz' }).tap()
  await page.getByRole('button', { name: 'See my score' }).tap()
  await expect(page.getByRole('heading', { name: 'Score: 0 of 1 (0%)' })).toBeVisible()
  const mistakes = page.getByRole('list', { name: 'Mistakes' })
  const missed = await mistakes.getByRole('heading', { level: 3 }).innerText()
  const item = fixtureItems.find((it) => missed.includes(it.prompt.en.trim()))
  expect(item, `a fixture card: ${missed}`).toBeDefined()
  await expect(mistakes.getByRole('heading', { name: 'Why', exact: true })).toBeVisible()
  await expect(mistakes.getByText(item!.explanation.en.trim())).toBeVisible()
})

test('timed quiz: a live countdown, a warning before time runs out, then the result', async ({ page }) => {
  await page.clock.install()
  await page.goto('/quiz')
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Fixture dates' })
  await page.getByLabel('Number of questions').fill('2')
  await page.getByLabel(/Time limit/).fill('1')
  await page.getByRole('button', { name: 'Start quiz' }).tap()
  await expect(page.getByRole('heading', { name: 'Question 1 of 2' })).toBeVisible()
  const clock = page.getByRole('timer')
  const warning = page.getByRole('status').filter({ hasText: 'Time is almost up' })
  await expect(clock).toHaveText(/^Time left: [01]:\d\d$/)
  await expect(warning).toHaveCount(0)
  await expect(clock).not.toHaveCSS('font-weight', '600')
  const before = await clock.innerText()
  await page.clock.runFor(5_000)
  await expect(clock).not.toHaveText(before)
  // A 1-minute quiz warns in its last 12 seconds (a fifth of the limit).
  await page.clock.runFor(45_000)
  await expect(warning).toHaveText('Time is almost up: answers after the limit do not count.')
  // The clock itself turns to the warning style.
  await expect(clock).toHaveCSS('font-weight', '600')
  // The server holds the deadline; the page opens the result when the clock reaches zero.
  await page.clock.runFor(15_000)
  await expect(page).toHaveURL(/\/result$/)
})

test('timed quiz without JavaScript: the server still says how long is left', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/quiz')
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Fixture dates' })
  await page.getByLabel('Number of questions').fill('2')
  await page.getByLabel(/Time limit/).fill('3')
  await page.getByRole('button', { name: 'Start quiz' }).click()
  await expect(page.getByRole('timer')).toHaveText('3 min left')
  await context.close()
})
