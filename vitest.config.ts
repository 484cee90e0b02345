import { defineConfig } from 'vitest/config'

const alias = { '~': new URL('./app', import.meta.url).pathname }

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default is one worker less than the cores: one worker on these two-core machines. Test
    // files wait on databases, child servers and pdftotext much of the time, so two overlap well
    // (integration 112 -> 100 s on PGlite, 91 -> 75 s on PostgreSQL; unit 29 -> 18 s). Since Vitest 4
    // maxWorkers alone sets the number of files run at a time (minWorkers is gone).
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['app/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
          environment: 'node',
          // Loading the three course packages or jsdom takes seconds when the machine is busy (CI beside
          // other jobs); these are correctness tests, timed only to catch a hang.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
