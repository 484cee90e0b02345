// Every integration test file gets its own freshly migrated database: an in-memory PGlite by
// default, or a new database on the server named by TEST_DATABASE_URL, dropped afterwards.
import { afterAll } from 'vitest'
import { clearSingletons } from '~/utils/singleton.server'
import { createScratchDatabase } from '../../scripts/lib/scratch-database'

const testDatabase = await createScratchDatabase({
  serverUrl: process.env.TEST_DATABASE_URL,
  prefix: 'lms_test',
  pglite: 'memory',
})
process.env.LOG_LEVEL = 'silent'
// Vitest exports Vite's BASE_URL ("/") into the environment; it is not ours.
delete process.env.BASE_URL
process.env.SESSION_IDLE_HOURS = '72'
delete process.env.DATABASE_URL
Object.assign(process.env, testDatabase.env)
clearSingletons()

const { getDatabase } = await import('~/utils/db.server')
const { applyMigrations } = await import('~/modules/platform/migrate.server')
await applyMigrations({ sql: getDatabase().sql })

afterAll(async () => {
  await getDatabase().close()
  clearSingletons()
  await testDatabase.drop()
})
