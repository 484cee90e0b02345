import { describe, expect, it } from 'vitest'
import { zipBytes, zipFolder, type ZipEntry } from '../../../tests/support/zip-bytes'
import {
  MAX_PACKAGE_BYTES,
  MAX_PACKAGE_ENTRIES,
  MAX_PACKAGE_FILE_BYTES,
  readPackageArchive,
  type ArchiveProblemCode,
} from './package-archive'

// Each attack is an archive built byte by byte (tests/support/zip-bytes.ts): a zip library would not
// write most of them.

const course = { name: 'course.yaml', data: 'slug: x\n' }

async function refusal(entries: ZipEntry[]) {
  const result = await readPackageArchive(zipBytes(entries))
  if (result.ok) throw new Error('accepted')
  return result.problems.map((problem) => [problem.code, problem.entry])
}

describe('readPackageArchive', () => {
  it('reads a shipped course zipped inside its folder, with the folder dropped from the paths', async () => {
    const result = await readPackageArchive(zipFolder('courses/aeo', { prefix: 'aeo/' }))
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    const paths = result.files.map((file) => file.path)
    expect(paths).toContain('course.yaml')
    expect(paths).toContain('modules/01-safe-framework/ru.md')
    expect(paths).toContain('media/safe-three-pillars.svg')
  })

  it('reads files at the top level too, and leaves folder entries and macOS by-products out', async () => {
    const result = await readPackageArchive(
      zipBytes([
        course,
        { name: 'modules/', method: 0 },
        { name: 'modules/01-a/en.md', data: '## Hi\n' },
        { name: '__MACOSX/._course.yaml', data: 'junk' },
        { name: 'media/.DS_Store', data: 'junk' },
      ]),
    )
    expect(result.ok && result.files.map((file) => file.path)).toEqual(['course.yaml', 'modules/01-a/en.md'])
  })

  it.each<[string, string, ArchiveProblemCode]>([
    ['zip-slip', '../../etc/passwd', 'entryUnsafePath'],
    ['zip-slip in a folder', 'aeo/modules/../../x.yaml', 'entryUnsafePath'],
    ['an absolute path', '/etc/cron.d/x', 'entryUnsafePath'],
    ['a drive letter', 'C:/Windows/x.yaml', 'entryUnsafePath'],
    ['a backslash', 'modules\\01-a\\en.md', 'entryUnsafePath'],
    ['a control character', 'course\u0000.yaml', 'entryUnsafePath'],
    ['an unknown file', 'modules/01-a/script.js', 'entryUnknown'],
    ['a body in an unknown language', 'modules/01-a/fr.md', 'entryUnknown'],
    ['a media file of another type', 'media/x.gif', 'entryUnknown'],
    ['a module folder without a number', 'modules/intro/en.md', 'entryUnknown'],
  ])('refuses %s', async (_label, name, code) => {
    expect(await refusal([course, { name, data: 'x' }])).toContainEqual([code, name])
  })

  it('refuses a symlink, an encrypted entry, an unknown compression method and a duplicate name', async () => {
    expect(
      await refusal([
        course,
        { name: 'modules/01-a/en.md', data: '/etc/passwd', unixMode: 0o120777 },
        { name: 'modules/01-a/ru.md', data: 'x', flags: 0x1 },
        { name: 'modules/01-a/module.yaml', data: 'x', method: 12 },
        { name: 'course.yaml', data: 'again' },
      ]),
    ).toEqual([
      ['entrySymlink', 'modules/01-a/en.md'],
      ['entryEncrypted', 'modules/01-a/ru.md'],
      ['entryCompression', 'modules/01-a/module.yaml'],
      ['entryDuplicate', 'course.yaml'],
    ])
  })

  it('refuses non-UTF-8 text in YAML and Markdown', async () => {
    const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]) // «Привет» in Windows-1251
    expect(await refusal([course, { name: 'modules/01-a/ru.md', data: cp1251 }])).toEqual([
      ['textNotUtf8', 'modules/01-a/ru.md'],
    ])
  })

  it('refuses a zip bomb by the bytes it inflates to, and one whose header lies about them', async () => {
    const zeros = Buffer.alloc(MAX_PACKAGE_FILE_BYTES - 1)
    // 2 MB of zeros deflate to about 2 KB: far past the ratio, though under the per-file limit.
    expect(await refusal([course, { name: 'media/bomb.png', data: zeros }])).toEqual([['entryRatio', 'media/bomb.png']])
    // A header that claims 100 bytes: the inflater is stopped once it gives more (yauzl's size check).
    expect(await refusal([course, { name: 'media/bomb.png', data: zeros, declaredSize: 100 }])).toEqual([
      ['entryCorrupt', 'media/bomb.png'],
    ])
  })

  it('refuses an entry over the size limit by its header, before inflating it', async () => {
    const big = Buffer.alloc(MAX_PACKAGE_FILE_BYTES + 1, 'x')
    expect(await refusal([course, { name: 'media/a.png', data: big, method: 0 }])).toEqual([
      ['entryTooLarge', 'media/a.png'],
    ])
  })

  it('refuses an entry whose data is shorter or longer than its header says', async () => {
    expect(await refusal([course, { name: 'modules/01-a/en.md', data: 'twelve bytes', declaredSize: 5 }])).toEqual([
      ['entryCorrupt', 'modules/01-a/en.md'],
    ])
  })

  it('refuses an archive over the size limit before reading it, and too many entries', async () => {
    const result = await readPackageArchive(new Uint8Array(MAX_PACKAGE_BYTES + 1))
    expect(!result.ok && result.problems.map((problem) => problem.code)).toEqual(['archiveTooLarge'])
    const many = Array.from({ length: MAX_PACKAGE_ENTRIES + 1 }, (_, index) => ({ name: `m${index}`, method: 0 }))
    expect(await refusal(many)).toEqual([['archiveTooManyEntries', '']])
  })

  it('refuses what is not a zip at all', async () => {
    const result = await readPackageArchive(new TextEncoder().encode('slug: not a zip\n'))
    expect(!result.ok && result.problems.map((problem) => problem.code)).toEqual(['archiveInvalid'])
  })
})
