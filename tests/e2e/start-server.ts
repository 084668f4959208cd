/** The production build against a fresh embedded database with the fixture content, for browser tests. */
import { rmSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from '../support/paths'

const dir = path.join(ROOT, 'tests', '.tmp', 'e2e')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
process.env.DATABASE_URL = `file:${path.join(dir, 'e2e.db')}`
process.env.CONTENT_DIR = path.join(ROOT, 'tests', 'fixtures', 'content')
// Plain-http localhost: cookies without the Secure flag so the browser keeps them.
process.env.INSECURE_COOKIES = '1'
// One process: workers would run this whole file again, setup included (the reliability tests cover several).
process.env.WEB_CONCURRENCY ??= '1'
// Required in production; playwright.config.ts opens the app at this address.
process.env.PUBLIC_URL ??= `http://localhost:${process.env.PORT}`
process.chdir(ROOT)
await import('../../db/setup')
// The bundled production server (npm run build), as users run it.
await import(pathToFileURL(path.join(ROOT, 'build', 'server.js')).href)
