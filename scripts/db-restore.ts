// `npm run db:restore -- <file> [--force]`: puts a backup made by `npm run db:backup` back into the
// configured database. A database that is not empty is replaced only with --force (PGlite's directory is
// then moved aside, not deleted). The server applies newer migrations when it starts. README: Operations.
import { restorePGlite } from './db-backup/pglite'
import { restorePostgres } from './db-backup/postgres'
import { configuredDatabase, runBackupCommand } from './db-backup/cli'
import { BackupError } from './db-backup/files'

const USAGE = 'npm run db:restore -- <file> [--force]'

await runBackupCommand(USAGE, async ({ file, force }) => {
  if (!file) throw new BackupError(`usage: ${USAGE}`)
  const database = configuredDatabase()
  if (database.engine === 'postgres') {
    await restorePostgres({ url: database.url, file, force })
    return `Restored ${file} into the PostgreSQL database.`
  }
  const { movedAside } = await restorePGlite({ dataDir: database.dataDir, file, force })
  return `Restored ${file} into ${database.dataDir}.${movedAside ? ` The database that was there is now in ${movedAside}.` : ''}`
})
