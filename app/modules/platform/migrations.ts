import { createHash } from 'node:crypto'

export interface MigrationFile {
  name: string
  script: string
  checksum: string
}

export interface AppliedMigration {
  migration_name: string
  checksum: string
}

/** Prisma records the SHA-256 of each migration.sql, hex-encoded; we write the same. */
export function checksumOf(script: string): string {
  return createHash('sha256').update(script).digest('hex')
}

export class MigrationDrift extends Error {}

/**
 * Decides which local migrations still need applying. Refuses (throws) when history was rewritten:
 * an applied migration whose file changed or disappeared means this database and this code disagree.
 */
export function planMigrations({
  local,
  applied,
}: {
  local: MigrationFile[]
  applied: AppliedMigration[]
}): MigrationFile[] {
  const localByName = new Map(local.map((file) => [file.name, file]))
  for (const row of applied) {
    const file = localByName.get(row.migration_name)
    if (!file) {
      throw new MigrationDrift(
        `Migration ${row.migration_name} is applied to the database but missing from prisma/migrations.`,
      )
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationDrift(
        `Migration ${row.migration_name} was modified after it was applied (checksum mismatch). ` +
          'Restore the original file and add a new migration instead.',
      )
    }
  }
  const appliedNames = new Set(applied.map((row) => row.migration_name))
  return local.filter((file) => !appliedNames.has(file.name))
}
