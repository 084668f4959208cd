/**
 * An instructor renames, then deletes, an imported deck on a 360 px phone: in English, then in Chinese. Deleting
 * goes through its own confirmation page (cancel changes nothing), with and without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test'

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test('rename with validation, then delete after confirming on its own page, in English and Chinese', async ({ page, browser }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/signup')
  await page.getByLabel('Name').fill('Prof. Sato')
  await page.getByLabel('E-mail').fill(`manage-teacher-${Date.now()}@example.org`)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByText('an instructor (I study too)').tap()
  await page.getByRole('button', { name: 'Create account' }).tap()
  await page.getByRole('link', { name: 'Classes' }).tap()
  await page.getByRole('link', { name: 'Import a deck' }).tap()
  await page.getByLabel('Deck title').fill('Summit terms')
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'terms.csv', mimeType: 'text/csv', buffer: Buffer.from('APEC,Asia-Pacific Economic Cooperation\n') })
  await page.getByRole('button', { name: 'Preview' }).tap()
  await page.getByRole('button', { name: 'Import 1 question' }).tap()
  await expect(page.getByRole('status')).toContainText('Summit terms')

  await page.getByRole('link', { name: 'Rename or delete Summit terms' }).tap()
  await expect(page.getByRole('heading', { name: 'Rename or delete Summit terms', level: 1 })).toBeVisible()
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
  await page.getByLabel('Deck title').fill('   ')
  await page.getByRole('button', { name: 'Rename', exact: true }).tap()
  await expect(page.getByText('Enter a title of up to 100 characters.')).toBeVisible()
  await page.getByLabel('Deck title').fill('Treaty terms')
  await page.getByRole('button', { name: 'Rename', exact: true }).tap()
  await expect(page.getByRole('status')).toContainText('Renamed.')
  await expect(page.getByRole('heading', { name: 'Rename or delete Treaty terms', level: 1 })).toBeVisible()

  await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
  await expect(page.getByRole('heading', { name: '重命名或删除“Treaty terms”', level: 1 })).toBeVisible()
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
  const manageUrl = page.url()

  // The confirmation page says what happens; cancelling writes nothing.
  await page.getByRole('link', { name: '删除该卡组…' }).tap()
  await expect(page.getByRole('heading', { name: '删除“Treaty terms”？', level: 1 })).toBeVisible()
  await expect(page.getByText('该卡组及其 1 张卡片将被停用')).toBeVisible()
  await expect(page.getByText('学习者的记录会保留')).toBeVisible()
  await expect(page.getByText('只要仍有未归档的班级布置了该卡组，就无法删除。')).toBeVisible()
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
  await page.getByRole('link', { name: '取消' }).tap()
  await expect(page.getByRole('heading', { name: '重命名或删除“Treaty terms”', level: 1 })).toBeVisible()

  // Without JavaScript (same account): the page is a plain form, and the button deletes.
  const plain = await browser.newContext({
    baseURL: new URL(manageUrl).origin,
    viewport: { width: 360, height: 740 },
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  })
  const noScript = await plain.newPage()
  await noScript.goto(manageUrl)
  await noScript.getByRole('link', { name: '删除该卡组…' }).click()
  await expect(noScript.getByRole('heading', { name: '删除“Treaty terms”？', level: 1 })).toBeVisible()
  expect(await noSidewaysScroll(noScript)).toBeLessThanOrEqual(0)
  await noScript.getByRole('button', { name: '删除卡组' }).click()
  await expect(noScript.getByRole('status')).toContainText('已删除“Treaty terms”。')
  await expect(noScript.getByRole('link', { name: 'Treaty terms' })).toHaveCount(0)
  expect(await noSidewaysScroll(noScript)).toBeLessThanOrEqual(0)
  // The confirmation page again, after the deck is gone: it says so.
  await noScript.goBack()
  await noScript.reload()
  await expect(noScript.getByText('该卡组已被删除。')).toBeVisible()
  await plain.close()
})

test('with scripts, confirming deletes and the deck leaves the list', async ({ page }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/signup')
  await page.getByLabel('Name').fill('Prof. Abe')
  await page.getByLabel('E-mail').fill(`delete-teacher-${Date.now()}@example.org`)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByText('an instructor (I study too)').tap()
  await page.getByRole('button', { name: 'Create account' }).tap()
  await page.getByRole('link', { name: 'Classes' }).tap()
  await page.getByRole('link', { name: 'Import a deck' }).tap()
  await page.getByLabel('Deck title').fill('Old terms')
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'terms.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('APEC,Asia-Pacific Economic Cooperation\nG7,Group of Seven\n'),
  })
  await page.getByRole('button', { name: 'Preview' }).tap()
  await page.getByRole('button', { name: 'Import 2 questions' }).tap()
  await page.getByRole('link', { name: 'Rename or delete Old terms' }).tap()
  await page.getByRole('link', { name: 'Delete this deck…' }).tap()
  await expect(page.getByRole('heading', { name: 'Delete “Old terms”?', level: 1 })).toBeFocused()
  await expect(page.getByText('The deck and its 2 cards are retired')).toBeVisible()
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
  await page.getByRole('button', { name: 'Delete deck' }).tap()
  await expect(page.getByRole('status')).toContainText('Deleted “Old terms”.')
  await expect(page.getByRole('link', { name: 'Old terms' })).toHaveCount(0)
})
