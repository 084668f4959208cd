/** A learner on a phone answers one item of every kind, in review and in a quiz. */
import { expect, test } from '@playwright/test'
import { answerKindCard, KIND_CARDS } from '../support/answer-card'
import { prompt, verdict } from '../support/study-screen'

test('review: every kind is answered, checked as correct, and rated with the suggested Good', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  for (const id of KIND_CARDS) {
    await page.goto(`/decks/kinds/study?card=${id}`)
    await answerKindCard(page, { correct: true, style: 'tap' })
    await page.getByRole('button', { name: 'Check' }).tap()
    await expect(verdict(page)).toContainText('Correct')
    await expect(page.getByRole('figure').first()).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, `${id} fits 360 px`).toBeLessThanOrEqual(0)
    const good = page.getByRole('button', { name: /^Good, next in .* \(suggested\)$/ })
    await expect(good).toBeVisible()
    await good.tap()
    await expect(verdict(page)).toHaveCount(0)
  }
  await page.goto('/')
  await expect(page.getByText(/Today: 8 answered/)).toBeVisible()
})

test('review: a wrong typed answer shows what differed and suggests Again', async ({ page }) => {
  await page.goto('/decks/kinds/study?card=kd-typed-meeting-day')
  await page.getByLabel('Your answer').fill('29 October 2025')
  await page.getByRole('button', { name: 'Check' }).tap()
  await expect(verdict(page)).toContainText('Not quite')
  await expect(verdict(page).getByRole('deletion').or(verdict(page).getByRole('insertion')).first()).toBeVisible()
  // The diff is labelled, and the expected answer is the card's own wording in both languages.
  await expect(verdict(page).getByRole('term').filter({ hasText: 'Your answer against “28 October 2025”' })).toBeVisible()
  await expect(verdict(page).getByRole('definition').filter({ hasText: '2025 年 10 月 28 日' })).toBeVisible()
  // What differed is text a screen reader reads: each mark says what it is, and the key to the marks is shown.
  await expect(verdict(page).getByRole('deletion')).toHaveText('extra: 9')
  await expect(verdict(page).getByRole('insertion')).toHaveText('missing: 8')
  await expect(
    verdict(page).getByRole('definition').filter({ hasText: 'Missing text is underlined, extra text struck through.' }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: /^Again, next in .* \(suggested\)$/ })).toBeVisible()
})

test('quiz: every kind once, a full score, then missed items go to review', async ({ page }) => {
  await page.goto('/quiz')
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Every question kind' })
  await page.getByLabel('Number of questions').fill('8')
  await page.getByRole('button', { name: 'Start quiz' }).tap()
  const seen: string[] = []
  for (let i = 0; i < 8; i++) {
    await expect(page.getByRole('heading', { name: `Question ${i + 1} of 8` })).toBeVisible()
    // Answer all correctly except the cloze, to see a mistake beside its source quote.
    const shown = (await prompt(page).innerText()).trim()
    seen.push(await answerKindCard(page, { correct: !shown.startsWith('Fill the gap'), style: 'lists' }))
    await page.getByRole('button', { name: i === 7 ? 'See my score' : 'Next question' }).tap()
  }
  expect(new Set(seen).size).toBe(8)
  await expect(page.getByRole('heading', { name: 'Score: 7 of 8' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Mistakes' }).getByRole('figure').getByRole('blockquote')).toContainText(
    '从吉隆坡乘坐夜航班返回东京后',
  )
  await page.getByRole('button', { name: 'Send missed items to my reviews' }).tap()
  await expect(page.getByText('1 item will come first in your reviews.')).toBeVisible()
  await page.getByRole('link', { name: 'Study them now' }).tap()
  await expect(page.getByText('Missed in a quiz')).toBeVisible()
  await expect(prompt(page)).toContainText('Fill the gap')
})
