/** An instructor sets up a class and an assignment; a student joins on a phone and studies; the instructor sees it. */
import AxeBuilder from '@axe-core/playwright'
import { devices, expect, test } from '@playwright/test'
import { remainingCounts } from '../support/study-screen'

test('instructor creates a class and assignment, a student joins on a phone and studies, the dashboard shows it', async ({
  page,
  browser,
}) => {
  // Two browsers and a dozen pages: more than the default 30 s on a busy two-core machine.
  test.setTimeout(90_000)
  const stamp = Date.now()
  // Instructor (desktop)
  await page.goto('/signup')
  await page.getByLabel('Name').fill('Prof. Tanaka')
  await page.getByLabel('E-mail').fill(`teacher-${stamp}@example.org`)
  await page.getByLabel('Password').fill('correct horse battery')
  await page.getByText('an instructor (I study too)').click()
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.getByRole('link', { name: 'Classes' }).click()
  await page.getByLabel('Class name').fill('Diplomacy seminar')
  await page.getByRole('button', { name: 'Create class' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Diplomacy seminar' })).toBeVisible()
  const joinCode = (await page.getByRole('code').innerText()).trim()
  expect(joinCode).toMatch(/^[A-Z0-9]{8}$/)
  await page.getByLabel('Title').fill('Learn the dates')
  await page.getByLabel('Deck', { exact: true }).selectOption({ label: 'Fixture dates' })
  await page.getByLabel('Due date').fill('2099-12-31')
  await page.getByRole('button', { name: 'Assign' }).click()
  await expect(page.getByRole('heading', { name: 'Progress: Learn the dates' })).toBeVisible()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  const dashboardUrl = page.url()

  // Student (phone)
  const phone = await browser.newContext({ ...devices['Pixel 7'], baseURL: new URL(dashboardUrl).origin })
  const student = await phone.newPage()
  // The join link shows the class before any sign-in, and a new student signs up and joins in one step.
  await student.goto(`/join/${joinCode}`)
  await expect(student.getByText('Join “Diplomacy seminar”, taught by Prof. Tanaka?')).toBeVisible()
  await student.getByRole('link', { name: 'Create an account and join' }).tap()
  await expect(student.getByText('Signing up also joins you to “Diplomacy seminar”.')).toBeVisible()
  await student.getByLabel('Name').fill('Wang Fang 王芳')
  await student.getByLabel('E-mail').fill(`student-${stamp}@example.org`)
  await student.getByLabel('Password').fill('another good password')
  await student.getByRole('button', { name: 'Create account' }).tap()
  await expect(student.getByText('You joined Diplomacy seminar.')).toBeVisible()
  await expect(student.getByRole('heading', { name: 'Your assignments' })).toBeVisible()
  await expect(student.getByText('0 of 6 studied')).toBeVisible()
  await student.getByRole('link', { name: 'Study', exact: true }).tap()
  for (let i = 0; i < 2; i++) {
    await student.getByRole('link', { name: 'Show answer' }).tap()
    await student.getByRole('button', { name: /^Good, next in/ }).tap()
    await expect(remainingCounts(student)).toContainText(`, ${i + 1} learning,`)
  }
  await student.goto('/')
  await expect(student.getByText('2 of 6 studied')).toBeVisible()
  await phone.close()

  // Instructor sees the progress
  await page.reload()
  const row = page.getByRole('row', { name: /Wang Fang/ })
  await expect(row).toContainText('2/6')
  await expect(row.getByRole('cell').nth(5)).toHaveText('2') // reviews in 7 days
})
