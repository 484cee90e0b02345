// The benchmark's own production server, on a database nobody else uses, so every run starts from
// the same freshly seeded state and leaves nothing behind.
import { spawn } from 'node:child_process'
import http from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { appProcessCount, parseEnv } from '~/utils/env.server'
import { defer } from './cleanups'

/** Refuses to start when something already listens there: it would be measured instead of our server. */
export async function assertPortFree(baseUrl: string) {
  const answered = await fetch(`${baseUrl}/healthz`).then(
    () => true,
    () => false,
  )
  if (answered) throw new Error(`${baseUrl} already answers: stop whatever listens there first`)
}

/** The database and how many app processes the server will run on it, for reports. */
export function serverLabel(database: { label: string; env: Record<string, string | undefined> }) {
  const processes = appProcessCount(
    parseEnv({ ...process.env, DATABASE_URL: undefined, PGLITE_DIR: undefined, ...database.env }),
  )
  return `${database.label}; ${processes} app process${processes === 1 ? '' : 'es'}`
}

/**
 * GET /healthz on a connection of its own, closed after the answer. fetch would keep it open in its pool,
 * and the server, when it is stopped, would wait for that idle connection before it closes it.
 */
function healthStatus(baseUrl: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(`${baseUrl}/healthz`, { agent: false }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    request.on('error', () => resolve(0))
  })
}

/** How the server process ended: its exit code, or the signal that ended it (SIGKILL: it did not drain). */
export interface ServerExit {
  code: number | null
  signal: NodeJS.Signals | null
}

/**
 * Starts the production server; `ready` resolves once /healthz answers 200, `stop` ends it (idempotent),
 * `exited` tells how.
 */
export function spawnServer(env: Record<string, string | undefined>) {
  // Own process group, so a Ctrl-C in the terminal reaches only us: we stop the server before
  // dropping its database.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, DATABASE_URL: undefined, PGLITE_DIR: undefined, ...env },
    stdio: ['ignore', process.stderr, process.stderr],
    detached: true,
  })
  const exited = new Promise<ServerExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const running = () => child.exitCode === null && child.signalCode === null
  // Should we die without cleaning up (uncaught error, closed stdout), the server must not outlive us.
  process.once('exit', () => running() && process.kill(-child.pid!, 'SIGTERM'))

  async function stop() {
    if (!running()) return
    process.kill(-child.pid!, 'SIGTERM')
    // The server gives itself 10 s to drain and close the database; don't wait forever either.
    const stopped = await Promise.race([exited.then(() => true), sleep(15_000, false)])
    if (!stopped) process.kill(-child.pid!, 'SIGKILL')
    await exited
  }

  async function ready(baseUrl: string, timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs // the first start migrates and seeds (argon2 hashing)
    while (Date.now() < deadline) {
      if (!running()) throw new Error(`the server exited while starting: ${child.exitCode ?? child.signalCode}`)
      if ((await healthStatus(baseUrl)) === 200) return
      await sleep(250)
    }
    throw new Error(`the server did not answer /healthz with 200 within ${timeoutMs / 1000} s`)
  }

  return { stop, ready, exited }
}

/**
 * The production server as the benchmark scripts run it: on `database` (its DATABASE_URL or PGLITE_DIR),
 * at `baseUrl` on localhost, demo data on; stopped by the script's clean-ups. Resolves once it answers.
 */
export async function startProductionServer({
  database,
  baseUrl,
  logLevel,
  readyTimeoutMs,
}: {
  database: { env: Record<string, string | undefined> }
  baseUrl: string
  logLevel: string
  /** How long the first start (migrations, demo data) may take; 120 s by default. */
  readyTimeoutMs?: number
}) {
  const server = spawnServer({
    ...database.env,
    NODE_ENV: 'production',
    HOST: 'localhost',
    PORT: new URL(baseUrl).port,
    BASE_URL: baseUrl,
    SEED_DEMO: 'true',
    LOG_LEVEL: logLevel,
  })
  defer(server.stop)
  await server.ready(baseUrl, readyTimeoutMs)
  return server
}
