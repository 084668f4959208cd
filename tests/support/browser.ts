/**
 * Which Chromium the browser tests use, in order: CHROMIUM_PATH; Playwright's own if installed; the system's
 * (/usr/bin/chromium); else the Chromium shipped inside the npm package @sparticuz/chromium (a devDependency,
 * so `npm install` alone is enough on a fresh Linux x64 machine). That last one has no CJK fonts: CJK text
 * renders as boxes, the DOM is unaffected, so no test may depend on glyph shapes.
 * CHROMIUM_FROM_NPM=1 skips the installed candidates, to prove the fresh-machine path on this one.
 * Version 153 although it declares Node 22 (npm warns EBADENGINE on Node 20): we run none of its code, and
 * 147, the last for Node 20, is too old for Playwright 1.65 (offline emulation is lost on reload).
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { ROOT } from './paths'

export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

export function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH
  if (process.env.CHROMIUM_FROM_NPM !== '1') {
    try {
      const own = chromium.executablePath()
      if (own && existsSync(own)) return own
    } catch {
      // Playwright's browser is not installed; fall through.
    }
    const system = SYSTEM_CHROMIUM.find((p) => existsSync(p))
    if (system) return system
  }
  return chromiumFromNpm()
}

/**
 * The packaged Chromium, unpacked once per package version into node_modules/.cache (not the shared /tmp
 * the package would use), atomically: concurrent first runs each unpack into their own folder, one wins.
 */
function chromiumFromNpm(): string | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null
  const packageDir = path.join(ROOT, 'node_modules', '@sparticuz', 'chromium')
  if (!existsSync(path.join(packageDir, 'package.json'))) return null // not installed (production install without devDependencies)
  const version = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version
  const cache = path.join(ROOT, 'node_modules', '.cache', 'sourcedeck-chromium')
  const target = path.join(cache, version)
  const launcher = path.join(target, 'launch-chromium')
  if (existsSync(launcher)) return launcher
  const staging = path.join(cache, `${version}.partial-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  try {
    // Only the package's files are used, not its code (which is written for AWS Lambda): the browser is a
    // brotli-compressed binary; its SwiftShader GL libraries, a Latin font and NSS come as brotli tarballs.
    const bin = path.join(packageDir, 'bin')
    const untar = (archive: string, into: string) => {
      mkdirSync(into, { recursive: true })
      const tar = path.join(staging, 'unpack.tar')
      writeFileSync(tar, brotliDecompressSync(readFileSync(path.join(bin, archive))))
      if (spawnSync('tar', ['-xf', tar, '-C', into]).status !== 0) throw new Error(`could not unpack ${archive}`)
      rmSync(tar)
    }
    const binary = path.join(staging, 'chromium')
    writeFileSync(binary, brotliDecompressSync(readFileSync(path.join(bin, 'chromium.br'))))
    chmodSync(binary, 0o755)
    untar('swiftshader.tar.br', staging)
    untar('fonts.tar.br', path.join(staging, 'fonts'))
    // A machine without Chromium's system libraries (NSS, NSPR, expat): use the ones the package ships.
    const ldd = spawnSync('ldd', [binary], { encoding: 'utf8' })
    const missing = ldd.status !== 0 || ldd.stdout.includes('not found')
    if (missing || process.env.CHROMIUM_BUNDLED_LIBS === '1') {
      untar('al2023.tar.br', staging)
    }
    // A machine without fontconfig's set-up (a bare container): the system's font folders, if any, plus the
    // Latin font the package ships, so text has a font and a size. CJK still renders as boxes.
    let fonts = ''
    if (!existsSync('/etc/fonts/fonts.conf') || process.env.CHROMIUM_BUNDLED_FONTS === '1') {
      const dirs = ['/usr/share/fonts', '/usr/local/share/fonts', `${target}/fonts`].map((d) => `  <dir>${d}</dir>\n`).join('')
      writeFileSync(
        path.join(staging, 'fonts.conf'),
        `<?xml version="1.0"?>\n<fontconfig>\n${dirs}  <cachedir>${target}/fonts-cache</cachedir>\n</fontconfig>\n`,
      )
      fonts = `FONTCONFIG_FILE="${target}/fonts.conf" `
    }
    // Paths inside the launcher are absolute, so it is written for the final folder.
    const libs = existsSync(path.join(staging, 'lib')) ? `LD_LIBRARY_PATH="${target}/lib\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" ` : ''
    writeFileSync(path.join(staging, 'launch-chromium'), `#!/bin/sh\n${libs}${fonts}exec "${target}/chromium" "$@"\n`)
    chmodSync(path.join(staging, 'launch-chromium'), 0o755)
    try {
      renameSync(staging, target)
    } catch {
      // Another run finished first; use its copy.
    }
    return existsSync(launcher) ? launcher : null
  } catch (error) {
    console.error(`Could not unpack the Chromium of @sparticuz/chromium: ${(error as Error).message}`)
    return null
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

export const NO_BROWSER_MESSAGE =
  'No Chromium found for the browser tests. `npm install` brings one for Linux x64 (@sparticuz/chromium); elsewhere install one: ' +
  '`sudo apt-get install -y chromium` (Debian/Ubuntu), or `npx playwright install chromium` where downloads are allowed, or set CHROMIUM_PATH to a Chromium binary.'

/** Flags for headless Chromium on a closed network, as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]
