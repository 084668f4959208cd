/**
 * Unreadable files at /decks/import with the interface in Chinese, on a 360 px phone: the page names each in
 * Chinese (never the zip or XML reader's English), saves nothing, and does not scroll sideways.
 */
import { expect, test, type Page } from '@playwright/test'

test.use({ viewport: { width: 360, height: 740 } })

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

async function upload(page: Page, format: string, name: string, bytes: Buffer) {
  await page.getByLabel('题组名称').fill('坏文件')
  await page.getByLabel('格式').selectOption({ label: format })
  await page.getByLabel('文件', { exact: true }).setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes })
  await page.getByRole('button', { name: '预览' }).tap()
}

test('a corrupt package, invalid XML, broken GIFT, a Latin-1 CSV and a too-large file are named in Chinese; nothing is saved', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await page.goto('/signup')
  await page.getByLabel('Name').fill('Prof. Chen')
  await page.getByLabel('E-mail').fill(`unreadable-zh-${Date.now()}@example.org`)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByText('an instructor (I study too)').tap()
  await page.getByRole('button', { name: 'Create account' }).tap()
  await expect(page.getByRole('link', { name: 'Classes' })).toBeVisible()
  await page.goto('/decks/import')
  await page.getByRole('button', { name: 'Switch the interface to Chinese' }).tap()
  await expect(page.getByRole('heading', { name: '导入题组', level: 1 })).toBeVisible()

  const problems = page.getByRole('alert').filter({ hasText: '未保存任何内容' })
  const cases: Array<[string, string, Buffer, string]> = [
    [
      'Anki 卡包（.apkg）',
      'broken.apkg',
      Buffer.from('PK\u0003\u0004 not really a zip'),
      '该文件不是 Anki 卡包：它不是 zip 压缩包，或压缩包已损坏。',
    ],
    ['Moodle XML', 'quiz.xml', Buffer.from('<quiz>\n<question type="truefalse">\n</quiz>\n'), '文件不是格式正确的 XML。'],
    ['GIFT（Moodle）', 'quiz.txt', Buffer.from('::Q1:: Who chaired ASEAN? {=Malaysia ~Japan\n'), '这道题不符合 GIFT 格式。'],
    ['CSV 或 TSV（术语、释义）', 'terms.csv', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x78, 0x0a]), '文件不是 UTF-8 文本。'],
  ]
  for (const [format, name, bytes, words] of cases) {
    await upload(page, format, name, bytes)
    await expect(problems, name).toContainText(words)
    await expect(problems, name).not.toContainText(/[A-Za-z]{3,} (?:[a-z]{2,} ){2,}/)
    expect(await noSidewaysScroll(page), name).toBeLessThanOrEqual(0)
  }
  // A file over the cap is refused before it is sent, in Chinese.
  await upload(page, 'Anki 卡包（.apkg）', 'huge.apkg', Buffer.alloc(2 * 1024 * 1024 + 1))
  await expect(page.getByText('文件超过 2 MB。')).toBeVisible()
  await expect(page.getByText('您还没有导入过题组。')).toBeVisible()
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a file past the upload cap is refused in Chinese, as the page itself', async ({ page }) => {
    test.setTimeout(60_000)
    await page.goto('/signup')
    await page.getByLabel('Name').fill('Prof. Lin')
    await page.getByLabel('E-mail').fill(`too-large-zh-${Date.now()}@example.org`)
    await page.getByLabel('Password').fill('correct horse battery')
    await page.getByText('an instructor (I study too)').click()
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.goto('/decks/import')
    await page.getByRole('button', { name: 'Switch the interface to Chinese' }).click()
    await expect(page.getByRole('heading', { name: '导入题组', level: 1 })).toBeVisible()
    await page.getByLabel('题组名称').fill('太大')
    await page
      .getByLabel('文件', { exact: true })
      .setInputFiles({ name: 'huge.apkg', mimeType: 'application/octet-stream', buffer: Buffer.alloc(4 * 1024 * 1024) })
    await page.getByRole('button', { name: '预览' }).click()
    await expect(page.getByText('文件超过 2 MB。')).toBeVisible()
    await expect(page.getByText(/too large/i)).toHaveCount(0)
    await page.goto('/decks/import')
    await expect(page.getByText('您还没有导入过题组。')).toBeVisible()
  })
})
