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
export function imageResolver(urls: ReadonlyMap<string, string>) {
  return (link: string) => {
    const name = mediaNameFromLink(link)
    return name === null ? null : (urls.get(name) ?? null)
  }
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
  media: readonly { name: string; sha256: string }[]
}) {
  return imageResolver(new Map(media.map((file) => [file.name, mediaUrl({ courseSlug, ...file })])))
}
