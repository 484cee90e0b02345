import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { figureSize } from './figure-size'

const text = (value: string) => new TextEncoder().encode(value)

describe('figureSize', () => {
  it('reads an SVG’s width and height, or else its viewBox', () => {
    const shipped = readFileSync(new URL('../../../courses/aeo/media/aeo-lifecycle.svg', import.meta.url))
    expect(figureSize(shipped, 'image/svg+xml')).toEqual({ width: 800, height: 460 })
    expect(figureSize(text('<svg viewBox="0 0 300 150.4">'), 'image/svg+xml')).toEqual({ width: 300, height: 150 })
    expect(figureSize(text('<svg width="100%" height="10em">'), 'image/svg+xml')).toBeNull()
  })

  it('reads a PNG’s header and a JPEG’s frame', () => {
    const png = new Uint8Array(24)
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    new DataView(png.buffer).setUint32(16, 640)
    new DataView(png.buffer).setUint32(20, 480)
    expect(figureSize(png, 'image/png')).toEqual({ width: 640, height: 480 })
    // SOI, an APP0 segment of 4 bytes, then SOF0 with height 300 and width 400.
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 1, 44, 1, 144, 3, 0, 0])
    expect(figureSize(jpeg, 'image/jpeg')).toEqual({ width: 400, height: 300 })
  })

  it('gives null for what it cannot read', () => {
    expect(figureSize(text('not an image'), 'image/png')).toBeNull()
    expect(figureSize(text('<html>'), 'image/svg+xml')).toBeNull()
    expect(figureSize(text('GIF89a'), 'image/gif')).toBeNull()
  })
})
