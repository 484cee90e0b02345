// Every integration test file gets its own freshly migrated database: an in-memory PGlite (a copy of
// the one global-setup.ts migrated) by default, or a new database on the server named by
// TEST_DATABASE_URL, migrated here and dropped afterwards.
import { afterAll } from 'vitest'
import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { clearSingletons, singleton } from '~/utils/singleton.server'
import { createScratchDatabase } from '../../scripts/lib/scratch-database'
import { TEMPLATE_VARIABLE } from './global-setup'

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

const { getDatabase, pgliteDatabase } = await import('~/utils/db.server')
const template = process.env[TEMPLATE_VARIABLE]
if (testDatabase.engine === 'pglite' && template) {
  // A copy of the database global-setup.ts migrated once for the whole run.
  const copy = new PGlite({ loadDataDir: new Blob([readFileSync(template)]) })
  singleton('database', () => pgliteDatabase(copy))
  // Ready before the first test, as a migrated database is: a test must not pay for the start-up.
  await getDatabase().sql.query('SELECT 1')
} else {
  const { applyMigrations } = await import('~/modules/platform/migrate.server')
  await applyMigrations({ sql: getDatabase().sql })
}

afterAll(async () => {
  await getDatabase().close()
  clearSingletons()
  await testDatabase.drop()
})
