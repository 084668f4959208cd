/** Content as stored in the database (loaded by db/setup.ts from the content files). */
import { eq } from 'drizzle-orm'
import { contentMeta } from '../../db/schema'
import type { SourceDoc } from '~/domain/content/schema'
import type { Database } from '~/utils/db.server'

let cached: { raw: string; map: Map<string, SourceDoc> } | null = null

export async function sourceDocs(db: Database): Promise<Map<string, SourceDoc>> {
  const [row] = await db.select({ value: contentMeta.value }).from(contentMeta).where(eq(contentMeta.key, 'sources'))
  const raw = row?.value ?? '[]'
  if (cached?.raw !== raw) cached = { raw, map: new Map((JSON.parse(raw) as SourceDoc[]).map((s) => [s.id, s])) }
  return cached.map
}
