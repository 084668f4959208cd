/**
 * After `react-router build`: bundles the offline app (app/offline/main.tsx) and the service worker
 * (app/offline/service-worker.ts) with esbuild, writes build/client/offline.html, and gives the worker its
 * precache list and a version derived from the content of what it precaches.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const ROOT = path.resolve(import.meta.dirname, '..')
const CLIENT = path.join(ROOT, 'build', 'client')

const app = await build({
  entryPoints: [path.join(ROOT, 'app/offline/main.tsx')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  jsx: 'automatic',
  entryNames: 'offline/[name]-[hash]',
  outdir: CLIENT,
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.DEV': 'false' },
  logLevel: 'warning',
})
const appJs =
  '/' +
  path
    .relative(
      CLIENT,
      Object.keys(app.metafile.outputs).find((f) => f.endsWith('.js'))!,
    )
    .split(path.sep)
    .join('/')
const appCss = Object.keys(app.metafile.outputs)
  .filter((f) => f.endsWith('.css'))
  .map((f) => '/' + path.relative(CLIENT, f).split(path.sep).join('/'))
// The site's own stylesheet(s), as the server-rendered pages load them.
const siteCss = readdirSync(path.join(CLIENT, 'assets'))
  .filter((f) => f.endsWith('.css'))
  .map((f) => `/assets/${f}`)

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="#1f5f6b">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; object-src 'none'">
<title>Sourcedeck</title>
<link rel="manifest" href="/manifest.en.webmanifest">
<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="icon" href="/icons/icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png">
${[...siteCss, ...appCss].map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
<script type="module" src="${appJs}"></script>
</head>
<body>
<div id="offline-root"></div>
</body>
</html>
`
writeFileSync(path.join(CLIENT, 'offline.html'), html)

const precache = [
  '/offline.html',
  appJs,
  ...appCss,
  ...siteCss,
  '/favicon.ico',
  '/icons/icon.svg',
  '/icons/apple-touch-icon.png',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/manifest.en.webmanifest',
  '/manifest.zh-Hans.webmanifest',
]
const version = createHash('sha256')
for (const file of precache) version.update(readFileSync(path.join(CLIENT, file.slice(1))))
await build({
  entryPoints: [path.join(ROOT, 'app/offline/service-worker.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  outfile: path.join(CLIENT, 'sw.js'),
  define: { PRECACHE: JSON.stringify(precache), VERSION: JSON.stringify(version.digest('hex').slice(0, 12)) },
  logLevel: 'warning',
})
console.log(`offline app ${appJs}, service worker precaches ${precache.length} files`)
