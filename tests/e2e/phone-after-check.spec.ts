/** After Check the question stays on screen, and a reload is not a second try (issue 14, items 11 and 15). */
import { expect, test } from '@playwright/test'
import { choice, choiceLabels, questionCard, verdict as verdictRegion } from '../support/study-screen'

test('after Check a choice card shows every option, the right one and the learner’s pick marked', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/decks/kinds/study?card=kd-choice-asean-chair')
  // Each label reads "English 中文" (cards show both languages by default); the verdict is matched on the English.
  const options = await choiceLabels(page)
  const wrong = options.find((o) => !o.includes('Malaysia'))!
  await choice(page, wrong).tap()
  const wrongInEnglish = wrong.replace(/\s*\p{Script=Han}.*$/u, '')
  await page.getByRole('button', { name: 'Check' }).tap()
  const verdict = verdictRegion(page)
  await expect(verdict).toContainText('Not quite')
  const shown = verdict.getByRole('listitem')
  await expect(shown).toHaveCount(options.length)
  await expect(shown.filter({ hasText: 'Malaysia' })).toContainText('right answer')
  await expect(shown.filter({ hasText: wrongInEnglish })).toContainText('your answer')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('after Check a true/false card keeps its statement; a framing pair keeps both statements', async ({ page }) => {
  await page.goto('/decks/kinds/study?card=kd-true-false-overnight')
  const statement = (await questionCard(page).getByRole('blockquote').innerText()).split('\n')[0]!.trim()
  await choice(page, 'False').tap()
  await page.getByRole('button', { name: 'Check' }).tap()
  await expect(verdictRegion(page)).toContainText(statement)
  await expect(verdictRegion(page).getByRole('listitem').filter({ hasText: 'True' })).toContainText('right answer')

  await page.goto('/decks/kinds/study?card=kd-framing-pair-summit')
  const sides = await questionCard(page).getByRole('blockquote').allInnerTexts()
  await page.getByLabel('Characterisation 1').selectOption({ label: 'Japanese official' })
  await page.getByLabel('Characterisation 2').selectOption({ label: 'Japanese official' })
  await page.getByRole('button', { name: 'Check' }).tap()
  for (const side of sides) await expect(verdictRegion(page)).toContainText(side.split('\n')[0]!.trim())
})

test('reloading after Check shows the same verdict instead of a fresh try, and the rating counts that answer', async ({ page }) => {
  await page.goto('/decks/kinds/study?card=kd-typed-meeting-day')
  await page.getByLabel('Your answer').fill('29 October 2025')
  await page.getByRole('button', { name: 'Check' }).tap()
  await expect(verdictRegion(page)).toContainText('Not quite')
  await page.reload()
  await expect(verdictRegion(page)).toContainText('Not quite')
  await expect(verdictRegion(page)).toContainText('29 October 2025')
  await expect(page.getByLabel('Your answer')).toHaveCount(0)
  await page.getByRole('button', { name: /^Again, next in .* \(suggested\)$/ }).tap()
  await expect(verdictRegion(page)).toHaveCount(0)
  // Rated: shown again later, it is a fresh question.
  await page.goto('/decks/kinds/study?card=kd-typed-meeting-day')
  await expect(page.getByLabel('Your answer')).toBeVisible()
})

test('a revealed flip card stays revealed after a reload', async ({ page }) => {
  await page.goto('/decks/all/study')
  await page.getByRole('link', { name: 'Show answer' }).tap()
  const good = page.getByRole('button', { name: /^Good, next in/ })
  await expect(good).toBeVisible()
  await page.reload()
  await expect(good).toBeVisible()
  await expect(page.getByRole('link', { name: 'Show answer' })).toHaveCount(0)
})
