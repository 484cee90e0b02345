import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import type { SqlRunner } from '~/utils/db.server'
import { checksumOf, planMigrations, type AppliedMigration, type MigrationFile } from './migrations'

export const MIGRATIONS_DIR = path.resolve('prisma/migrations')

// The same lock id and bookkeeping table as `prisma migrate deploy`, so either tool can follow the other.
const PRISMA_ADVISORY_LOCK = 72707369

const CREATE_BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`

export function readMigrationFiles(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const script = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8')
      return { name, script, checksum: checksumOf(script) }
    })
}

/**
 * Applies pending migrations, each in its own transaction together with its bookkeeping row,
 * under Prisma's advisory lock so that instances starting together apply each migration once.
 */
export async function applyMigrations({
  sql,
  dir = MIGRATIONS_DIR,
}: {
  sql: SqlRunner
  dir?: string
}): Promise<{ applied: string[] }> {
  const local = readMigrationFiles(dir)
  const applied: string[] = []
  await sql.exec(CREATE_BOOKKEEPING)
  for (;;) {
    const next = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PRISMA_ADVISORY_LOCK])
      const done = await tx.query<AppliedMigration>(
        `SELECT migration_name, checksum FROM "_prisma_migrations"
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
      const [pending] = planMigrations({ local, applied: done })
      if (!pending) return null
      const startedAt = new Date()
      await tx.exec(pending.script)
      await tx.query(
        `INSERT INTO "_prisma_migrations"
           (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, $4, now(), 1)`,
        [randomUUID(), pending.checksum, pending.name, startedAt],
      )
      return pending.name
    })
    if (!next) return { applied }
    applied.push(next)
  }
}
