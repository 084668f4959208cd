/** Signing up through the English sign-up page, as a student or an instructor; leaves the page where it lands. */
import { expect, type Page } from '@playwright/test'

export async function signUp(page: Page, name: string, email: string, instructor: boolean) {
  await page.goto('/signup')
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill('correct horse battery')
  if (instructor) await page.getByText('an instructor (I study too)').click()
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).not.toHaveURL(/\/signup/)
}
