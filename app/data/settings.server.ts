/** A learner's settings (retention, daily limits, languages, time zone). Reads and writes user_settings. */
import { eq } from 'drizzle-orm'
import { userSettings } from '../../db/schema'
import type { Database } from '~/utils/db.server'

export type Settings = typeof userSettings.$inferSelect

export async function getSettings(db: Database, userId: string): Promise<Settings> {
  const [row] = await db.select().from(userSettings).where(eq(userSettings.userId, userId))
  if (!row) throw new Error(`settings missing for user ${userId}`)
  return row
}

export async function saveSettings(db: Database, userId: string, values: Partial<Omit<Settings, 'userId'>>): Promise<void> {
  await db.update(userSettings).set(values).where(eq(userSettings.userId, userId))
}

