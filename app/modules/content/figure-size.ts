/**
 * A figure's intrinsic size in CSS pixels, read from its bytes, so the module page can give every
 * `<img>` width and height and the text below does not jump when the image arrives (ADR 035). Only the
 * headers are read; a format or file this does not understand gives null, and the image simply has
 * no size attributes.
 */
export interface FigureSize {
  width: number
  height: number
}

/** The formats whose size figureSize reads. */
export const FIGURE_TYPES = ['image/svg+xml', 'image/png', 'image/jpeg', 'image/webp'] as const

export function figureSize(bytes: Uint8Array, contentType: string): FigureSize | null {
  switch (contentType) {
    case 'image/svg+xml':
      return svgSize(new TextDecoder().decode(bytes.subarray(0, 4096)))
    case 'image/png':
      return pngSize(bytes)
    case 'image/jpeg':
      return jpegSize(bytes)
    case 'image/webp':
      return webpSize(bytes)
    default:
      return null
  }
}

const sized = (width: number, height: number): FigureSize | null =>
  Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0
    ? { width: Math.round(width), height: Math.round(height) }
    : null

/** The root element's width and height in pixels (no unit or `px`), else its viewBox. */
function svgSize(head: string): FigureSize | null {
  const root = /<svg\b[^>]*>/i.exec(head)?.[0]
  if (!root) return null
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1]
  const pixels = (value: string | undefined) =>
    value && /^\s*[\d.]+\s*(px)?\s*$/i.test(value) ? parseFloat(value) : NaN
  const own = sized(pixels(attribute('width')), pixels(attribute('height')))
  if (own) return own
  const box = attribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number)
  return box?.length === 4 ? sized(box[2]!, box[3]!) : null
}

function pngSize(bytes: Uint8Array): FigureSize | null {
  if (bytes.length < 24 || bytes[12] !== 0x49 || bytes[13] !== 0x48) return null // IHDR comes first
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return sized(view.getUint32(16), view.getUint32(20))
}

/** Walks the JPEG segments to the first start-of-frame marker, which holds the height and width. */
function jpegSize(bytes: Uint8Array): FigureSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 2
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1]!
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isFrame) return sized(view.getUint16(at + 7), view.getUint16(at + 5))
    at += 2 + view.getUint16(at + 2)
  }
  return null
}

function webpSize(bytes: Uint8Array): FigureSize | null {
  if (bytes.length < 30) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const chunk = new TextDecoder().decode(bytes.subarray(12, 16))
  if (chunk === 'VP8X')
    return sized(1 + (view.getUint32(24, true) & 0xffffff), 1 + (view.getUint32(27, true) & 0xffffff))
  if (chunk === 'VP8 ') return sized(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff)
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true)
    return sized((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
  }
  return null
}
