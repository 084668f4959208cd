/** Removing a student and archiving a class ask first, on a 360 px phone, with and without JavaScript. */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { signUp } from '../support/sign-up'

test.use({ viewport: { width: 360, height: 740 } })

/** An instructor's class with one student in it, the instructor's page left on the class. */
async function classWithStudent(page: Page, browser: Browser, stamp: string) {
  await signUp(page, 'Prof. Tanaka', `confirm-teacher-${stamp}@example.org`, true)
  await page.goto('/classes')
  await page.getByLabel('Class name').fill('Seminar')
  await page.getByRole('button', { name: 'Create class' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Seminar' })).toBeVisible()
  const classUrl = page.url()
  const joinCode = (await page.getByRole('definition').locator('code').innerText()).trim()
  const other = await browser.newContext({ baseURL: new URL(classUrl).origin })
  const student = await other.newPage()
  await signUp(student, 'Mei Chen', `confirm-student-${stamp}@example.org`, false)
  await student.goto(`/join/${joinCode}`)
  await student.getByRole('button', { name: 'Join' }).click()
  await expect(student.getByText('You joined Seminar.')).toBeVisible()
  await other.close()
  await page.goto(classUrl)
  await expect(page.getByRole('button', { name: 'Remove Mei Chen' })).toBeVisible()
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled })

    test('removing a student and archiving a class each ask first, say what happens, and a cancel changes nothing', async ({
      page,
      browser,
    }) => {
      test.setTimeout(90_000)
      await classWithStudent(page, browser, `${javaScriptEnabled ? 'js' : 'nojs'}-${Date.now()}`)

      await page.getByRole('button', { name: 'Remove Mei Chen' }).tap()
      await expect(page.getByRole('heading', { name: 'Remove Mei Chen from “Seminar”?' })).toBeVisible()
      await expect(page.getByText('cannot join again with the code or link')).toBeVisible()
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
      await page.getByRole('link', { name: 'Cancel' }).tap()
      await expect(page.getByRole('heading', { level: 1, name: 'Seminar' })).toBeVisible()
      await expect(page.getByText('Mei Chen', { exact: true })).toBeVisible()

      await page.getByRole('button', { name: 'Remove Mei Chen' }).tap()
      await expect(page.getByRole('heading', { name: 'Remove Mei Chen from “Seminar”?' })).toBeVisible()
      await page.getByRole('button', { name: 'Remove Mei Chen' }).tap()
      await expect(page.getByRole('heading', { level: 1, name: 'Seminar' })).toBeVisible()
      await expect(page.getByText('No students yet')).toBeVisible()

      await page.getByRole('button', { name: 'Archive this class' }).tap()
      await expect(page.getByRole('heading', { name: 'Archive “Seminar”?' })).toBeVisible()
      await expect(page.getByText('An archived class cannot be reopened.')).toBeVisible()
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0)
      await page.getByRole('button', { name: 'Archive this class' }).tap()
      await expect(page).toHaveURL(/\/classes$/)
      await expect(page.getByRole('listitem').filter({ hasText: 'Seminar' })).toContainText('archived')
    })
  })
}
