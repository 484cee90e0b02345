// `npm run db:backup` and `npm run db:restore` on both engines: a database seeded as a first start seeds
// it (demo accounts, the shipped courses, the demo officers' training records) is backed up, then
// changed — rows updated, deleted and added — and restored; it must then hold exactly what it held at the
// backup: the same number of rows in every table, the same rows. PGlite always (a data directory in a
// temporary folder); PostgreSQL on the PostgreSQL run (a scratch database on TEST_DATABASE_URL).
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, describe, expect, it } from 'vitest'
import { importShippedCoursesOnFirstStart } from '~/modules/content/course-import.server'
import { applyMigrations } from '~/modules/platform/migrate.server'
import { seedDemoTraining } from '~/setup/demo-training.server'
import { seedDemoData } from '~/setup/seed.server'
import { getDatabase, openDatabase, pgliteDatabase, type Database } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { clearSingletons, singleton } from '~/utils/singleton.server'
import { backupPGlite, restorePGlite } from '../../scripts/db-backup/pglite'
import { backupPostgres, restorePostgres } from '../../scripts/db-backup/postgres'
import { createScratchDatabase } from '../../scripts/lib/scratch-database'
import { TEMPLATE_VARIABLE } from './global-setup'

const folder = mkdtempSync(path.join(os.tmpdir(), 'lms-backup-test-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** Seeds `database` with the app's own start-up steps, which work on the app's database (a singleton). */
async function seed(database: Database) {
  const original = getDatabase()
  clearSingletons()
  singleton('database', () => database)
  try {
    await applyMigrations({ sql: database.sql })
    await seedDemoData()
    await importShippedCoursesOnFirstStart({ dirs: ['courses'] })
    await seedDemoTraining({ now: new Date() })
  } finally {
    clearSingletons()
    singleton('database', () => original)
  }
}

/** Every table's row count and a digest of all its rows, plus a few records to read when they differ. */
async function contents({ sql }: Database) {
  const tables = await sql.query<{ name: string }>(
    `SELECT table_name AS "name" FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  )
  const counts: Record<string, { rows: number; digest: string }> = {}
  for (const { name } of tables) {
    const [row] = await sql.query<{ rows: number; digest: string }>(
      `SELECT count(*)::int AS "rows", md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS "digest"
       FROM "${name}" t`,
    )
    counts[name] = row!
  }
  const users = await sql.query('SELECT "email", "displayName", "role" FROM "User" ORDER BY "email" LIMIT 5')
  const attempts = await sql.query('SELECT "id", "status", "score" FROM "QuizAttempt" ORDER BY "id" LIMIT 5')
  return { counts, users, attempts }
}

/** What happens between a backup and the need for it: changes, deletions, new rows. */
async function change({ sql, prisma }: Database) {
  await sql.exec(`UPDATE "User" SET "displayName" = 'Changed after the backup'; DELETE FROM "AttemptAnswer"`)
  await prisma.administration.create({ data: { code: 'AFTER-BACKUP', name: { en: 'Added after the backup' } } })
}

async function expectFilled(snapshot: Awaited<ReturnType<typeof contents>>) {
  // A round trip of empty tables would prove nothing.
  for (const table of ['User', 'Course', 'QuizAttempt', 'AttemptAnswer', 'Certificate'])
    expect(snapshot.counts[table]?.rows, table).toBeGreaterThan(0)
}

describe('backing up and restoring the embedded database (PGlite)', () => {
  const dataDir = path.join(folder, 'pglite')
  const file = path.join(folder, 'pglite.tar.gz')
  const open = () => pgliteDatabase(new PGlite(dataDir))
  // On the PGlite run, the migrated database global-setup.ts made: initdb and the migrations cost ~10 s.
  const template = process.env[TEMPLATE_VARIABLE]
  const create = () =>
    pgliteDatabase(new PGlite(dataDir, template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}))
  const withOpen = async <T>(work: (database: Database) => Promise<T>) => {
    const database = open()
    try {
      return await work(database)
    } finally {
      await database.close()
    }
  }

  it('brings back every row after changes, and moves the changed directory aside', async () => {
    const created = create()
    const before = await seed(created)
      .then(() => contents(created))
      .finally(() => created.close())
    await expectFilled(before)
    await backupPGlite({ dataDir, file, force: false })
    await expect(backupPGlite({ dataDir, file, force: false })).rejects.toThrow('already exists')

    const changed = await withOpen(async (database) => {
      await change(database)
      return contents(database)
    })
    expect(changed.counts).not.toEqual(before.counts)

    await expect(restorePGlite({ dataDir, file, force: false })).rejects.toThrow('already holds a database')
    const { movedAside } = await restorePGlite({ dataDir, file, force: true })
    expect(await withOpen(contents)).toEqual(before)
    expect(movedAside && existsSync(path.join(movedAside, 'PG_VERSION'))).toBe(true)
  }, 180_000)

  it('refuses a directory that a running server has open', async () => {
    const database = open()
    try {
      await database.sql.query('SELECT 1')
      await expect(backupPGlite({ dataDir, file: `${file}.2`, force: false })).rejects.toThrow('is in use')
    } finally {
      await database.close()
    }
  })
})

describe.runIf(process.env.TEST_DATABASE_URL)('backing up and restoring a PostgreSQL database', () => {
  it('brings back every row after changes, into the same database or an empty one', async () => {
    const create = () => createScratchDatabase({ serverUrl: process.env.TEST_DATABASE_URL, prefix: 'lms_test' })
    const [source, target] = [await create(), await create()]
    const url = source.env.DATABASE_URL!
    const database = openDatabase({ ...getEnv(), DATABASE_URL: url })
    const file = path.join(folder, 'postgres.dump')
    try {
      await seed(database)
      const before = await contents(database)
      await expectFilled(before)
      await backupPostgres({ url, file, force: false })

      await change(database)
      expect((await contents(database)).counts).not.toEqual(before.counts)
      await expect(restorePostgres({ url, file, force: false })).rejects.toThrow('add --force')
      await restorePostgres({ url, file, force: true })
      expect(await contents(database)).toEqual(before)

      // A new server: an empty database takes the backup without --force.
      const copy = openDatabase({ ...getEnv(), DATABASE_URL: target.env.DATABASE_URL })
      try {
        await restorePostgres({ url: target.env.DATABASE_URL!, file, force: false })
        expect(await contents(copy)).toEqual(before)
      } finally {
        await copy.close()
      }
    } finally {
      await database.close()
      await Promise.all([source.drop(), target.drop()])
    }
  }, 180_000)
})

describe('the commands', () => {
  it('say what is wrong in one line and exit 1', async () => {
    const failure = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/db-restore.ts', path.join(folder, 'missing.tar.gz')],
      { env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: path.join(folder, 'cli') } },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toBe(`${path.join(folder, 'missing.tar.gz')} does not exist\n`)
  })
})
