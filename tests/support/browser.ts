/**
 * Which Chromium the browser tests use: Playwright's own if it is installed, else Debian's. When there is
 * neither, say exactly how to get one.
 */
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

export function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH
  try {
    const own = chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // Playwright's browser is not installed; fall through.
  }
  return SYSTEM_CHROMIUM.find((p) => existsSync(p)) ?? null
}

export const NO_BROWSER_MESSAGE =
  'No Chromium found for the browser tests. Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
  'or `npx playwright install chromium` where downloads are allowed, or set CHROMIUM_PATH to a Chromium binary.'

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
