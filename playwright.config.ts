import { existsSync } from 'node:fs'
import { chromium, defineConfig, devices } from '@playwright/test'
import { E2E_BASE_URL as BASE_URL } from './tests/support/e2e-address'

// Playwright cannot download its own browser on the build machines; Debian's Chromium stands in.
const DEBIAN_CHROMIUM = '/usr/bin/chromium'
const ownBrowserInstalled = existsSync(chromium.executablePath())
const executablePath = !ownBrowserInstalled && existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // Two cores: one for the server, one for the browser and the runner.
  workers: 2,
  retries: 0,
  reporter: 'list',
  // The longest journeys (an instructor and a learner in one test, with axe checks) take 20–40 s on a
  // slow machine of this kind, where one once ran past 30 s; a test that hangs still fails within a minute.
  timeout: 60_000,
  // The suite's server is one Node process shared by both workers: a heavy request of one test (a course
  // package checked and imported, ~5 s on a busy machine) delays the pages of the other. Ten seconds for
  // a page to show what it should keeps that from failing a test; nothing waits longer when it passes.
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: BASE_URL,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx scripts/e2e-server.ts',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets the server close the database and the script drop it afterwards.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
})
