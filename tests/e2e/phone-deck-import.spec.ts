/** An instructor imports a CSV deck on a 360 px phone: upload → preview (errors by line) → confirm → study it. */
import { expect, test, type Page } from '@playwright/test'
import { prompt } from '../support/study-screen'

async function signUpInstructor(page: Page, email: string) {
  await page.goto('/signup')
  await page.getByLabel('Name').fill('Prof. Tanaka')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByText('an instructor (I study too)').tap()
  await page.getByRole('button', { name: 'Create account' }).tap()
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test('upload, fix the errors the preview names, confirm, and study the private deck', async ({ page }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 360, height: 740 })
  await signUpInstructor(page, `import-teacher-${Date.now()}@example.org`)
  await page.getByRole('link', { name: 'Classes' }).tap()
  await page.getByRole('link', { name: 'Import a deck' }).tap()
  await expect(page.getByRole('heading', { name: 'Import a deck', level: 1 })).toBeVisible()

  // A file with a bad row: the preview names it by line and nothing is offered for import.
  await page.getByLabel('Deck title').fill('Summit terms')
  await page.getByLabel('Separator (CSV only)').selectOption('semicolon')
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'terms.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('APEC;Asia-Pacific Economic Cooperation\nno separator here\n'),
  })
  await page.getByRole('button', { name: 'Preview' }).tap()
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toContainText('Line 2:')
  await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0)

  // The fixed file: every item previewed, markup shown as text, then confirmed.
  await page.getByLabel('Deck title').fill('Summit terms')
  await page.getByLabel('Separator (CSV only)').selectOption('semicolon')
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'terms.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'APEC;Asia-Pacific Economic Cooperation\n<script>alert(1)</script>;A very long definition that must wrap on a narrow phone screen without pushing the page sideways at all\n',
    ),
  })
  await page.getByRole('button', { name: 'Preview' }).tap()
  await expect(page.getByRole('heading', { name: 'Preview: 2 questions' })).toBeVisible()
  await expect(page.getByText('<script>alert(1)</script>')).toBeVisible()
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
  await page.getByRole('button', { name: 'Import 2 questions' }).tap()
  await expect(page.getByRole('status')).toContainText('Imported 2 questions into “Summit terms”')

  // The deck is the instructor's own: listed, and studied like any deck.
  await page.getByRole('link', { name: 'Summit terms', exact: true }).tap()
  await expect(prompt(page)).toContainText('APEC')
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
})
