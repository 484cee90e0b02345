// Once per run on PGlite: migrate one in-memory database and save it, so each test file starts from
// a copy instead of running initdb and every migration again (about 7 s a file on two cores).
import { rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { applyMigrations } from '~/modules/platform/migrate.server'
import { pgliteDatabase } from '~/utils/db.server'

/** Where setup.ts finds the migrated copy; unset on the PostgreSQL run. */
export const TEMPLATE_VARIABLE = 'LMS_TEST_PGLITE_TEMPLATE'

export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return
  const pglite = new PGlite('memory://')
  const database = pgliteDatabase(pglite)
  await applyMigrations({ sql: database.sql })
  const template = path.join(os.tmpdir(), `lms-test-template-${process.pid}.tar`)
  writeFileSync(template, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()))
  await database.close()
  process.env[TEMPLATE_VARIABLE] = template
  return () => rmSync(template, { force: true })
}
