import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateRawSync } from 'node:zlib'

/*
 * A zip archive written byte by byte, for tests of the package upload. A zip library refuses the
 * names and headers an attacker sends (`../x`, a symlink, an encrypted flag, a size that lies), so the
 * crafted archives are built here: each entry's header fields can be set to anything.
 */

export interface ZipEntry {
  name: string | Buffer
  data?: Buffer | string
  /** 8 (deflate, the default) or 0 (stored); another number is written as is, with the data stored. */
  method?: number
  /** General purpose flags; bit 11 (UTF-8 names) is always added. */
  flags?: number
  /** The high 16 bits of the external attributes: a Unix mode, e.g. 0o120777 for a symlink. */
  unixMode?: number
  /** What the headers claim the inflated size is (the real one by default). */
  declaredSize?: number
}

const UTF8_NAMES = 0x0800

export function zipBytes(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : (entry.data ?? Buffer.alloc(0))
    const method = entry.method ?? 8
    const stored = method === 8 ? deflateRawSync(raw) : raw
    const flags = (entry.flags ?? 0) | UTF8_NAMES
    const size = entry.declaredSize ?? raw.length
    const crc = crc32(raw)

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(stored.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, stored)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4) // made by Unix, so the external attributes' high half is a mode
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(stored.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += local.length + name.length + stored.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** Every file under `dir` as entries named `prefix` + its path there (`/`-separated), in name order. */
export function folderEntries(dir: string, prefix = ''): ZipEntry[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory()
        ? folderEntries(path, `${prefix}${name}/`)
        : [{ name: `${prefix}${name}`, data: readFileSync(path) }]
    })
}

/** A package folder as a zip, with some files replaced (or added) by `changes` (path → content). */
export function zipFolder(
  dir: string,
  { prefix = '', changes = {} }: { prefix?: string; changes?: Record<string, string> } = {},
) {
  const entries = folderEntries(dir, prefix).map((entry) => {
    const key = String(entry.name).slice(prefix.length)
    return key in changes ? { ...entry, data: changes[key] } : entry
  })
  for (const [path, data] of Object.entries(changes))
    if (!entries.some((entry) => entry.name === `${prefix}${path}`)) entries.push({ name: `${prefix}${path}`, data })
  return zipBytes(entries)
}
