/** The lint rules that guard the design (eslint.config.js) really fire, and the real code passes them. */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/paths'

const eslint = new ESLint({ cwd: ROOT })

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${filePath}` })
  return result!.messages.map((m) => m.ruleId ?? m.message)
}

describe('module boundaries', () => {
  it('keeps the domain free of Node built-ins, the database and components', async () => {
    expect(await ruleIds(`import { readFileSync } from 'node:fs'\nexport const x = readFileSync`, 'app/domain/example.ts')).toContain(
      'no-restricted-imports',
    )
    expect(await ruleIds(`import { items } from '../../db/schema'\nexport const x = items`, 'app/domain/example.ts')).toContain(
      'no-restricted-imports',
    )
    expect(await ruleIds(`import { getDb } from '~/utils/db.server'\nexport const x = getDb`, 'app/domain/example.ts')).toContain(
      'no-restricted-imports',
    )
    expect(
      await ruleIds(`import { CardView } from '~/components/card-view'\nexport const x = CardView`, 'app/domain/example.ts'),
    ).toContain('no-restricted-imports')
    expect(await ruleIds(`import { z } from 'zod'\nexport const x = z`, 'app/domain/example.ts')).toEqual([])
  }, 60_000)

  it('lets only the reviews and study-queue modules write the study tables', async () => {
    const write = `import { reviewLogs, cardStates } from '../../db/schema'\nimport { sql } from 'drizzle-orm'\ndeclare const db: any\nexport const a = db.insert(reviewLogs)\nexport const b = db.update(cardStates)\nexport const c = sql\`delete from \${cardStates}\`\n`
    const elsewhere = await ruleIds(write, 'app/data/classes.server.ts')
    expect(elsewhere.filter((r) => r === 'no-restricted-syntax')).toHaveLength(3)
    expect((await ruleIds(write, 'app/data/reviews.server.ts')).filter((r) => r === 'no-restricted-syntax')).toEqual([])
    const read = `import { cardStates } from '../../db/schema'\ndeclare const db: any\nexport const a = db.select().from(cardStates)\n`
    expect((await ruleIds(read, 'app/data/dashboard.server.ts')).filter((r) => r === 'no-restricted-syntax')).toEqual([])
  }, 60_000)
})

describe('browser tests', () => {
  it('find elements by role, label or text, never by CSS class', async () => {
    const byClass = `declare const page: any\nexport const a = page.locator('.verdict')\nexport const b = page.locator('label.choice', { hasText: 'x' })\nexport const c = page.locator(\`.prompt\`)\nexport const d = page.$$('.rate')\n`
    expect((await ruleIds(byClass, 'tests/e2e/example.spec.ts')).filter((r) => r === 'no-restricted-syntax')).toHaveLength(4)
    const byRole = `declare const page: any\nexport const a = page.getByRole('region', { name: 'Result' })\nexport const b = page.locator('[lang="zh-Hans"]')\n`
    expect((await ruleIds(byRole, 'tests/e2e/example.spec.ts')).filter((r) => r === 'no-restricted-syntax')).toEqual([])
  }, 60_000)
})
