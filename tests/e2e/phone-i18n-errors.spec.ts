import { expect, test, type Page } from '@playwright/test'

/** Errors in the Chinese interface (issues 10.4 and 14.13): translated, inside the layout, with a Chinese tab title. */
test.use({ locale: 'zh-CN' })

async function expectLayout(page: Page) {
  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('link', { name: '卡组' })).toBeVisible()
  await expect(nav.getByRole('link', { name: '设置' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Sourcedeck' }).first()).toBeVisible()
}

test('a 404 page is in Chinese, with the header and navigation', async ({ page }) => {
  const res = await page.goto('/no/such/page')
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: '未找到' })).toBeVisible()
  await expect(page.getByText('找不到这个页面。')).toBeVisible()
  await expectLayout(page)
  await expect(page).toHaveTitle('未找到 · Sourcedeck')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans')
})

test('a thrown error in a route (an unknown deck) says what is missing in Chinese, inside the layout', async ({ page }) => {
  const res = await page.goto('/decks/no-such-deck/study')
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: '未找到' })).toBeVisible()
  await expect(page.getByText('没有这个卡组。')).toBeVisible()
  await expect(page.getByText(/no-such-deck|There is no/)).toHaveCount(0)
  await expectLayout(page)
  await expect(page).toHaveTitle('未找到 · Sourcedeck')
})

test('a session that ended (401 at the root boundary) is explained in Chinese, and the navigation stays', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('/settings')
  // The session ends while the page is open (signed out elsewhere, expired): the next save must not become a new guest.
  await context.addCookies([{ name: 'sd_session', value: 'a-session-that-ended', url: baseURL! }])
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '登录已失效' })).toBeVisible()
  await expect(page.getByText('你的登录已失效，请刷新页面后继续。')).toBeVisible()
  await expect(page.getByText(/session has ended/i)).toHaveCount(0)
  await expectLayout(page)
  await expect(page).toHaveTitle('登录已失效 · Sourcedeck')
})

test('every page has a tab title in the viewer’s language', async ({ page }) => {
  for (const [path, title] of [
    ['/', '我的卡组 · Sourcedeck'],
    ['/settings', '设置 · Sourcedeck'],
    ['/quiz', '参加测验 · Sourcedeck'],
    ['/login', '登录 · Sourcedeck'],
  ] as const) {
    await page.goto(path)
    await expect(page).toHaveTitle(title)
  }
})

test('the quiz filter names tags in Chinese, never by slug', async ({ page }) => {
  await page.goto('/quiz')
  const tag = page.getByLabel('标签')
  await expect(tag.locator('option', { hasText: '高市政府' })).toHaveCount(1)
  await expect(tag.locator('option', { hasText: '日美关系' })).toHaveCount(1)
  await expect(tag.locator('option', { hasText: 'takaichi-administration' })).toHaveCount(0)
  await tag.selectOption({ label: '高市政府' })
  await expect(tag).toHaveValue('takaichi-administration')
})

test('a citation says where it is in Chinese, also for the English document', async ({ page }) => {
  await page.goto('/decks/all/study')
  await page.getByRole('link', { name: '显示答案' }).click()
  const back = page.getByRole('region', { name: '答案' })
  await expect(back.getByRole('figure', { name: /开篇提问（细谷）/ })).toHaveCount(2)
  await expect(back.getByText('Opening question (Hosoya)')).toHaveCount(0)
})
