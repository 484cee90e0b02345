// The server behind the Playwright suite: a brand-new database on every run, seeded with the demo
// accounts, thrown away when Playwright stops the server. A new PostgreSQL database on the server
// named by TEST_DATABASE_URL, or a fresh PGlite directory under the system's temp dir. The app runs
// with the session broker loaded (tests/support/session-broker.ts), which signs users in for tests.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { E2E_BASE_URL, E2E_PORT, E2E_SESSION_SOCKET } from '../tests/support/e2e-address'
import { createScratchDatabase } from './lib/scratch-database'

const database = await createScratchDatabase({ serverUrl: process.env.TEST_DATABASE_URL, prefix: 'lms_e2e' })
process.stderr.write(`e2e server: ${database.label}\n`)

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  ...database.env,
  NODE_ENV: 'production',
  PORT: String(E2E_PORT),
  BASE_URL: E2E_BASE_URL,
  SEED_DEMO: 'true',
  E2E_SESSION_SOCKET,
  LOG_LEVEL: 'warn',
  // The shipped courses, and a small test course with a one-minute exam (tests/fixtures/e2e-courses).
  COURSES_DIR: ['./courses', './tests/fixtures/e2e-courses'].join(path.delimiter),
}
// A DATABASE_URL from the caller's shell would win over PGLITE_DIR and point the suite at real data.
if (!database.env.DATABASE_URL) delete childEnv.DATABASE_URL

// A socket left by a run that was killed would refuse the new one (a stopped run removes its own).
rmSync(E2E_SESSION_SOCKET, { force: true })
// `tsx server/index.ts` without the tsx CLI in between: the CLI relays a signal by waiting 30 ms for the
// child to acknowledge it and then SIGKILLs it, which on a busy machine cuts the graceful shutdown short.
const broker = new URL('../tests/support/session-broker.ts', import.meta.url).href
const child = spawn(process.execPath, ['--import', 'tsx', '--import', broker, 'server/index.ts'], {
  env: childEnv,
  stdio: 'inherit',
})

let cleaning: Promise<void> | undefined
function cleanUp() {
  rmSync(E2E_SESSION_SOCKET, { force: true })
  cleaning ??= database.drop().catch((error: unknown) => {
    process.stderr.write(`e2e server: could not remove ${database.label}: ${String(error)}\n`)
  })
  return cleaning
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  })
}

child.on('exit', (code, signal) => {
  process.stderr.write(`e2e server: the app server exited (code ${code}, signal ${signal})\n`)
  const stopped = signal === 'SIGTERM' || signal === 'SIGINT'
  void cleanUp().then(() => process.exit(code ?? (stopped ? 0 : 1)))
})
