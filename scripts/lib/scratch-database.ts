// A database that exists for one run and is dropped afterwards — never leftovers. Used by the
// integration tests, the Playwright server and the benchmark.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export interface ScratchDatabase {
  engine: 'pglite' | 'postgres'
  /** Environment that points the app at this database (DATABASE_URL or PGLITE_DIR). */
  env: { DATABASE_URL?: string; PGLITE_DIR?: string }
  /** For logs and reports; never contains credentials. */
  label: string
  drop(): Promise<void>
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * With `serverUrl`: a new database `<prefix>_<random>` on that PostgreSQL server. Without: PGlite,
 * in memory or in a new temporary directory.
 */
export async function createScratchDatabase({
  serverUrl,
  prefix,
  pglite = 'directory',
}: {
  serverUrl: string | undefined
  prefix: string
  pglite?: 'memory' | 'directory'
}): Promise<ScratchDatabase> {
  if (!serverUrl) {
    if (pglite === 'memory')
      return { engine: 'pglite', env: { PGLITE_DIR: 'memory://' }, label: 'PGlite in memory', drop: async () => {} }
    const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`))
    return {
      engine: 'pglite',
      env: { PGLITE_DIR: path.join(dir, 'pglite') },
      label: `PGlite in ${dir}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`
  const version = await onServer(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE "${name}"`)
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version
  })
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    engine: 'postgres',
    env: { DATABASE_URL: url.toString() },
    label: `PostgreSQL ${version} (${url.host}, database ${name})`,
    drop: async () => {
      await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
    },
  }
}
