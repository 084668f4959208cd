import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const TMP_DIR = path.join(ROOT, 'tests', '.tmp')
export const TEMPLATE_DB = path.join(TMP_DIR, 'template.db')
export const FIXTURE_CONTENT = path.join(ROOT, 'tests', 'fixtures', 'content')

/**
 * Ports for servers the tests start: the given default plus TEST_PORT_OFFSET, so two checkouts can run
 * their suites side by side on one machine.
 */
export function testPort(port: number): number {
  return port + Number(process.env.TEST_PORT_OFFSET ?? 0)
}
