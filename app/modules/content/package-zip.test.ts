import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { zipPackage } from './package-zip'

const files = () =>
  new Map<string, Uint8Array>([
    ['modules/01-seals/en.md', new TextEncoder().encode('## Goals\n'.repeat(50))],
    ['course.yaml', new TextEncoder().encode('slug: seals\n')],
    ['media/photo.png', new Uint8Array([137, 80, 78, 71, 1, 2, 3])],
  ])

/** The MS-DOS time and date of the archive's first local file header. */
const firstEntryTime = (zip: Buffer) => zip.readUInt32LE(10)

describe('zipPackage', () => {
  const zone = process.env.TZ
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })

  it('unzips to the same files, in path order', () => {
    const unzipped = unzipSync(new Uint8Array(zipPackage(files())))
    expect(Object.keys(unzipped)).toEqual(['course.yaml', 'media/photo.png', 'modules/01-seals/en.md'])
    for (const [path, bytes] of files()) expect(unzipped[path]).toEqual(bytes)
  })

  it('gives the same bytes every time, in any time zone, the files’ order in the map aside', () => {
    process.env.TZ = 'UTC'
    const first = zipPackage(files())
    process.env.TZ = 'Asia/Vladivostok'
    const reversed = new Map([...files()].reverse())
    const second = zipPackage(reversed)
    expect(second.equals(first)).toBe(true)
    // 1980-01-01 00:00:00: date (year 0, month 1, day 1) in the high half, time 0 in the low half.
    expect(firstEntryTime(first)).toBe(((0 << 9) | (1 << 5) | 1) << 16)
  })
})
