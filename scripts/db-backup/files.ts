// What both engines' backups share: the one-line error the commands print, and the backup file's name.
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'

/** A failure the command reports in one line, without a stack trace. */
export class BackupError extends Error {}

/** 20261206-193000, in UTC: sorts by time and needs no quoting in a shell. */
export const stamp = (date = new Date()) => date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')

/** Where a backup goes when no file is named: `backups/lms-<engine>-<time>.<extension>`. */
export const defaultBackupFile = (engine: 'pglite' | 'postgres') =>
  path.join('backups', `lms-${engine}-${stamp()}.${engine === 'pglite' ? 'tar.gz' : 'dump'}`)

/** A backup never replaces a file unless told to; its folder is created. */
export function refuseExisting(file: string, force: boolean) {
  if (existsSync(file) && !force) throw new BackupError(`${file} already exists: name another file, or add --force`)
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}
