// What a course's uploaded file is and what it is called (ADR 023): the type read from its first bytes,
// never from its name or the type the browser declared, and a name a module body can link to as is.

export const MEDIA_KINDS = {
  png: { contentType: 'image/png', extension: 'png', label: 'PNG' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG' },
  webp: { contentType: 'image/webp', extension: 'webp', label: 'WebP' },
  svg: { contentType: 'image/svg+xml', extension: 'svg', label: 'SVG' },
} as const
export type MediaKind = keyof typeof MEDIA_KINDS

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, index) => bytes[at + index] === byte)
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

/**
 * PNG, JPEG or WebP by their signatures; null for anything else (an SVG is text, judged by parsing it).
 * A PNG must go on with its header chunk, so eight lucky bytes in front of something else do not pass.
 */
export function sniffRaster(bytes: Uint8Array): Exclude<MediaKind, 'svg'> | null {
  if (startsWith(bytes, [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a]) && startsWith(bytes, ascii('IHDR'), 12)) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  return null
}

/** Extensions of image types people upload: one of them on a file of another type is a lie about it. */
const IMAGE_EXTENSIONS = new Set(['svg', 'svgz', 'png', 'apng', 'jpg', 'jpeg', 'jpe', 'jfif', 'webp', 'gif', 'bmp'])
const EXTENSIONS_OF: Record<MediaKind, string[]> = { png: ['png'], jpeg: ['jpg', 'jpeg'], webp: ['webp'], svg: ['svg'] }

/** Russian (and the other Cyrillic letters authors here write) in Latin letters, for a name a link can carry. */
// prettier-ignore
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
}

const MEDIA_NAME_MAX = 60

/** `Схема контроля (v2)` → `skhema-kontrolya-v2`; empty when nothing is left. */
export function slugifyName(text: string): string {
  const latin = [...text.toLowerCase()].map((char) => CYRILLIC[char] ?? char).join('')
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= MEDIA_NAME_MAX) return slug
  return slug.slice(0, MEDIA_NAME_MAX).replace(/-[^-]*$/, '') || slug.slice(0, MEDIA_NAME_MAX)
}

/** A refusal names the field whose name is wrong: the uploaded file's (`file`) or the one typed (`name`). */
export type MediaNameResult = { name: string } | { problem: 'typeMismatch' | 'nameEmpty'; field: 'file' | 'name' }

/**
 * The stored name: the name the author asked for, else the uploaded file's, made a slug, with the
 * extension of the type the content has. A name that ends in another image type's extension (a PNG
 * called `.svg`) is refused rather than quietly renamed: the author should know the file is not what
 * its name says.
 */
export function mediaFileName({
  fileName,
  requested,
  kind,
}: {
  fileName: string
  requested?: string | undefined
  kind: MediaKind
}): MediaNameResult {
  const base = (name: string) => {
    const match = /^(.*)\.([A-Za-z0-9]+)$/.exec(name.trim())
    const extension = match?.[2]?.toLowerCase()
    if (!match || !extension || !IMAGE_EXTENSIONS.has(extension)) return { stem: name }
    return EXTENSIONS_OF[kind].includes(extension) ? { stem: match[1]! } : null
  }
  const uploaded = base(fileName.split(/[/\\]/).pop() ?? '')
  if (!uploaded) return { problem: 'typeMismatch', field: 'file' }
  const field = requested?.trim() ? 'name' : 'file'
  const wanted = requested?.trim() ? base(requested) : uploaded
  if (!wanted) return { problem: 'typeMismatch', field }
  const stem = slugifyName(wanted.stem)
  // The remedy is the same either way: type a name.
  if (stem === '') return { problem: 'nameEmpty', field: 'name' }
  return { name: `${stem}.${MEDIA_KINDS[kind].extension}` }
}

/** Backslash-escapes what Markdown would read as syntax in an image's alt text or title. */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>&~"]/g, '\\$&')

/**
 * What an author pastes into a module body to show the figure, written as the package format has it
 * (`../../media/<name>`, relative to `modules/<folder>/<locale>.md`); the caption becomes the image's
 * title, which the reader shows under the figure.
 */
export function mediaSnippet({ name, alt, caption }: { name: string; alt: string; caption?: string }): string {
  const title = caption?.trim() ? ` "${escapeMarkdown(caption.trim())}"` : ''
  return `![${escapeMarkdown(alt.trim())}](../../media/${name}${title})`
}
