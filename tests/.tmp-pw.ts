import path from 'node:path'
import { newLearner, startApp } from '/work/wt/lead/tests/support/app-server'
import { measureStudyPageJs } from '/work/wt/lead/tests/bench/page-weight'
const app = await startApp({ port: 3000 + 600 + 77, databaseUrl: `file:${path.join('/tmp', 'pw.db')}` })
const c = await newLearner(app.url, 'timeline')
const r = await measureStudyPageJs(app.url, c)
console.log(r.gzipBytes, r.files)
await app.stop()
