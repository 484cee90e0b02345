import type { Readable } from 'node:stream'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { LOCALES } from '~/i18n/config'
import { MAX_PACKAGE_BYTES } from './limits'
import { MAX_MEDIA_BYTES } from './media.schema'

/*
 * Reads an uploaded package archive (ADR 027) without trusting anything in it: its size, its number of
 * entries, every name (no way out of the package, no links, only the files the package format has),
 * and the bytes each entry really inflates to, counted as they come, not the sizes its headers claim.
 * Nothing is written anywhere: the result is the package's files in memory.
 */

export { MAX_PACKAGE_BYTES }
export const MAX_PACKAGE_ENTRIES = 1_000
/** One file's inflated size: the largest a figure may be (ADR 023); a module body is capped far lower. */
export const MAX_PACKAGE_FILE_BYTES = MAX_MEDIA_BYTES
/** All files inflated together. */
export const MAX_PACKAGE_TOTAL_BYTES = 64 * 1024 * 1024
/**
 * Inflated to compressed bytes. Markdown and YAML deflate 3–5 times, SVG up to 10, images not at all;
 * a zip bomb thousands of times. Small files are let off: a short run of spaces can deflate 100 times.
 */
export const MAX_COMPRESSION_RATIO = 100
const RATIO_FROM_BYTES = 64 * 1024

export type ArchiveProblemCode =
  | 'archiveTooLarge'
  | 'archiveInvalid'
  | 'archiveTooManyEntries'
  | 'archiveTooLargeUnpacked'
  | 'entryUnsafePath'
  | 'entrySymlink'
  | 'entryEncrypted'
  | 'entryCompression'
  | 'entryDuplicate'
  | 'entryUnknown'
  | 'entryTooLarge'
  | 'entryRatio'
  | 'entryCorrupt'
  | 'textNotUtf8'

export interface ArchiveProblem {
  code: ArchiveProblemCode
  /** The entry's name as stored in the archive ('' for the archive as a whole). */
  entry: string
  params: Record<string, string | number>
}

/** A file of the package, by its path in the package (`modules/01-intro/en.md`). */
export interface ArchiveFile {
  path: string
  bytes: Uint8Array
}

export type ArchiveResult = { ok: true; files: ArchiveFile[] } | { ok: false; problems: ArchiveProblem[] }

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*'
const PACKAGE_FILE = new RegExp(
  `^(?:course\\.yaml|final-exam\\.yaml|glossary\\.yaml|job-aids/${SLUG}\\.yaml|media/${SLUG}\\.(?:svg|png|jpg|jpeg|webp)` +
    `|modules/\\d{2,}-${SLUG}/(?:module\\.yaml|quiz\\.yaml|(?:${LOCALES.join('|')})\\.md))$`,
)
const PACKAGE_FOLDER = new RegExp(`^(?:job-aids|media|modules|modules/\\d{2,}-${SLUG})$`)
/** What archivers add by themselves (macOS Finder's resource forks and folder settings): never read. */
const BY_PRODUCT = /^(?:[^/]+\/)?(?:__MACOSX(?:\/|$)|(?:.*\/)?\.DS_Store$)/
const SYMLINK = 0o120000
const FILE_TYPE_BITS = 0o170000
const ENCRYPTED = 0x1
const STORED = 0
const DEFLATED = 8

const problem = (code: ArchiveProblemCode, entry = '', params: ArchiveProblem['params'] = {}): ArchiveProblem => ({
  code,
  entry,
  params: { entry, ...params },
})

/** Whether a name could point outside the package: absolute, a drive, a backslash, `..`, control characters. */
function unsafePath(name: string): boolean {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\')) return true
  if (/[\u0000-\u001f\u007f]/.test(name)) return true
  const segments = name.replace(/\/$/, '').split('/')
  return segments.some((segment) => segment === '..' || segment === '.' || segment === '')
}

interface Listed {
  entry: Entry
  name: string
  folder: boolean
}

/** The archive's entries from its central directory, every name and flag checked before a byte is inflated. */
async function listEntries(zip: ZipFile): Promise<{ listed: Listed[]; problems: ArchiveProblem[] }> {
  const listed: Listed[] = []
  const problems: ArchiveProblem[] = []
  const seen = new Set<string>()
  for await (const entry of zip.eachEntry()) {
    // Names are decoded here (decodeStrings off), so yauzl's own check cannot end the listing at the first bad one.
    const raw = entry.fileName as unknown as Buffer
    const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true)
    const mode = (entry.externalFileAttributes >>> 16) & FILE_TYPE_BITS
    if (unsafePath(name)) problems.push(problem('entryUnsafePath', name))
    else if (mode === SYMLINK) problems.push(problem('entrySymlink', name))
    else if (entry.generalPurposeBitFlag & ENCRYPTED) problems.push(problem('entryEncrypted', name))
    else if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED)
      problems.push(problem('entryCompression', name))
    else if (seen.has(name.replace(/\/$/, ''))) problems.push(problem('entryDuplicate', name))
    else if (!BY_PRODUCT.test(name)) listed.push({ entry, name: name.replace(/\/$/, ''), folder: name.endsWith('/') })
    seen.add(name.replace(/\/$/, ''))
  }
  return { listed, problems }
}

/** `course-folder/` in front of every name, as zipping a folder gives: dropped, if there is one. */
function commonFolder(listed: Listed[]): string {
  if (listed.some(({ name }) => name === 'course.yaml')) return ''
  const first = listed[0]?.name.split('/')[0]
  if (first === undefined) return ''
  return listed.every(({ name }) => name === first || name.startsWith(`${first}/`)) ? `${first}/` : ''
}

export async function readPackageArchive(bytes: Uint8Array): Promise<ArchiveResult> {
  if (bytes.length > MAX_PACKAGE_BYTES)
    return { ok: false, problems: [problem('archiveTooLarge', '', { limit: MAX_PACKAGE_BYTES })] }
  let zip: ZipFile
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
    })
  } catch {
    return { ok: false, problems: [problem('archiveInvalid')] }
  }
  try {
    return await readEntries(zip, bytes.length)
  } catch {
    // A central directory that breaks off, a local header that is not one: not a zip we can read.
    return { ok: false, problems: [problem('archiveInvalid')] }
  } finally {
    zip.close()
  }
}

async function readEntries(zip: ZipFile, archiveBytes: number): Promise<ArchiveResult> {
  if (zip.entryCount > MAX_PACKAGE_ENTRIES)
    return { ok: false, problems: [problem('archiveTooManyEntries', '', { limit: MAX_PACKAGE_ENTRIES })] }
  const { listed, problems } = await listEntries(zip)
  const prefix = commonFolder(listed)
  const files: { entry: Entry; name: string; path: string }[] = []
  for (const { entry, name, folder } of listed) {
    const path = name.slice(prefix.length)
    if (name === prefix.slice(0, -1)) continue // the common folder's own entry
    if (!(folder ? PACKAGE_FOLDER : PACKAGE_FILE).test(path)) problems.push(problem('entryUnknown', name))
    else if (entry.uncompressedSize > MAX_PACKAGE_FILE_BYTES)
      problems.push(problem('entryTooLarge', name, { limit: MAX_PACKAGE_FILE_BYTES }))
    else if (!folder) files.push({ entry, name, path })
  }
  if (problems.length > 0) return { ok: false, problems }
  const claimed = files.reduce((sum, { entry }) => sum + entry.uncompressedSize, 0)
  if (claimed > MAX_PACKAGE_TOTAL_BYTES)
    return { ok: false, problems: [problem('archiveTooLargeUnpacked', '', { limit: MAX_PACKAGE_TOTAL_BYTES })] }

  const read: ArchiveFile[] = []
  let total = 0
  for (const { entry, name, path } of files) {
    const inflated = await inflate(zip, entry, { name, totalSoFar: total, archiveBytes })
    if ('code' in inflated) return { ok: false, problems: [inflated] }
    total += inflated.length
    if (/\.(?:yaml|md)$/.test(path) && !isUtf8(inflated)) problems.push(problem('textNotUtf8', name))
    read.push({ path, bytes: inflated })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files: read }
}

/**
 * One entry's bytes, counted as they come out of the inflater: a header may claim a small size and
 * the data inflate to gigabytes, so the limits stop the stream, not the claim.
 */
async function inflate(
  zip: ZipFile,
  entry: Entry,
  { name, totalSoFar, archiveBytes }: { name: string; totalSoFar: number; archiveBytes: number },
): Promise<Uint8Array | ArchiveProblem> {
  let stream: Readable
  try {
    stream = await zip.openReadStreamPromise(entry)
  } catch {
    return problem('entryCorrupt', name)
  }
  const chunks: Buffer[] = []
  let size = 0
  const ratioLimit = Math.max(RATIO_FROM_BYTES, entry.compressedSize * MAX_COMPRESSION_RATIO)
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length
      let refusal: ArchiveProblem | null = null
      if (size > MAX_PACKAGE_FILE_BYTES) refusal = problem('entryTooLarge', name, { limit: MAX_PACKAGE_FILE_BYTES })
      else if (size > ratioLimit) refusal = problem('entryRatio', name, { limit: MAX_COMPRESSION_RATIO })
      else if (totalSoFar + size > MAX_PACKAGE_TOTAL_BYTES)
        refusal = problem('archiveTooLargeUnpacked', '', { limit: MAX_PACKAGE_TOTAL_BYTES })
      else if (totalSoFar + size > Math.max(RATIO_FROM_BYTES, archiveBytes * MAX_COMPRESSION_RATIO))
        refusal = problem('entryRatio', name, { limit: MAX_COMPRESSION_RATIO })
      if (refusal) {
        stream.destroy()
        return refusal
      }
      chunks.push(chunk)
    }
  } catch {
    // yauzl's size check (more or fewer bytes than the header said), a broken deflate stream, a bad CRC.
    return problem('entryCorrupt', name)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}
