// The server as an operator runs it: configuration errors, restart with data kept, SIGTERM.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database'

// A fresh PGlite directory, or on the PostgreSQL run (TEST_DATABASE_URL) a new database there.
let database: ScratchDatabase
beforeAll(async () => {
  execFileSync('node', ['scripts/build-if-needed.js'], { stdio: 'inherit' })
  database = await createScratchDatabase({ serverUrl: process.env.TEST_DATABASE_URL, prefix: 'lms_test' })
}, 300_000)
afterAll(async () => {
  await database.drop()
})

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Starts the production server, as `npm start` does; `whileUp` runs once /healthz answers, then the server gets SIGTERM. */
function runServer(env: Record<string, string>, whileUp?: (port: number, run: Run) => Promise<void>): Promise<Run> {
  const port = 3300 + Math.floor(Math.random() * 500)
  const child = spawn('node', ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      NODE_ENV: 'production',
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...database.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const run: Run = { code: null, stdout: '', stderr: '' }
  child.stdout.on('data', (chunk) => (run.stdout += chunk))
  child.stderr.on('data', (chunk) => (run.stderr += chunk))
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ ...run, code })))
  if (!whileUp) return exited
  return (async () => {
    // A first start migrates, imports the courses and records the demo training: 13-27 s here alone,
    // over 30 s with another test file beside it on a busy machine. Wait up to 50 s.
    for (let i = 0; i < 200 && !run.stdout.includes('is listening'); i++) {
      if (child.exitCode !== null) return exited
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    try {
      await whileUp(port, run)
    } finally {
      child.kill('SIGTERM')
    }
    return exited
  })()
}

const health = (port: number) => fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.status)

describe('the server process', { timeout: 120_000 }, () => {
  it('stops at start-up with one line naming a bad variable', async () => {
    const run = await runServer({ PORT: 'eighty' })
    expect(run.code).toBe(1)
    expect(run.stderr.trim()).toBe('Invalid configuration: PORT must be a port number (1-65535)')
  })

  it('stops at start-up with one line naming an unreachable PostgreSQL, never its password', async () => {
    const run = await runServer({ DATABASE_URL: 'postgres://postgres:hunter2-secret@127.0.0.1:1/lms' })
    expect(run.code).toBe(1)
    const output = run.stdout + run.stderr
    expect(run.stderr.trim()).toBe(
      'Cannot connect to PostgreSQL at 127.0.0.1:1, database "lms" (connect ECONNREFUSED 127.0.0.1:1). ' +
        'Check that PostgreSQL is running and accepts connections there, and that DATABASE_URL is right.',
    )
    expect(output).not.toMatch(/^\s+at /m)
    expect(output).not.toContain('hunter2-secret')
  })

  it('stops at start-up with one line naming an embedded database directory it cannot open', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lms-not-a-dir-')), 'file')
    writeFileSync(file, 'not a directory')
    const run = await runServer({ DATABASE_URL: '', PGLITE_DIR: path.join(file, 'pglite') })
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain(`Cannot open the embedded database in ${path.join(file, 'pglite')} (ENOTDIR`)
    expect(run.stderr).toContain('Check that PGLITE_DIR is a directory this user can write')
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
    rmSync(path.dirname(file), { recursive: true, force: true })
  })

  it('migrates and seeds on first start, keeps the data on restart, and exits cleanly on SIGTERM', async () => {
    const first = await runServer({}, async (port) => expect(await health(port)).toBe(200))
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('migrations applied')
    expect(first.stdout).toContain('demo data seeded')

    const second = await runServer({}, async (port) => expect(await health(port)).toBe(200))
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('database up to date')
    expect(second.stdout).not.toContain('demo data seeded')
  })

  it.runIf(!process.env.TEST_DATABASE_URL)('refuses several processes on the embedded database', async () => {
    const run = await runServer({ WEB_CONCURRENCY: '2' })
    expect(run.code).toBe(1)
    expect(run.stderr.trim()).toBe(
      'Invalid configuration: WEB_CONCURRENCY must be 1 with the embedded database (set DATABASE_URL to run several processes)',
    )
  })

  it.runIf(process.env.TEST_DATABASE_URL)(
    'serves from several processes on PostgreSQL and stops them all',
    async () => {
      const listening = (run: string) => new Set([...run.matchAll(/"pid":(\d+)[^\n]*is listening/g)].map((m) => m[1]))
      let pids = new Set<string | undefined>()
      const run = await runServer({ WEB_CONCURRENCY: '3' }, async (port, up) => {
        for (let i = 0; i < 80 && listening(up.stdout).size < 3; i++) await new Promise((r) => setTimeout(r, 250))
        pids = listening(up.stdout)
        expect(await health(port)).toBe(200)
      })
      expect(run.code).toBe(0)
      expect(pids.size).toBe(3)
      expect(run.stdout).toContain('"processes":3')
    },
  )
})
