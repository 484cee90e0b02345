// A PostgreSQL server of the fault test's own, in a temporary directory on a free port, so it can be
// restarted under load without touching the machine's shared server. initdb refuses to run as root, so
// the cluster belongs to the `postgres` user and every command runs as it (runuser) when we are root.
import { execFile } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { postgresBinary } from '../lib/postgres-binaries'

const run = promisify(execFile)

export interface OwnPostgres {
  url: string
  label: string
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when this resolves. */
  restart(): Promise<void>
  /** `pg_ctl stop -m fast` and `start`: an outage as long as the caller waits between them. */
  stop(): Promise<void>
  start(): Promise<void>
  /** Stops the server and removes its directory (idempotent). */
  destroy(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lms-faults-pg-'))
  const owner = asRoot ? await run('id', ['-u', 'postgres']).then(({ stdout }) => Number(stdout.trim())) : undefined
  if (owner !== undefined) chownSync(dir, owner, owner)
  const dataDir = path.join(dir, 'data')
  const as = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', postgresBinary(command), ...args])
      : run(postgresBinary(command), args)

  const port = await freePort()
  // listen_addresses keeps it on loopback; the socket goes into our directory, not /var/run/postgresql.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`
  const pgCtl = (action: string, ...extra: string[]) =>
    as('pg_ctl', [action, '-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-o', options, ...extra])

  let running = false
  const destroy = async () => {
    if (running) await pgCtl('stop', '-m', 'immediate').catch(() => undefined)
    running = false
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await as('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'])
    await pgCtl('start')
    running = true
    const { stdout } = await as('postgres', ['--version'])
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      label: `${stdout.trim().replace(/^postgres \(PostgreSQL\) /, 'PostgreSQL ')}, own server on 127.0.0.1:${port}`,
      restart: async () => void (await pgCtl('restart', '-m', 'fast')),
      stop: async () => void (await pgCtl('stop', '-m', 'fast')),
      start: async () => void (await pgCtl('start')),
      destroy,
    }
  } catch (error) {
    await destroy()
    throw error
  }
}
