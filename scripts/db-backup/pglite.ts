// The embedded database's backup: PGlite's own dump of its data directory (a .tar.gz), and its
// restore by loading that dump into a new directory that then takes the configured one's place.
// PGlite lives inside one process and has no lock of its own; while it is open its directory holds a
// `postmaster.pid`, so a directory in use is refused rather than opened twice.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { BackupError, refuseExisting, stamp } from './files'

function assertNotInUse(dataDir: string) {
  if (existsSync(path.join(dataDir, 'postmaster.pid')))
    throw new BackupError(
      `the database in ${dataDir} is in use: stop the server first (if none runs, it did not shut down ` +
        'cleanly: start it and stop it once)',
    )
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0

/** The directory, without a trailing slash (the restore works beside it); an in-memory database has none. */
function directory(dataDir: string) {
  if (dataDir.startsWith('memory://')) throw new BackupError('PGLITE_DIR=memory:// keeps nothing on disk to back up')
  return path.resolve(dataDir)
}

export async function backupPGlite({ file, force, ...options }: { dataDir: string; file: string; force: boolean }) {
  const dataDir = directory(options.dataDir)
  if (isEmptyDir(dataDir)) throw new BackupError(`there is no database in ${dataDir} (PGLITE_DIR) to back up`)
  assertNotInUse(dataDir)
  refuseExisting(file, force)
  const pglite = new PGlite(dataDir)
  try {
    await pglite.waitReady // a dump asked for earlier never settles
    const dump = await pglite.dumpDataDir('gzip')
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  } finally {
    await pglite.close()
  }
}

/**
 * Loads the dump into a new directory beside `dataDir`, checks that it opens as this app's database, and
 * only then puts it in place. A directory that is not empty is refused, or with `force` moved aside
 * (returned), never deleted.
 */
export async function restorePGlite({ file, force, ...options }: { dataDir: string; file: string; force: boolean }) {
  const dataDir = directory(options.dataDir)
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`)
  const occupied = !isEmptyDir(dataDir)
  if (occupied) {
    assertNotInUse(dataDir)
    if (!force)
      throw new BackupError(
        `${dataDir} (PGLITE_DIR) already holds a database: add --force to move it aside and restore`,
      )
  }
  const fresh = `${dataDir}.restoring-${stamp()}`
  const bytes = readFileSync(file)
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b
  const dump = new Blob([bytes], { type: gzipped ? 'application/gzip' : 'application/x-tar' })
  try {
    const pglite = new PGlite(fresh, { loadDataDir: dump })
    try {
      await pglite.query('SELECT count(*) FROM "_prisma_migrations"')
    } finally {
      await pglite.close()
    }
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true })
    const reason = error instanceof Error ? error.message : String(error)
    throw new BackupError(`${file} is not a backup of this app's embedded database (${reason})`)
  }
  const movedAside = occupied ? `${dataDir}.before-restore-${stamp()}` : undefined
  if (movedAside) renameSync(dataDir, movedAside)
  else rmSync(dataDir, { recursive: true, force: true }) // an empty directory
  renameSync(fresh, dataDir)
  return { movedAside }
}
