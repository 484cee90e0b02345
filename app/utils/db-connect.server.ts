import path from 'node:path'
import { getDatabase, type Database } from './db.server'
import { getEnv, type Env } from './env.server'

/** The database cannot be reached or opened; the message is one line for the operator. */
export class DatabaseUnavailable extends Error {}

/**
 * Opens the configured database and asks it one question, so that start-up and the scripts fail on
 * a database that is down or misconfigured with one line naming it, before any other work.
 */
export async function connectDatabase(env: Env = getEnv()): Promise<Database> {
  try {
    const database = getDatabase()
    await database.sql.query('SELECT 1')
    return database
  } catch (error) {
    throw new DatabaseUnavailable(unavailableMessage({ env, error }), { cause: error })
  }
}

/** Where the database is and what to check; never the password. */
export function unavailableMessage({ env, error }: { env: Pick<Env, 'DATABASE_URL' | 'PGLITE_DIR'>; error: unknown }) {
  if (!env.DATABASE_URL) {
    return (
      `Cannot open the embedded database in ${path.resolve(env.PGLITE_DIR)} (${reasonOf(error)}). ` +
      'Check that PGLITE_DIR is a directory this user can write, empty or holding a database of this version, ' +
      'and that no other server has it open.'
    )
  }
  return (
    `Cannot connect to PostgreSQL ${describeTarget(env.DATABASE_URL, reasonOf(error))}. ` +
    'Check that PostgreSQL is running and accepts connections there, and that DATABASE_URL is right.'
  )
}

function describeTarget(databaseUrl: string, reason: string): string {
  if (!URL.canParse(databaseUrl)) return `(${reason}; DATABASE_URL is not a URL this check can read)`
  const url = new URL(databaseUrl)
  const host = url.searchParams.get('host') ?? (url.hostname || 'localhost')
  const port = url.searchParams.get('port') ?? (url.port || '5432')
  const database = decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || 'postgres'
  const password = decodeURIComponent(url.password)
  return `at ${host}:${port}, database "${database}" (${password ? reason.replaceAll(password, '***') : reason})`
}

/** The first line of the error's message; a refused connection to several addresses has only a code. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined
  return error.message.split('\n')[0]?.trim() || code || error.name
}
