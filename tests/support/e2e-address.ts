// Where the Playwright suite's server listens. E2E_PORT moves it, so two checkouts on one machine can
// run the suite at the same time; the config, the server script and the specs all read it here.
import os from 'node:os'
import path from 'node:path'

const DEFAULT_PORT = 3100

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`E2E_PORT must be a port number, not "${value}"`)
  return port
}

export const E2E_PORT = portFromEnv(process.env.E2E_PORT)
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`

/** The e2e server's session socket (tests/support/session-broker.ts), one per port like the server. */
export function sessionSocketPath(port: number) {
  return path.join(os.tmpdir(), `lms-e2e-${port}-sessions.sock`)
}

export const E2E_SESSION_SOCKET = sessionSocketPath(E2E_PORT)
