/** Public address of a course figure; `v` changes with the bytes, so browsers may cache it for good. */
export function mediaUrl({ courseSlug, name, sha256 }: { courseSlug: string; name: string; sha256: string }) {
  return `/media/courses/${courseSlug}/${encodeURIComponent(name)}?v=${sha256.slice(0, 12)}`
}

/**
 * A body's folder inside a package, under a root of its own: a link that climbs out of the package
 * lands above `/package/` instead of being clamped at the top. URL resolution rather than node:path, so
 * the studio's live preview runs the same code in the browser.
 */
const BODY_FOLDER = 'http://package.invalid/package/modules/module/'
const MEDIA_PATH = /^\/package\/media\/([^/]+)$/

/**
 * The media file a body's image link names, or null when the link leaves the package's `media/`
 * folder. Bodies live at `modules/<folder>/<locale>.md`, so figures are linked as `../../media/x.svg`.
 */
export function mediaNameFromLink(link: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('/') || link.includes('\\')) return null
  let resolved: URL
  try {
    resolved = new URL(link.split(/[?#]/)[0] ?? '', BODY_FOLDER)
  } catch {
    return null
  }
  const match = MEDIA_PATH.exec(resolved.pathname)
  if (!match) return null
  try {
    return decodeURIComponent(match[1]!)
  } catch {
    return null
  }
}

/** Resolves a body's image link to its public address, given the addresses by file name (null: not a figure). */
export function imageResolver(figures: ReadonlyMap<string, string | Figure>) {
  return (link: string): Figure | null => {
    const name = mediaNameFromLink(link)
    const figure = name === null ? undefined : figures.get(name)
    if (figure === undefined) return null
    return typeof figure === 'string' ? { src: figure } : figure
  }
}

/** A figure's address, with its size when known (width and height on the `<img>`: no layout shift). */
export interface Figure {
  src: string
  width?: number
  height?: number
}

/** A stored media file's address, with the size read from its header when it was stored (null: unknown). */
export function figureOf({
  courseSlug,
  name,
  sha256,
  width,
  height,
}: {
  courseSlug: string
  name: string
  sha256: string
  width: number | null
  height: number | null
}): Figure {
  return { src: mediaUrl({ courseSlug, name, sha256 }), ...(width && height && { width, height }) }
}

/**
 * How a course's bodies show their figures, from the media stored for the course: what publishing
 * renders with, and so what the studio's preview must render with too.
 */
export function courseImageResolver({
  courseSlug,
  media,
}: {
  courseSlug: string
  media: readonly { name: string; sha256: string; width: number | null; height: number | null }[]
}) {
  return imageResolver(new Map(media.map((file) => [file.name, figureOf({ courseSlug, ...file })])))
}

/** The columns that show a stored file as a figure: what the pages select instead of its bytes. */
export const FIGURE_COLUMNS = { name: true, sha256: true, width: true, height: true } as const
