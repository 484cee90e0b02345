// `npm run db:backup [-- <file>] [--force]`: backs up the configured database — PostgreSQL (DATABASE_URL)
// with pg_dump's custom format, the embedded PGlite (PGLITE_DIR, server stopped) as a dump of its data
// directory — to <file>, by default backups/lms-<engine>-<time>.dump|.tar.gz. README: Operations.
import { backupPGlite } from './db-backup/pglite'
import { backupPostgres } from './db-backup/postgres'
import { configuredDatabase, runBackupCommand, size } from './db-backup/cli'
import { defaultBackupFile } from './db-backup/files'

await runBackupCommand('npm run db:backup [-- <file>] [--force]', async ({ file: named, force }) => {
  const database = configuredDatabase()
  const file = named ?? defaultBackupFile(database.engine)
  if (database.engine === 'postgres') await backupPostgres({ url: database.url, file, force })
  else await backupPGlite({ dataDir: database.dataDir, file, force })
  return `Backed up the ${database.engine === 'postgres' ? 'PostgreSQL' : 'embedded'} database to ${file} (${size(file)}).`
})
