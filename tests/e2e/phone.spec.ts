import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { answerRegion, prompt, remainingCounts } from '../support/study-screen'

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

async function expectTapTargets(targets: Locator, what: string) {
  const boxes = await targets.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))
  expect(boxes.length, `${what}: some to measure`).toBeGreaterThan(0)
  for (const box of boxes) {
    expect(box.height, `${what} height`).toBeGreaterThanOrEqual(44)
    expect(box.width, `${what} width`).toBeGreaterThanOrEqual(44)
  }
}

/** The four rating buttons ("Good, next in 10 min"). */
const ratingButtons = (page: Page) => page.getByRole('button', { name: /^(Again|Hard|Good|Easy), next in / })

test('a learner studies five cards on a phone, reloads, and finds the progress kept', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Your decks' })).toBeVisible()
  await page.getByRole('link', { name: /Study All fixture cards/ }).click()
  await expect(page).toHaveURL(/\/decks\/all\/study/)

  const seen: string[] = []
  for (let i = 0; i < 5; i++) {
    await expect(prompt(page)).toBeVisible()
    const text = (await prompt(page).textContent()) ?? ''
    expect(seen).not.toContain(text)
    seen.push(text)
    await page.getByRole('link', { name: 'Show answer' }).tap()
    await expect(answerRegion(page)).toBeVisible()
    const citation = answerRegion(page).getByRole('figure').first()
    await expect(citation.getByRole('blockquote')).toBeVisible()
    // Each citation says who speaks as well as which document it is from.
    await expect(citation.getByText(/^Said by: \S/)).toBeVisible()
    await page.getByRole('button', { name: /^Good, next in/ }).tap()
    await expect(prompt(page)).not.toHaveText(text)
  }
  await expect(remainingCounts(page)).toContainText(', 5 learning,')

  await page.reload()
  await expect(remainingCounts(page)).toContainText(', 5 learning,')
  await page.goto('/')
  await expect(page.getByText('Today: 5 answered · 5 of 20 new cards')).toBeVisible()
})

test.describe('at 360 × 740', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  test('no horizontal scroll, 44 px tap targets, answer controls at the bottom within thumb reach', async ({ page }) => {
    await page.goto('/')
    await expectNoHorizontalScroll(page)
    const nav = page.getByRole('navigation', { name: 'Sourcedeck' })
    await expectTapTargets(
      page
        .getByRole('link', { name: /^Study / })
        .or(nav.getByRole('link'))
        .or(nav.getByRole('button')),
      'deck and menu links',
    )
    await page.goto('/decks/all/study')
    await expectNoHorizontalScroll(page)
    const reveal = page.getByRole('link', { name: 'Show answer' })
    const revealBox = (await reveal.boundingBox())!
    expect(revealBox.y + revealBox.height).toBeGreaterThan(740 - 80)
    expect(revealBox.height).toBeGreaterThanOrEqual(44)
    await reveal.tap()
    await expectNoHorizontalScroll(page)
    const undo = page.getByRole('button', { name: 'Undo the last answer' })
    const back = page.getByRole('link', { name: 'Back to decks' })
    await expectTapTargets(ratingButtons(page).or(undo).or(back), 'ratings, undo and back')
    for (const box of await ratingButtons(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
      expect(box.y + box.height).toBeGreaterThan(740 - 80)
    }
  })

  test('Chinese interface and card text both fit', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
    await expect(page.getByRole('heading', { level: 1, name: '我的卡组' })).toBeVisible()
    await page.goto('/decks/all/study')
    await page.getByRole('link', { name: '显示答案' }).tap()
    await expect(page.getByRole('region', { name: '答案', exact: true }).locator('[lang="zh-Hans"]').first()).toBeVisible()
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
