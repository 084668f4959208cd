/** Validating and loading 10,000 generated items (in the real file format) into a fresh database. */
import { openDatabase } from '../../db/client'
import { loadContent } from '../../db/load-content'
import { migrateDatabase } from '../../db/migrate'
import { buildContentBundle, type ContentFiles } from '~/domain/content/bundle'
import { readContentFiles } from '~/utils/content-files.server'

function generatedBank(count: number): string {
  const lines = ['bank: generated', 'items:']
  for (let i = 0; i < count; i++) {
    lines.push(
      `  - id: gen-date-${i}`,
      '    kind: flip',
      `    category: ${i % 5 === 0 ? 'actor' : 'date'}`,
      `    prompt: { en: "Generated question ${i}?", zh: "生成的问题 ${i}？" }`,
      `    answer: { en: "${1 + (i % 28)} October 2025", zh: "2025 年 10 月 ${1 + (i % 28)} 日" }`,
      `    accepted: ["2025-10-${String(1 + (i % 28)).padStart(2, '0')}"]`,
      `    date: 2025-10-${String(1 + (i % 28)).padStart(2, '0')}`,
      `    explanation: { en: "Explanation ${i}.", zh: "解析 ${i}。" }`,
      `    tags: [generated, batch-${i % 10}]`,
      '    sources:',
      '      - doc: motegi-hosoya-2026-en',
      '        speaker: motegi',
      '        locator: Generated',
      '        quote: With the inauguration of the Takaichi Sanae administration',
      '        translation: 随着高市早苗政权成立',
    )
  }
  return lines.join('\n') + '\n'
}

export async function measureContentLoad(databaseUrl: string, count = 10_000) {
  const real = readContentFiles()
  const files: ContentFiles = { ...real, banks: [{ file: 'banks/generated.yaml', text: generatedBank(count) }] }
  const db = openDatabase(databaseUrl)
  await migrateDatabase(db)
  const t0 = performance.now()
  const { bundle, errors } = buildContentBundle(files)
  if (errors.length > 0) throw new Error(`generated content invalid: ${errors[0]!.message}`)
  const t1 = performance.now()
  const first = await loadContent(db, bundle)
  const t2 = performance.now()
  const again = await loadContent(db, bundle)
  const t3 = performance.now()
  db.$client.close()
  return {
    totalMs: Math.round(t2 - t0),
    validateMs: Math.round(t1 - t0),
    loadMs: Math.round(t2 - t1),
    reloadUnchangedMs: Math.round(t3 - t2),
    inserted: first.inserted,
    unchangedOnReload: again.unchanged,
  }
}
