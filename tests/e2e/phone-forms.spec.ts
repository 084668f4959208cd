/** After a form error, the learner fixes the field and taps the button once: that tap submits (nothing moves under it). */
import { expect, test } from '@playwright/test'

test('sign-up: a too-short password, fixed, then one tap creates the account', async ({ page }) => {
  await page.goto('/signup')
  await page.getByLabel('Name').fill('Mei')
  await page.getByLabel('E-mail').fill(`first-tap-${Date.now()}@example.org`)
  await page.getByLabel('Password').fill('short')
  await page.getByRole('button', { name: 'Create account' }).tap()
  // One error, on the password, read out with the field; the other fields stay clean.
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/Use 10 to 200 characters\.$/)
  await expect(page.getByLabel('Name')).toHaveAccessibleDescription('')
  await expect(page.getByLabel('E-mail')).toHaveAccessibleDescription('')
  await page.getByLabel('Password').fill('a much longer password')
  await page.getByRole('button', { name: 'Create account' }).tap()
  await expect(page).not.toHaveURL(/\/signup/)
})

test('sign-in: a wrong password, fixed, then one tap signs in', async ({ page, browser }) => {
  const email = `first-tap-in-${Date.now()}@example.org`
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL })
  const setup = await other.newPage()
  await setup.goto('/signup')
  await setup.getByLabel('Name').fill('Mei')
  await setup.getByLabel('E-mail').fill(email)
  await setup.getByLabel('Password').fill('the right password')
  await setup.getByRole('button', { name: 'Create account' }).click()
  await expect(setup).not.toHaveURL(/\/signup/)
  await other.close()

  await page.goto('/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill('a wrong password')
  await page.getByRole('button', { name: 'Sign in' }).tap()
  await expect(page.getByRole('alert')).toBeVisible()
  await page.getByLabel('Password').fill('the right password')
  await page.getByRole('button', { name: 'Sign in' }).tap()
  await expect(page).not.toHaveURL(/\/login/)
})
