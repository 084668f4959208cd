/** Content as stored in the database (loaded by db/setup.ts from the content files). */
import { eq } from 'drizzle-orm'
import { contentMeta } from '../../db/schema'
import type { SourceDoc, Speaker } from '~/domain/content/schema'
import type { Database } from '~/utils/db.server'

let cached: { raw: string; map: Map<string, SourceDoc> } | null = null

export async function sourceDocs(db: Database): Promise<Map<string, SourceDoc>> {
  const [row] = await db.select({ value: contentMeta.value }).from(contentMeta).where(eq(contentMeta.key, 'sources'))
  const raw = row?.value ?? '[]'
  if (cached?.raw !== raw) cached = { raw, map: new Map((JSON.parse(raw) as SourceDoc[]).map((s) => [s.id, s])) }
  return cached.map
}

let cachedSpeakers: { raw: string; map: Map<string, Speaker> } | null = null

/** Who says what is quoted, by speaker id (content/speakers.yaml). */
export async function speakers(db: Database): Promise<Map<string, Speaker>> {
  const [row] = await db.select({ value: contentMeta.value }).from(contentMeta).where(eq(contentMeta.key, 'speakers'))
  const raw = row?.value ?? '[]'
  if (cachedSpeakers?.raw !== raw) cachedSpeakers = { raw, map: new Map((JSON.parse(raw) as Speaker[]).map((s) => [s.id, s])) }
  return cachedSpeakers.map
}
