/** A learner on a phone answers one item of every kind, in review and in a quiz. */
import { expect, test, type Page } from '@playwright/test'

const ORDER = ['ASEAN-related summits in Kuala Lumpur', 'APEC ministerial meeting in Gyeongju', "G7 foreign ministers' meeting in Niagara"]
const ROLES: Record<string, string> = {
  Rubio: 'U.S. Secretary of State',
  Anwar: 'Prime Minister of Malaysia',
  'Okonjo-Iweala': 'WTO Director-General',
}

/** Reorders with the arrow buttons, as a keyboard or tap user would. */
async function orderWithArrows(page: Page) {
  for (let target = 0; target < ORDER.length; target++) {
    const texts = await page.locator('.order-item').allInnerTexts()
    let current = texts.findIndex((t) => t.includes(ORDER[target]!))
    while (current > target) {
      await page.getByRole('button', { name: `Move “${ORDER[target]}” up` }).tap()
      current--
    }
  }
}

/** Reorders by tapping an event, then tapping where it goes. */
async function orderByTapping(page: Page) {
  for (let target = 0; target < ORDER.length; target++) {
    const texts = await page.locator('.order-item').allInnerTexts()
    const current = texts.findIndex((t) => t.includes(ORDER[target]!))
    if (current === target) continue
    await page.locator('.order-item').nth(current).tap()
    await page.locator('.order-item').nth(target).tap()
  }
}

async function answerCorrectly(page: Page, style: 'tap' | 'lists') {
  const prompt = (await page.locator('.prompt').innerText()).trim()
  if (prompt.includes('Rubio')) await page.getByLabel('Your answer').fill('28 October 2025')
  else if (prompt.includes('ASEAN Chair')) await page.locator('label.choice', { hasText: 'Malaysia' }).tap()
  else if (prompt.startsWith('True or false')) await page.locator('label.choice', { hasText: 'True' }).tap()
  else if (prompt.startsWith('Fill the gap')) await page.getByLabel('Your answer').fill('Tokyo')
  else if (prompt.includes('autumn 2025 trips')) await (style === 'tap' ? orderByTapping(page) : orderWithArrows(page))
  else if (prompt.includes('Match each person')) {
    for (const [left, right] of Object.entries(ROLES)) {
      if (style === 'tap') {
        await page.locator('.match-left .match-chip', { hasText: left }).tap()
        await page.locator('.match-rights .match-chip', { hasText: right }).tap()
      } else await page.getByLabel(left, { exact: true }).selectOption({ label: right })
    }
  } else if (prompt.includes('Whose description')) await page.locator('label.choice', { hasText: 'Japanese official' }).tap()
  else if (prompt.includes('characterisation of the summit')) {
    const sides = await page.locator('.side blockquote').allInnerTexts()
    for (let i = 0; i < sides.length; i++) {
      await page
        .getByLabel(`Characterisation ${i + 1}`)
        .selectOption({ label: sides[i]!.includes('friendly') ? 'Japanese official' : 'Chinese commentary' })
    }
  } else throw new Error(`unexpected prompt: ${prompt}`)
  return prompt
}

const KINDS = [
  'kd-typed-meeting-day',
  'kd-choice-asean-chair',
  'kd-true-false-overnight',
  'kd-cloze-summit-day',
  'kd-ordering-autumn-trips',
  'kd-matching-roles',
  'kd-attribution-rocket-start',
  'kd-framing-pair-summit',
]

test('review: every kind is answered, checked as correct, and rated with the suggested Good', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  for (const id of KINDS) {
    await page.goto(`/decks/kinds/study?card=${id}`)
    await answerCorrectly(page, 'tap')
    await page.getByRole('button', { name: 'Check' }).tap()
    await expect(page.locator('.verdict')).toContainText('Correct')
    await expect(page.locator('.citation').first()).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, `${id} fits 360 px`).toBeLessThanOrEqual(0)
    const good = page.getByRole('button', { name: /^Good, next in .* \(suggested\)$/ })
    await expect(good).toBeVisible()
    await good.tap()
    await expect(page.locator('.verdict')).toHaveCount(0)
  }
  await page.goto('/')
  await expect(page.getByText(/Today: 8 answered/)).toBeVisible()
})

test('review: a wrong typed answer shows what differed and suggests Again', async ({ page }) => {
  await page.goto('/decks/kinds/study?card=kd-typed-meeting-day')
  await page.getByLabel('Your answer').fill('29 October 2025')
  await page.getByRole('button', { name: 'Check' }).tap()
  await expect(page.locator('.verdict')).toContainText('Not quite')
  await expect(page.locator('.verdict .diff')).toBeVisible()
  // The diff is labelled, and the expected answer is the card's own wording in both languages.
  await expect(page.locator('.verdict dt', { hasText: 'Your answer against “28 October 2025”' })).toBeVisible()
  await expect(page.locator('.verdict dd', { hasText: '2025 年 10 月 28 日' })).toBeVisible()
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
    const prompt = (await page.locator('.prompt').innerText()).trim()
    if (prompt.startsWith('Fill the gap')) await page.getByLabel('Your answer').fill('Osaka')
    else await answerCorrectly(page, 'lists')
    seen.push(prompt)
    await page.getByRole('button', { name: i === 7 ? 'See my score' : 'Next question' }).tap()
  }
  expect(new Set(seen).size).toBe(8)
  await expect(page.getByRole('heading', { name: 'Score: 7 of 8' })).toBeVisible()
  await expect(page.locator('.mistakes .citation blockquote')).toContainText('从吉隆坡乘坐夜航班返回东京后')
  await page.getByRole('button', { name: 'Send missed items to my reviews' }).tap()
  await expect(page.getByText('1 item will come first in your reviews.')).toBeVisible()
  await page.getByRole('link', { name: 'Study them now' }).tap()
  await expect(page.getByText('Missed in a quiz')).toBeVisible()
  await expect(page.locator('.prompt')).toContainText('Fill the gap')
})
