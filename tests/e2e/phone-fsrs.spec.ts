import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import path from 'node:path'
import { desc, sql } from 'drizzle-orm'
import { openDatabase } from '../../db/client'
import { fsrsOptimizer, fsrsParameters, users } from '../../db/schema'
import { DEFAULT_WEIGHTS } from '~/domain/scheduling'
import { ROOT } from '../support/paths'

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
}

/**
 * Two sets in the newest learner's history, as an optimiser run leaves them: one adopted and in force, one
 * that lost. (A browser test cannot wait the days a real fit needs; the fits themselves are tested in
 * tests/integration/fsrs-optimizer.test.ts.)
 */
async function giveNewestLearnerHistory() {
  const db = openDatabase(`file:${path.join(ROOT, 'tests', '.tmp', 'e2e', 'e2e.db')}`)
  try {
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .orderBy(desc(sql`rowid`))
      .limit(1)
    const now = Date.now()
    const base = { userId: user!.id, kind: 'full' as const, trainReviews: 1840, testReviews: 460, cards: 212 }
    const adopted = crypto.randomUUID()
    await db.insert(fsrsParameters).values([
      {
        ...base,
        id: adopted,
        weights: DEFAULT_WEIGHTS.map((w, i) => (i < 4 ? w / 2 : w)),
        logLoss: 0.3123,
        rmseBins: 0.0345,
        previousLogLoss: 0.3301,
        previousRmseBins: 0.0512,
        adopted: true,
        createdAt: now - 86_400_000,
      },
      {
        ...base,
        id: crypto.randomUUID(),
        weights: [...DEFAULT_WEIGHTS],
        logLoss: 0.3189,
        rmseBins: 0.041,
        previousLogLoss: 0.3123,
        previousRmseBins: 0.0345,
        adopted: false,
        createdAt: now,
      },
    ])
    await db.insert(fsrsOptimizer).values({ userId: user!.id, parametersId: adopted, lastRunAt: now })
  } finally {
    db.$client.close()
  }
}

test.describe('at 360 × 740', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  test('settings show the fitted FSRS parameters and go back to the defaults, in English and Chinese', async ({ page }) => {
    test.setTimeout(90_000) // two languages, two axe runs, on a shared machine
    await page.goto('/settings')
    await expect(page.getByRole('heading', { level: 2, name: 'Memory model (FSRS parameters)' })).toBeVisible()
    await expect(page.getByText('No parameters fitted yet. Keep studying.')).toBeVisible()
    // Saving settings is the visitor's first write: now they are a learner with a history to show.
    await page.getByRole('button', { name: 'Save' }).tap()
    await expect(page.getByText('Settings saved.')).toBeVisible()
    await giveNewestLearnerHistory()
    await page.goto('/settings')
    await expect(page.getByText('In use: parameters fitted to your answers.')).toBeVisible()
    const sets = page.getByRole('region', { name: 'Memory model (FSRS parameters)' }).getByRole('listitem')
    await expect(sets).toHaveCount(2)
    // Styled as cards, not a numbered list (the stylesheet's rules reach them).
    expect(
      await sets.first().evaluate((li) => [getComputedStyle(li).borderTopWidth, getComputedStyle(li.parentElement!).listStyleType]),
    ).toEqual(['1px', 'none'])
    await expect(sets.nth(0)).toContainText('Not adopted: it did not predict better than the parameters in use')
    await expect(sets.nth(1)).toContainText('In use')
    await expect(sets.nth(1)).toContainText('Log loss: 0.3123 (before: 0.3301)')
    await expect(sets.nth(1)).toContainText('Fitted on 1840 answers from 212 cards; judged on your 460 latest.')
    await expectNoHorizontalScroll(page)
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

    await page.getByRole('button', { name: 'Go back to the default parameters' }).tap()
    await expect(page.getByText('In use: the default parameters.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Use these' })).toHaveCount(1)

    await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
    await expect(page.getByRole('heading', { level: 2, name: '记忆模型（FSRS 参数）' })).toBeVisible()
    await expect(page.getByText('当前使用：默认参数。')).toBeVisible()
    await expectNoHorizontalScroll(page)
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
    await page.getByRole('button', { name: '使用这组参数' }).tap()
    await expect(page.getByText('当前使用：根据你的作答拟合的参数。')).toBeVisible()
  })
})
