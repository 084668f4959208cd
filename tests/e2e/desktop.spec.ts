import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { answerKindCard, KIND_CARDS } from '../support/answer-card'
import { answerRegion, prompt, remainingCounts, verdict } from '../support/study-screen'

test('keyboard: Space reveals, 1–4 rate, U undoes, Enter reveals', async ({ page }) => {
  const cspViolations: string[] = []
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspViolations.push(m.text()))
  const response = await page.goto('/decks/dates/study')
  expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
  await expect(page.getByText('Keys: Space or Enter shows the answer')).toBeVisible()
  const first = (await prompt(page).textContent()) ?? ''
  await page.keyboard.press('Space')
  await expect(answerRegion(page)).toBeVisible()
  await page.keyboard.press('3')
  await expect(prompt(page)).not.toHaveText(first)
  await expect(answerRegion(page)).toHaveCount(0)
  await expect(remainingCounts(page)).toContainText(', 1 learning,')

  await page.keyboard.press('u')
  await expect(page.getByText('Last answer undone.')).toBeVisible()
  await expect(prompt(page)).toHaveText(first)
  await expect(remainingCounts(page)).toContainText(', 0 learning,')

  await page.keyboard.press('Enter')
  await expect(answerRegion(page)).toBeVisible()
  await page.keyboard.press('1')
  await expect(remainingCounts(page)).toContainText(', 1 learning,')
  expect(cspViolations).toEqual([])
})

test('dark mode follows the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/')
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(bg).toBe('rgb(18, 19, 22)')
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
})

test('no accessibility violations on the deck list and the study screen (desktop)', async ({ page }) => {
  await page.goto('/')
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  await page.goto('/decks/all/study')
  await page.keyboard.press('Space')
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('plain links and form posts study a card', async ({ page }) => {
    await page.goto('/decks/dates/study')
    const first = (await prompt(page).textContent()) ?? ''
    await page.getByRole('link', { name: 'Show answer' }).click()
    await expect(page).toHaveURL(/reveal=1/)
    await page.getByRole('button', { name: /^Easy, next in/ }).click()
    await expect(prompt(page)).not.toHaveText(first)
    await expect(remainingCounts(page)).toHaveText(/, 0 due$/)
    await page.goto('/')
    await expect(page.getByText(/Today: 1 answered/)).toBeVisible()
  })
})

test('no accessibility violations on any question kind, before and after checking', async ({ page }) => {
  // Seventeen axe runs: more than the default 30 s on a busy two-core machine.
  test.setTimeout(180_000)
  for (const id of KIND_CARDS) {
    await page.goto(`/decks/kinds/study?card=${id}`)
    expect((await new AxeBuilder({ page }).analyze()).violations, `${id} front`).toEqual([])
    // A wrong answer: its verdict shows the most (what was expected, what differed).
    await answerKindCard(page, { correct: false, style: 'lists' })
    await page.getByRole('button', { name: 'Check' }).click()
    await expect(verdict(page)).toContainText('Not quite')
    expect((await new AxeBuilder({ page }).analyze()).violations, `${id} verdict`).toEqual([])
  }
  await page.goto('/quiz')
  expect((await new AxeBuilder({ page }).analyze()).violations, 'quiz setup').toEqual([])
})

test('ordering by keyboard alone: pick up with Enter, place with Enter', async ({ page }) => {
  await checkOrderingByKeyboard(page)
  // The key goes in as soon as the verdict shows, as a learner's would.
  await page.keyboard.press('3')
  await expect(verdict(page)).toHaveCount(0)
})

test('after Check the suggested rating has the focus', async ({ page }) => {
  await checkOrderingByKeyboard(page)
  await expect(page.getByRole('button', { name: /^Good, .*\(suggested\)$/ })).toBeFocused()
})

/**
 * Answers the ordering card with keys alone and checks it, with loaders that run again held back, as on a busy
 * server: the verdict must not show while a navigation is still pending (its rating buttons disabled, a rating key
 * pressed then was ignored, and the suggested rating mounted disabled could not take the focus).
 */
async function checkOrderingByKeyboard(page: Page) {
  await page.goto('/decks/kinds/study?card=kd-ordering-autumn-trips')
  // The server renders the same rows; each event becomes a pick-up button once scripts run.
  await expect(page.getByRole('button', { name: /^1 of 3: / })).toBeVisible()
  await answerKindCard(page, { correct: true, style: 'keyboard' })
  await page.route(/\.data\?/, async (route) => {
    if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 1000))
    await route.continue()
  })
  await page.getByRole('button', { name: 'Check' }).focus()
  await page.keyboard.press('Enter')
  await expect(verdict(page)).toContainText('Correct')
}

test('keyboard while answering: number keys pick an option, Enter checks, Enter again records the suggested rating; U undoes before answering too', async ({
  page,
}) => {
  await page.goto('/decks/kinds/study?card=kd-choice-asean-chair')
  const malaysia = await page
    .getByRole('radio')
    .evaluateAll((radios) => radios.findIndex((r) => (r.closest('label')?.textContent ?? '').includes('Malaysia')))
  await page.keyboard.press(String(malaysia + 1))
  await expect(page.getByRole('radio', { name: 'Malaysia' })).toBeChecked()
  await page.keyboard.press('Enter')
  await expect(verdict(page)).toContainText('Correct')
  await expect(page.getByRole('button', { name: /^Good, next in .* \(suggested\)$/ })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(verdict(page)).toHaveCount(0)
  await expect(remainingCounts(page)).toContainText(', 1 learning,')
  // The next card is unanswered (a typed one has its field focused: Escape leaves it); U takes back the last answer.
  await page.keyboard.press('Escape')
  await page.keyboard.press('u')
  await expect(page.getByText('Last answer undone.')).toBeVisible()
  await expect(remainingCounts(page)).toContainText(', 0 learning,')
})

test('keyboard: a typed question has its field focused', async ({ page }) => {
  await page.goto('/decks/kinds/study?card=kd-typed-meeting-day')
  await expect(page.getByLabel('Your answer')).toBeFocused()
  await page.keyboard.type('28 October 2025')
  await page.keyboard.press('Enter')
  await expect(verdict(page)).toContainText('Correct')
})
