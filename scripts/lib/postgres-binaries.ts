// PostgreSQL's client and server programs (pg_dump, pg_restore, initdb, pg_ctl): Debian keeps them per
// version under /usr/lib/postgresql/<version>/bin, off PATH, and pg_dump must be at least as new as the
// server it dumps, so the newest installed version is taken; elsewhere, whichever is on PATH.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

const DEBIAN_DIR = '/usr/lib/postgresql'

export function postgresBinary(name: string): string {
  const versions = existsSync(DEBIAN_DIR)
    ? readdirSync(DEBIAN_DIR)
        .filter((entry) => /^\d+$/.test(entry))
        .sort((a, b) => Number(b) - Number(a))
    : []
  for (const version of versions) {
    const candidate = path.join(DEBIAN_DIR, version, 'bin', name)
    if (existsSync(candidate)) return candidate
  }
  return name
}
