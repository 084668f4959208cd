/** A reset link that was already used, or has expired, says so when it is opened, before any form. */
import { createHash, randomBytes } from 'node:crypto'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { eq } from 'drizzle-orm'
import { openDatabase } from '../../db/client'
import { passwordResets, users } from '../../db/schema'
import { ROOT } from '../support/paths'

const E2E_DB = `file:${path.join(ROOT, 'tests', '.tmp', 'e2e', 'e2e.db')}`

/** Reset links as the server keeps them (the token's SHA-256), written straight into the test server's database. */
async function resetLinks(email: string, links: { usedAt: number | null; expiresAt: number }[]): Promise<string[]> {
  const db = openDatabase(E2E_DB)
  try {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
    const tokens = links.map(() => randomBytes(32).toString('base64url'))
    await db
      .insert(passwordResets)
      .values(
        links.map((link, i) => ({ tokenHash: createHash('sha256').update(tokens[i]!).digest('base64url'), userId: user!.id, ...link })),
      )
    return tokens
  } finally {
    db.$client.close()
  }
}

test.use({ viewport: { width: 360, height: 740 } })

test('a used or expired reset link says so at once and offers a new one; a live link shows the form', async ({ page }) => {
  const email = `reset-link-${Date.now()}@example.org`
  await page.goto('/signup')
  await page.getByLabel('Name').fill('Mei')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill('the right password')
  await page.getByRole('button', { name: 'Create account' }).tap()
  await expect(page).not.toHaveURL(/\/signup/)
  const now = Date.now()
  const [used, expired, live] = await resetLinks(email, [
    { usedAt: now - 60_000, expiresAt: now + 3_000_000 },
    { usedAt: null, expiresAt: now - 60_000 },
    { usedAt: null, expiresAt: now + 3_000_000 },
  ])

  const opened = await page.goto(`/reset-password/${used}`)
  expect(opened?.status()).toBe(410)
  await expect(page.getByText('This link has already been used')).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)

  await page.goto(`/reset-password/${expired}`)
  await expect(page.getByText('This link has expired')).toBeVisible()
  await page.getByRole('link', { name: 'Ask for a new link' }).tap()
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible()

  await page.goto(`/reset-password/${live}`)
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Set password' })).toBeVisible()
})
