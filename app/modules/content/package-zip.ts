import { zipSync, type Zippable } from 'fflate'

/*
 * A package's files as a .zip archive, the same bytes every time for the same files (ADR 026): entries
 * sorted by path, no folder entries, and one fixed time on every entry instead of "now". A zip stores
 * local time (MS-DOS format), which fflate takes from a Date in the server's time zone: a Date built from
 * local fields writes the same fields whatever that zone is: 1980-01-01 00:00, the format's first day.
 */
const entryTime = () => new Date(1980, 0, 1, 0, 0, 0) // made at each call: the zone may change (TZ)

/** Already compressed: deflating them again costs time and saves nothing. */
const STORED = /\.(png|jpe?g|webp)$/i

export function zipPackage(files: Map<string, Uint8Array>): Buffer {
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const mtime = entryTime()
  const entries: Zippable = {}
  for (const path of paths) entries[path] = [files.get(path)!, { mtime, level: STORED.test(path) ? 0 : 6 }]
  return Buffer.from(zipSync(entries))
}
