import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { PrismaClient } from '~/generated/prisma/client'
import { getEnv, poolSize } from './env.server'
import { singleton } from './singleton.server'

/** Plain SQL access for the migrator and test set-up, on whichever engine is configured. */
export interface SqlExecutor {
  /** Runs a script of one or more statements without parameters. */
  exec(script: string): Promise<void>
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>
}

export interface SqlRunner extends SqlExecutor {
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>
}

export interface Database {
  engine: 'postgres' | 'pglite'
  prisma: PrismaClient
  sql: SqlRunner
  close(): Promise<void>
}

function pgExecutor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async exec(script) {
      await client.query(script)
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params)
      return result.rows as Row[]
    },
  }
}

function pgliteExecutor(client: Pick<PGlite, 'exec' | 'query'>): SqlExecutor {
  return {
    async exec(script) {
      await client.exec(script)
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await client.query<Row>(sql, params)
      return result.rows
    },
  }
}

/** How long a request waits for a new PostgreSQL connection before it fails (then as a 503). */
export const CONNECT_TIMEOUT_MS = 10_000

function openPostgres(url: string): Database {
  // JIT compilation pays off for long analytical queries, not ours: the report queries cross its cost
  // threshold and then spend 30-40 ms compiling for a 50 ms run (BENCHMARKS.md, the matrix). Off for
  // our sessions unless the URL says otherwise (`?options=-c%20jit%3Don`), which pg lets win.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize(getEnv()),
    options: '-c jit=off',
    // A server that accepts the connection but never answers (frozen, or a network that drops packets)
    // must fail the request in seconds instead of holding it, and its connection slot, for ever.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Dead peers are found by TCP keep-alive rather than by the next query waiting on them.
    keepAlive: true,
  })
  // A restart or failover ends idle connections: pg drops them from the pool and reports it here. Without
  // a listener Node would treat that as an uncaught error and end the process. Nothing else to do: the
  // next query opens a new connection, and requests that fail meanwhile log "database unavailable".
  pool.on('error', () => {})
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) })
  return {
    engine: 'postgres',
    prisma,
    sql: {
      ...pgExecutor(pool),
      async transaction(work) {
        const client = await pool.connect()
        try {
          await client.query('BEGIN')
          const result = await work(pgExecutor(client))
          await client.query('COMMIT')
          return result
        } catch (error) {
          await client.query('ROLLBACK')
          throw error
        } finally {
          client.release()
        }
      },
    },
    async close() {
      await prisma.$disconnect()
      const closed = allClientsClosed(pool)
      await pool.end()
      await closed
    },
  }
}

/**
 * `pool.end()` resolves once the clients are told to end, not when their connections are closed; a
 * caller that drops the database right after would have the server kill those connections mid-goodbye.
 */
function allClientsClosed(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount
  if (open === 0) return Promise.resolve()
  return new Promise((resolve) => {
    pool.on('remove', () => {
      open -= 1
      if (open === 0) resolve()
    })
  })
}

function openPGlite(dataDir: string): Database {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
  return pgliteDatabase(new PGlite(dataDir))
}

/** The app's database on a PGlite instance someone else opened (tests start from a migrated copy). */
export function pgliteDatabase(pglite: PGlite): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) })
  return {
    engine: 'pglite',
    prisma,
    sql: {
      ...pgliteExecutor(pglite),
      transaction: (work) => pglite.transaction((tx) => work(pgliteExecutor(tx))),
    },
    async close() {
      await prisma.$disconnect()
      await pglite.close()
    },
  }
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise. */
export function openDatabase(env = getEnv()): Database {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPGlite(env.PGLITE_DIR)
}

export function getDatabase(): Database {
  return singleton('database', () => openDatabase())
}

/** The Prisma client; import it only from `app/modules/**\/*.server.ts`. */
export function getPrisma(): PrismaClient {
  return getDatabase().prisma
}
