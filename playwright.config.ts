import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './tests/support/browser'

const PORT = Number(process.env.E2E_PORT ?? 3210 + Number(process.env.TEST_PORT_OFFSET ?? 0))
const executablePath = findChromium() ?? undefined

export default defineConfig({
  testDir: 'tests/e2e',
  // Tests check behaviour, not speed (that is the bench's job): accessibility scans of several pages take
  // over 30 s on a busy 2-core machine.
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]]
    : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], launchOptions: { executablePath, args: CHROMIUM_ARGS } },
      testMatch: /phone.*\.spec\.ts/,
    },
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: CHROMIUM_ARGS } },
      testMatch: /desktop.*\.spec\.ts/,
    },
  ],
  webServer: {
    command: 'node --import tsx tests/e2e/start-server.ts',
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(PORT) },
  },
})
