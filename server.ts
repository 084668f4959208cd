/**
 * Production server: node:http serving the built assets and the React Router request handler, through a short
 * pipeline of steps (app/utils/http-pipeline.server.ts).
 * Stateless: everything a request needs is in the database or the request, so several instances can run
 * behind a load balancer against one libSQL server.
 */
import type { Step } from './app/utils/http-pipeline.server'
// NODE_ENV must be set before React loads (static imports would hoist above this line).
process.env.NODE_ENV ??= 'production'
const { default: compression } = await import('compression')
const { default: serveStatic } = await import('serve-static')
const { pipeline } = await import('./app/utils/http-pipeline.server')
const { SECURITY_HEADER_NAMES, securityHeaders, refuseOtherMethods, refuseOddTargets, refuseCrossOriginPosts, noStoreForSessions } =
  await import('./app/utils/http-security.server')
const { limitRequestBodies } = await import('./app/utils/body-limits.server')
const { createAppHandler } = await import('./app/utils/request-handler.server')
const { applyServerTimeouts } = await import('./app/utils/server-timeouts.server')
const { requirePublicOrigin } = await import('./app/utils/public-url.server')
const { isPrimaryProcess, processCount, superviseWorkers } = await import('./app/utils/cluster.server')
const { admitPerTurn } = await import('./app/utils/request-admission.server')
const { createServer } = await import('node:http')

let processes = 1
try {
  if (process.env.NODE_ENV === 'production') requirePublicOrigin()
  processes = processCount()
} catch (error) {
  console.error(`Sourcedeck cannot start: ${(error as Error).message}`)
  process.exit(1)
}

if (isPrimaryProcess() && processes > 1) superviseWorkers(processes)
else await serve()

/** One server process: the whole app on the port (alone, or as one of the workers sharing it). */
async function serve() {
  const port = Number(process.env.PORT ?? 3000)
  // `npm start` is the local command: this machine only. `node build/server.js` (containers, behind a load
  // balancer) listens on every interface. HOST decides either way.
  const host = process.env.HOST || (process.env.npm_lifecycle_event === 'start' ? '127.0.0.1' : '0.0.0.0')

  // Bundled by `npm run build` to build/server.js and run as plain JavaScript (no TypeScript loader at runtime).
  const { pathToFileURL } = await import('node:url')
  const build = await import(pathToFileURL(`${process.cwd()}/build/server/index.js`).href)
  const assets = `${process.cwd()}/build/client/assets/`
  const staticFiles = serveStatic('build/client', {
    maxAge: '1h',
    dotfiles: 'ignore', // not .vite/manifest.json
    // Hashed file names: a changed asset is a new URL, so browsers may keep each one for good.
    setHeaders: (res, file) => file.startsWith(assets) && res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
  })
  // compression's types name Express's request; it uses only node:http's.
  const app = pipeline(
    [
      compression() as unknown as Step,
      securityHeaders,
      refuseOtherMethods,
      refuseOddTargets,
      refuseCrossOriginPosts,
      staticFiles,
      limitRequestBodies,
      noStoreForSessions,
    ],
    await createAppHandler({ build, mode: process.env.NODE_ENV }),
    { keepOnError: SECURITY_HEADER_NAMES },
  )

  // A few requests per turn of the event loop, so new connections are accepted while many are busy.
  const server = createServer(admitPerTurn(app)).listen(port, host, () => {
    if (isPrimaryProcess()) console.log(`Sourcedeck listening on http://localhost:${port}`)
  })
  applyServerTimeouts(server)
  const shutdown = () => server.close(() => process.exit(0))
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}
export {}
