import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { ROOT } from '../support/paths'

const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'))

// npm 11.16+ warns at every install about install scripts package.json has not reviewed, and npm 12 skips them.
it('every dependency with an install script is reviewed in package.json allowScripts', () => {
  const lock = read('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> }
  const allowed = (read('package.json') as { allowScripts?: Record<string, boolean> }).allowScripts ?? {}
  const withScripts = Object.entries(lock.packages)
    .filter(([, entry]) => entry.hasInstallScript)
    .map(([where]) => where.split('node_modules/').at(-1)!)
  expect(withScripts.length).toBeGreaterThan(0)
  expect(withScripts.filter((name) => !(name in allowed))).toEqual([])
})
