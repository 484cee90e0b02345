import { readFile } from 'node:fs/promises'
import { extname, join, posix } from 'node:path'
import { visit } from 'unist-util-visit'
import { glossaryLinks } from './glossary.schema'
import { markdownImages, parseMarkdown, type ImageReference } from './markdown'
import { mediaNameFromLink } from './media'
import type { MediaFile } from './package.schema'
import { listDir } from './package-files.server'
import type { PackageReport } from './package-report'
import { unsafeLinks } from './render-markdown'

// Checks of module bodies and of the package's media/ folder, for the package loader.

const MEDIA_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
}
/** What the module bodies need to know about the package's `media/` folder. */
export interface MediaContext {
  names: Set<string>
  referenced: Set<string>
}

export async function listMedia(
  report: PackageReport,
  root: string,
): Promise<{ context: MediaContext; files: string[] }> {
  const dir = join(root, 'media')
  const context: MediaContext = { names: new Set(), referenced: new Set() }
  const files: string[] = []
  for (const entry of (await listDir(dir)) ?? []) {
    const file = join(dir, entry.name)
    if (entry.isDirectory()) {
      report.error(file, '', 'media/ must not have subfolders: put every figure directly in media/', 'mediaSubfolder')
      continue
    }
    // A file with the wrong extension still "exists", so a link to it is not reported a second time.
    context.names.add(entry.name)
    if (extname(entry.name).toLowerCase() in MEDIA_TYPES) files.push(entry.name)
    else {
      const types = Object.keys(MEDIA_TYPES).join(' ')
      report.error(file, '', `only ${types} files are allowed in media/`, 'mediaType', { types })
    }
  }
  return { context, files }
}

export async function readMedia(root: string, names: string[]): Promise<MediaFile[]> {
  return Promise.all(
    names.map(async (name) => ({
      name,
      contentType: MEDIA_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
      bytes: await readFile(join(root, 'media', name)),
    })),
  )
}

const lineNumber = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 0
const lineOf = (node: { position?: { start: { line: number } } }) => `line ${lineNumber(node)}`

/** Checks a body and returns the glossary terms it links to, for the loader to check against the glossary. */
export function checkBody(
  report: PackageReport,
  file: string,
  markdown: string,
  folder: string,
  media: MediaContext,
): { term: string; line: number }[] {
  if (markdown.trim() === '') {
    report.error(file, '', 'must not be empty', 'empty')
    return []
  }
  const tree = parseMarkdown(markdown)
  const first = tree.children[0]
  if (first?.type === 'heading' && first.depth === 1)
    report.error(
      file,
      lineOf(first),
      'must not start with a level-1 heading: the page shows the module title',
      'levelOneHeading',
      { line: lineNumber(first) },
    )
  const htmlLines = new Set<string>()
  visit(tree, 'html', (node) => {
    const line = lineOf(node)
    if (!htmlLines.has(line))
      report.error(file, line, `raw HTML is not allowed (Markdown only): ${snippet(node.value)}`, 'rawHtml', {
        line: lineNumber(node),
        html: snippet(node.value),
      })
    htmlLines.add(line)
  })
  visit(tree, 'imageReference', (node) => {
    report.error(
      file,
      lineOf(node),
      `image "${node.alt ?? ''}" must be written ![alt](../../media/name.svg)`,
      'imageReference',
      { line: lineNumber(node), alt: node.alt ?? '' },
    )
  })
  // The renderer would label footnotes in English whatever the body's language.
  visit(tree, 'footnoteDefinition', (node) => {
    report.error(file, lineOf(node), 'footnotes are not supported: put the note in the text', 'footnote', {
      line: lineNumber(node),
    })
  })
  // The sanitiser would drop the address and leave dead text; the author should hear why.
  for (const { url, line } of unsafeLinks(tree))
    report.error(file, `line ${line}`, `link ${url} must be a web (http, https) or e-mail address`, 'unsafeLink', {
      line,
      url,
    })
  for (const image of markdownImages(tree)) checkImage(report, file, image, folder, media)
  // Sighted learners do not see the alt text: a figure says what it shows in a caption too.
  visit(tree, 'paragraph', (paragraph) => {
    const content = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
    const [image] = content
    if (content.length !== 1 || image?.type !== 'image' || (image.title ?? '').trim() !== '') return
    const line = lineNumber(image)
    report.shippedOnly(
      file,
      `line ${line}`,
      `figure ${image.url} needs a caption: ![alt](${image.url} "Figure 1. …")`,
      'figureCaptionMissing',
      { line, url: image.url },
    )
  })
  return glossaryLinks(tree)
}

const snippet = (html: string) => {
  const line = html.split('\n')[0] ?? ''
  return line.length > 40 ? `${line.slice(0, 40)}…` : line
}

/** The same resolution the importer uses (`mediaNameFromLink`), with a precise reason when it fails. */
function checkImage(report: PackageReport, file: string, image: ImageReference, folder: string, media: MediaContext) {
  const { url } = image
  const where = `line ${image.line}`
  const params = { line: image.line, url }
  if (image.alt.trim() === '')
    report.error(file, where, `image ${url} needs alt text that describes it`, 'imageAltMissing', params)
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//'))
    return report.error(
      file,
      where,
      `image ${url} must be a file in the package's media/ folder, not a web address`,
      'imageWebAddress',
      params,
    )
  if (url.startsWith('/'))
    return report.error(
      file,
      where,
      `image ${url} must be a relative path like ../../media/x.svg`,
      'imageAbsolute',
      params,
    )
  const target = posix.normalize(posix.join('modules', folder, url.split(/[?#]/)[0] ?? ''))
  if (target === '..' || target.startsWith('../'))
    return report.error(file, where, `image ${url} points outside the package`, 'imageOutsidePackage', params)
  let name: string | null
  try {
    name = mediaNameFromLink(url)
  } catch {
    return report.error(file, where, `image ${url} is not a valid address`, 'imageInvalid', params)
  }
  if (name === null)
    return report.error(file, where, `image ${url} must be in the package's media/ folder`, 'imageNotInMedia', params)
  if (!media.names.has(name)) return report.error(file, where, `image ${url} not found`, 'imageNotFound', params)
  media.referenced.add(name)
}
