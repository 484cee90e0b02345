// The production server with the demo data, on a free port and a database of its own, for tests and
// scripts that talk to it over HTTP: scripts/e2e-server.ts (which drops the database when it stops)
// with the session broker, so a caller signs demo accounts in without the login form.
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseSetCookie } from 'cookie'
import { sessionSocketPath } from './e2e-address'
import { requestSession } from './session-client'

export interface AppServer {
  baseUrl: string
  port: number
  /** A new session of `email` as a Cookie header value (`name=value`). */
  cookieFor(email: string): Promise<string>
  /** What the server printed (warnings and errors: it logs at `warn`). */
  output(): string
  stop(): Promise<void>
}

/**
 * `npm run build` if the sources changed since the last build. Test files that start servers run side
 * by side and would otherwise build into the same directory at the same time: one builds, the others
 * wait for it (flock, from util-linux) and then find the build current.
 */
export function buildAppIfNeeded() {
  const checkout = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12)
  const lock = path.join(os.tmpdir(), `lms-build-${checkout}.lock`)
  execFileSync('flock', [lock, 'node', 'scripts/build-if-needed.js'], { stdio: 'inherit' })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** `env`: more settings for the app, e.g. `SMTP_URL` for a server that sends e-mail to a test's own SMTP sink. */
export async function startAppServer({ env = {} }: { env?: Record<string, string> } = {}): Promise<AppServer> {
  buildAppIfNeeded()
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/e2e-server.ts'], {
    env: { ...process.env, ...env, E2E_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const baseUrl = `http://localhost:${port}`
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  // A first start migrates, imports the courses and records the demo training (15-30 s on two busy cores).
  for (let waited = 0; ; waited += 250) {
    if (child.exitCode !== null) throw new Error(`the app server exited at start-up:\n${output}`)
    if (waited > 120_000) {
      await stop()
      throw new Error(`the app server did not answer /healthz within 120 s:\n${output}`)
    }
    const up = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    )
    if (up) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    baseUrl,
    port,
    cookieFor: async (email) => {
      const cookie = parseSetCookie(await requestSession(sessionSocketPath(port), email))
      return `${cookie.name}=${cookie.value ?? ''}`
    },
    output: () => output,
    stop,
  }
}
