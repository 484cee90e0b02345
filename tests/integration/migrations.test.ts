import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR, applyMigrations, readMigrationFiles } from '~/modules/platform/migrate.server'
import { MigrationDrift, checksumOf } from '~/modules/platform/migrations'
import { getDatabase } from '~/utils/db.server'

const sql = () => getDatabase().sql
const copies: string[] = []

function copyOfMigrations() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lms-migrations-'))
  cpSync(MIGRATIONS_DIR, dir, { recursive: true })
  copies.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('applyMigrations', () => {
  it('records every migration once, the way prisma migrate does', async () => {
    const rows = await sql().query<{
      migration_name: string
      checksum: string
      finished_at: Date | null
      applied_steps_count: number
    }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    )
    const files = readMigrationFiles()
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name))
    expect(rows.map((row) => row.checksum)).toEqual(files.map((file) => checksumOf(file.script)))
    expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true)
  })

  it('applies nothing the second time, even when started twice at once', async () => {
    const results = await Promise.all([applyMigrations({ sql: sql() }), applyMigrations({ sql: sql() })])
    expect(results).toEqual([{ applied: [] }, { applied: [] }])
    const [{ count }] = (await sql().query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "_prisma_migrations"`,
    )) as [{ count: number }]
    expect(count).toBe(readMigrationFiles().length)
  })

  it('refuses to run when an applied migration was edited', async () => {
    const dir = copyOfMigrations()
    const [first] = readMigrationFiles(dir)
    appendFileSync(path.join(dir, first!.name, 'migration.sql'), '\n-- edited after the fact\n')
    await expect(applyMigrations({ sql: sql(), dir })).rejects.toThrow(MigrationDrift)
    await expect(applyMigrations({ sql: sql(), dir })).rejects.toThrow(/modified after it was applied/)
  })

  it('applies a new migration and rolls back a failing one completely', async () => {
    const dir = copyOfMigrations()
    const good = path.join(dir, '29990101000000_test_good')
    cpSync(path.join(dir, readMigrationFiles(dir)[0]!.name), good, { recursive: true })
    writeFileSync(path.join(good, 'migration.sql'), 'CREATE TABLE "MigratorProbe" ("id" TEXT PRIMARY KEY);\n')
    const bad = path.join(dir, '29990102000000_test_bad')
    cpSync(good, bad, { recursive: true })
    writeFileSync(path.join(bad, 'migration.sql'), 'CREATE TABLE "HalfDone" ("id" TEXT);\nSELECT no_such_function();\n')

    await expect(applyMigrations({ sql: sql(), dir })).rejects.toThrow()
    const tables = await sql().query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_name IN ('MigratorProbe', 'HalfDone')`,
    )
    expect(tables.map((row) => row.table_name)).toEqual(['MigratorProbe'])
    const names = await sql().query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`)
    expect(names.map((row) => row.migration_name)).toContain('29990101000000_test_good')
    expect(names.map((row) => row.migration_name)).not.toContain('29990102000000_test_bad')
  })
})
