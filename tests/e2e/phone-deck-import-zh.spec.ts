/** The import preview names a refused question in the interface language (issue 13.5), here Chinese at 360 px. */
import { expect, test, type Page } from '@playwright/test'

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test('a question the schema refuses is explained in Chinese, by line and field', async ({ page }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/signup')
  await page.getByLabel('Name').fill('Prof. Wang')
  await page.getByLabel('E-mail').fill(`import-zh-${Date.now()}@example.org`)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByText('an instructor (I study too)').tap()
  await page.getByRole('button', { name: 'Create account' }).tap()
  await expect(page.getByRole('link', { name: 'Classes' })).toBeVisible()
  await page.goto('/decks/import')
  await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
  await page.getByLabel('题组名称').fill('东盟')
  await page.getByLabel('文件', { exact: true }).setInputFiles({
    name: 'asean.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'kind,prompt,answer,distractors,category\nchoice,Who chaired ASEAN?,Malaysia,Japan|Canada,colour\nchoice,Who hosted APEC?,Korea,Japan|Korea,event\n',
    ),
  })
  await page.getByRole('button', { name: '预览' }).tap()
  const problems = page.getByRole('alert').filter({ hasText: '未保存任何内容' })
  await expect(problems).toContainText('第 2 行')
  await expect(problems).toContainText('第 3 行')
  await expect(problems).toContainText('错误选项第 2 个：与答案重复。')
  await expect(problems).toContainText('类别：必须是以下之一：date, actor, framing, number, event。')
  await expect(problems).not.toContainText(/repeats|must be one of/)
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
})
