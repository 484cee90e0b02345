// The PostgreSQL connection pool when the server goes away: a restart that ends its connections must
// not end the app's process, and a server that never answers must fail a request in seconds (a 503 for
// the learner) instead of holding it for ever. `npm run faults` shows the same under load.
import { createServer, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONNECT_TIMEOUT_MS, getDatabase, openDatabase } from '~/utils/db.server'
import { isDatabaseUnavailable } from '~/utils/db-unavailable.server'
import { getEnv } from '~/utils/env.server'

describe('the PostgreSQL connection pool', () => {
  it.runIf(process.env.TEST_DATABASE_URL)(
    'outlives its idle connections ended by the server, as a restart ends them, and connects again',
    async () => {
      const database = openDatabase(getEnv()) // its own pool, which Prisma has not used yet
      try {
        const [{ pid } = { pid: 0 }] = await database.sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
        await getDatabase().sql.query('SELECT pg_terminate_backend($1)', [pid])
        await new Promise((resolve) => setTimeout(resolve, 200)) // the idle connection learns it is gone
        expect(await database.sql.query('SELECT 1 AS one')).toEqual([{ one: 1 }])
      } finally {
        await database.close()
      }
    },
  )

  describe('against a server that accepts connections and never answers', () => {
    let silent: Server
    const sockets = new Set<Socket>()
    beforeAll(async () => {
      silent = createServer((socket) => void sockets.add(socket))
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    })
    afterAll(async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => silent.close(resolve))
    })

    it('fails a query within the connect timeout, as a database that is unavailable', async () => {
      const address = silent.address()
      const port = typeof address === 'object' && address ? address.port : 0
      const database = openDatabase({ ...getEnv(), DATABASE_URL: `postgresql://lms@127.0.0.1:${port}/lms` })
      const started = Date.now()
      const error: unknown = await database.prisma.$queryRaw`SELECT 1`.then(
        () => null,
        (failure: unknown) => failure,
      )
      expect(Date.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS + 5_000)
      expect(isDatabaseUnavailable(error)).toBe(true)
      await database.close()
    })
  })
})
