import type { Element, ElementContent, Root as HastRoot } from 'hast'
import type { Definition, Image, ImageReference, Link, LinkReference, Nodes, Root as MdastRoot } from 'mdast'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { SKIP, visit } from 'unist-util-visit'
import { glossaryTerm } from './glossary.schema'
import { markdownParser } from './markdown'

/** Put before every id, so an author's id can never clobber one of the page's own. */
const idPrefix = 'user-content-'

/**
 * GitHub's schema, with links narrowed to the web and e-mail (plus relative and `#fragment` links,
 * which carry no protocol). Raw HTML never gets this far: remark-rehype drops it.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: idPrefix,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
}

/**
 * Built once. `markdownParser()` is a copy: `.use` on the shared parser itself would change (or,
 * once frozen, throw for) every other caller. The steps after sanitising only add fixed structure
 * around what the sanitiser let through, so the schema need not allow figures, wrappers or `rel`.
 */
const processor = markdownParser()
  .use(remarkDemoteTitles)
  // The sanitiser prefixes every id; a prefix here too would make footnote ids `user-content-user-content-…`.
  .use(remarkRehype, { clobberPrefix: '' })
  .use(rehypeSanitize, schema)
  .use(rehypeModuleStructure)
  .use(rehypeStringify)
  .freeze()

/** Up to the sanitiser: author-written HTML, before anything judged it (positions kept for line numbers). */
const unsanitised = markdownParser().use(remarkRehype, { clobberPrefix: '' }).freeze()
const sanitiser = unified().use(rehypeSanitize, schema).freeze()

/**
 * Links the sanitiser would strip of their address (`javascript:`, `data:`, any protocol but http,
 * https and mailto), found by running the sanitiser itself rather than a second copy of its rules. It
 * runs on the parsed body's links alone (with the definitions they refer to), not on the whole body:
 * a body is checked on every save while an author types.
 */
export function unsafeLinks(tree: MdastRoot): { url: string; line: number }[] {
  const links: (Link | LinkReference)[] = []
  const definitions: Definition[] = []
  visit(tree, (node) => {
    // A glossary link is ours, not the web's: the renderer turns it into the glossary page's address.
    if (node.type === 'link' && glossaryTerm(node.url) !== null) return
    if (node.type === 'link' || node.type === 'linkReference') links.push({ ...node, children: [] })
    if (node.type === 'definition') definitions.push(node)
  })
  if (links.length === 0) return []
  const before = unsanitised.runSync({
    type: 'root',
    children: [...definitions, { type: 'paragraph', children: links }],
  })
  const kept = new Set<string>()
  visit(sanitiser.runSync(structuredClone(before)), 'element', (node) => {
    if (node.tagName === 'a' && typeof node.properties.href === 'string') kept.add(linkKey(node))
  })
  const unsafe: { url: string; line: number }[] = []
  visit(before, 'element', (node) => {
    const { href } = node.properties
    if (node.tagName === 'a' && typeof href === 'string' && !kept.has(linkKey(node)))
      unsafe.push({ url: href, line: node.position?.start.line ?? 0 })
  })
  return unsafe
}

const linkKey = (link: Element) => `${link.position?.start.offset ?? ''}:${String(link.properties.href)}`

/**
 * Safe HTML for an untrusted module body; the same input always gives byte-identical output.
 * `resolveImage` maps an image link as written to its public address (relative or http(s), else
 * the sanitiser removes it), or to null to show the alt text instead.
 */
export function renderModuleHtml({
  markdown,
  resolveImage,
  glossaryHref = () => null,
}: {
  markdown: string
  resolveImage: ImageResolver
  /** The address of a glossary term's entry; null (or no function) shows the link's text alone. */
  glossaryHref?: (term: string) => string | null
}): string {
  const tree = processor.parse(markdown)
  resolveImages(tree, resolveImage)
  resolveGlossaryLinks(tree, glossaryHref)
  return processor.stringify(processor.runSync(tree))
}

/** The page shows the module title as the h1, so a `#` heading in the body is a section heading. */
function remarkDemoteTitles() {
  return (tree: MdastRoot) => {
    visit(tree, 'heading', (heading) => {
      if (heading.depth === 1) heading.depth = 2
    })
  }
}

/** An image whose address does not resolve becomes its alt text, never a broken image. */
/** An address, or an address with the figure's size in pixels (then the `<img>` gets width and height). */
export type ImageResolver = (url: string) => string | { src: string; width?: number; height?: number } | null

function resolveImages(tree: MdastRoot, resolveImage: ImageResolver) {
  const definitions = new Map<string, Definition>()
  visit(tree, 'definition', (definition) => {
    if (!definitions.has(definition.identifier)) definitions.set(definition.identifier, definition)
  })
  visit(tree, ['image', 'imageReference'], (node, index, parent) => {
    if (!parent || index === undefined || !isImage(node)) return
    const target = node.type === 'image' ? node : definitions.get(node.identifier)
    const resolved = target ? resolveImage(target.url) : null
    const alt = node.alt ?? ''
    if (resolved === null) {
      parent.children[index] = { type: 'text', value: alt }
      return SKIP
    }
    const { src, width, height } = typeof resolved === 'string' ? { src: resolved } : resolved
    const size = width && height ? { hProperties: { width, height } } : undefined
    parent.children[index] = { type: 'image', url: src, title: target?.title, alt, data: size }
    return SKIP
  })
}

/** `[text](glossary:term)` links to the term's entry, or is its text alone when there is none. */
function resolveGlossaryLinks(tree: MdastRoot, glossaryHref: (term: string) => string | null) {
  visit(tree, 'link', (node, index, parent) => {
    const term = glossaryTerm(node.url)
    if (term === null || !parent || index === undefined) return
    const href = glossaryHref(term)
    if (href !== null) {
      node.url = href
      return
    }
    parent.children.splice(index, 1, ...node.children)
    return [SKIP, index]
  })
}

// unist-util-visit does not narrow a list of node types, so the visitor narrows with this.
function isImage(node: Nodes): node is Image | ImageReference {
  return node.type === 'image' || node.type === 'imageReference'
}

function rehypeModuleStructure() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'img') Object.assign(node.properties, { loading: 'lazy', decoding: 'async' })
      if (node.tagName === 'a') linkTo(node)
      if (node.tagName === 'p') toFigure(node)
      // The table itself is still visited next, inside its new wrapper.
      if (node.tagName === 'table' && parent && index !== undefined) parent.children[index] = scrollRegion(node)
    })
  }
}

function linkTo(link: Element) {
  const { href } = link.properties
  if (typeof href !== 'string') return
  // Every id got the sanitiser's prefix, so every link to a place on the page needs it too.
  if (href.startsWith('#')) link.properties.href = `#${idPrefix}${href.slice(1)}`
  // `//host/path` counts: the sanitiser sees no protocol in it, but the browser still leaves the site.
  if (/^(?:https?:)?\/\//i.test(href)) link.properties.rel = ['noopener', 'noreferrer']
}

/** An image alone in its paragraph is a figure; its title, if any, is the visible caption. */
function toFigure(paragraph: Element) {
  const content = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const [image] = content
  if (content.length !== 1 || image?.type !== 'element' || image.tagName !== 'img') return
  paragraph.tagName = 'figure'
  paragraph.children = [zoomLink(image)]
  const caption = image.properties.title
  if (typeof caption !== 'string' || caption.trim() === '') return
  delete image.properties.title // shown as the caption; a screen reader would otherwise hear it twice
  paragraph.children.push(element('figcaption', {}, [{ type: 'text', value: caption }]))
}

/**
 * A figure is a link to the image itself: a tap opens it alone, full size, where the browser lets the
 * reader pinch and zoom into labels too small to read in a 360 px column (ADR 035). The link's name is
 * the image's alt text; the corner mark is decoration.
 */
function zoomLink(image: Element): Element {
  const { src } = image.properties
  if (typeof src !== 'string') return image
  const mark = element('span', { className: ['figure__zoom'], ariaHidden: 'true' }, [{ type: 'text', value: '⤢' }])
  return element('a', { href: src, className: ['figure__link'] }, [image, mark])
}

/**
 * A wide table scrolls inside its own box on a phone. The box takes keyboard focus so it can be
 * scrolled without a mouse, and a focusable region needs a name: GFM tables have no caption, so the
 * header row is the name ("Part, Characters, Example"). A table with an empty header row gets no
 * role rather than an empty or made-up name.
 */
function scrollRegion(table: Element): Element {
  const [headerRow] = children(table, 'thead').flatMap((head) => children(head, 'tr'))
  const label = (headerRow ? children(headerRow, 'th') : [])
    .map((cell) => textOf(cell).replace(/\s+/gu, ' ').trim())
    .filter(Boolean)
    .join(', ')
  const region = label ? { role: 'region', tabIndex: 0, ariaLabel: label } : { tabIndex: 0 }
  return element('div', { className: ['table-scroll'], ...region }, [table])
}

function element(tagName: string, properties: Element['properties'], content: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children: content }
}

function children(parent: Element, tagName: string): Element[] {
  return parent.children.filter((child): child is Element => child.type === 'element' && child.tagName === tagName)
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  return node.type === 'element' ? node.children.map(textOf).join('') : ''
}
