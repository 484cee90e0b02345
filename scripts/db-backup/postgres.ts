// PostgreSQL's backup with its own tools: `pg_dump --format=custom` of the database in DATABASE_URL,
// and `pg_restore --clean --if-exists` in one transaction, so a restore that fails changes nothing.
// Objects are restored as owned by the connecting user, without the original's grants: the backup
// also restores on a new server where the original's roles do not exist.
import { execFile } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { promisify } from 'node:util'
import pg from 'pg'
import { postgresBinary } from '../lib/postgres-binaries'
import { BackupError, refuseExisting } from './files'

const run = promisify(execFile)

/** Query parameters Prisma reads that libpq (pg_dump, pg_restore) rejects as unknown. */
const PRISMA_ONLY = [
  'schema',
  'connection_limit',
  'pool_timeout',
  'socket_timeout',
  'pgbouncer',
  'statement_cache_size',
]

/** The URL for libpq, with the password moved out of the command line (where `ps` shows it) into PGPASSWORD. */
function libpq(url: string) {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  for (const name of PRISMA_ONLY) parsed.searchParams.delete(name)
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } }
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1))

async function tool(name: 'pg_dump' | 'pg_restore', url: string, args: string[]) {
  const { dbname, env } = libpq(url)
  try {
    await run(postgresBinary(name), [...args, `--dbname=${dbname}`], { env, maxBuffer: 16 * 2 ** 20 })
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT')
      throw new BackupError(`${name} was not found: install PostgreSQL's client programs (Debian: postgresql-client)`)
    const stderr = String((error as { stderr?: unknown }).stderr ?? '')
    const line = stderr.split('\n').find((text) => text.includes('error:')) ?? stderr.split('\n')[0] ?? String(error)
    throw new BackupError(line.trim())
  }
}

export async function backupPostgres({ url, file, force }: { url: string; file: string; force: boolean }) {
  refuseExisting(file, force)
  try {
    await tool('pg_dump', url, ['--format=custom', `--file=${file}`])
  } catch (error) {
    rmSync(file, { force: true }) // a partial dump is no backup
    throw error
  }
}

async function countTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    const { rows } = await client.query<{ tables: number }>(
      `SELECT count(*)::int AS "tables" FROM information_schema.tables
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
    )
    return rows[0]?.tables ?? 0
  } catch (error) {
    const missing = (error as { code?: unknown }).code === '3D000' ? ' (create it first: createdb)' : ''
    throw new BackupError(`cannot connect to ${databaseName(url)}: ${(error as Error).message}${missing}`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Replaces the database's contents with the backup's; a database with tables only with `force`. */
export async function restorePostgres({ url, file, force }: { url: string; file: string; force: boolean }) {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`)
  const tables = await countTables(url)
  if (tables > 0 && !force)
    throw new BackupError(
      `the database ${databaseName(url)} already has ${tables} tables: add --force to replace them with the backup`,
    )
  await tool('pg_restore', url, [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    file,
  ])
}
