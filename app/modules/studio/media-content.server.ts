import type { Config, DOMPurify as Purifier } from 'dompurify'
import { MEDIA_KINDS, sniffRaster, type MediaKind } from './media-file'

// What an uploaded file holds (ADR 023): a PNG, JPEG or WebP by its signature, or an SVG by parsing it
// as XML; an SVG is refused when it carries anything that could run or reach outside the file, and
// what is stored is DOMPurify's output, serialised again as XML.

const SVG_NS = 'http://www.w3.org/2000/svg'

type Bytes = Uint8Array<ArrayBuffer>

/** Why an SVG is refused; codes the studio translates (`studio:media.problem.<code>`). */
export type SvgProblem =
  'svgInvalid' | 'svgDoctype' | 'svgTooComplex' | 'svgScript' | 'svgForeignContent' | 'svgExternal'

/**
 * The most elements an SVG may have. The shipped figures have about 200; a detailed drawing a few
 * thousand. jsdom and DOMPurify take some 200 µs per element, on the server's own thread: 5,000 hold it
 * for about a second, while 2 MB of `<g/>` (half a million elements) held it for 20 s and took 1.7 GB.
 * A drawing that detailed is better sent as a PNG or WebP anyway.
 */
export const MAX_SVG_ELEMENTS = 5_000
export type ContentProblem = 'notAnImage' | SvgProblem

export type MediaContent =
  | { ok: true; kind: MediaKind; contentType: string; bytes: Bytes; dropped: string[] }
  | { ok: false; problems: ContentProblem[] }

export async function readMediaContent(bytes: Bytes): Promise<MediaContent> {
  const raster = sniffRaster(bytes)
  if (raster) return { ok: true, kind: raster, contentType: MEDIA_KINDS[raster].contentType, bytes, dropped: [] }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return { ok: false, problems: ['notAnImage'] } // binary, and none of the raster types
  }
  const root = rootElementName(text)
  if (root === null || root.replace(/^.*:/, '') !== 'svg') return { ok: false, problems: ['notAnImage'] }
  const svg = await sanitiseSvg(text)
  if (!svg.ok) return svg
  return { ok: true, kind: 'svg', contentType: MEDIA_KINDS.svg.contentType, bytes: svg.bytes, dropped: svg.dropped }
}

/**
 * The name of a document's first element, past an XML declaration, comments, processing instructions
 * and a document type; null when the text does not start like markup at all (an HTML page says `html`).
 * A scan, not one regular expression: alternatives of lazy runs inside a repetition backtrack
 * exponentially on a prolog of many `<?…?>`, and an upload may hold 2 MB of them.
 */
function rootElementName(text: string): string | null {
  let at = text.startsWith('\uFEFF') ? 1 : 0
  const skipPast = (closing: string, from: number) => {
    const end = text.indexOf(closing, from)
    return end === -1 ? -1 : end + closing.length
  }
  while (at !== -1) {
    while (/\s/.test(text[at] ?? '')) at++
    if (text.startsWith('<?', at)) at = skipPast('?>', at + 2)
    else if (text.startsWith('<!--', at)) at = skipPast('-->', at + 4)
    else if (text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') {
      // An internal subset ends at `]>`; a quoted `]>` inside it misleads this guess, and any guess short
      // of `svg` is still a refusal ("not an image" instead of "document type").
      const close = skipPast('>', at)
      const subset = close === -1 ? -1 : text.slice(at, close).indexOf('[')
      at = subset === -1 ? close : skipPast(']>', at + subset)
    } else return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 200))?.[1] ?? null
  }
  return null
}

/** What DOMPurify found while it walked one SVG: the refusals, and what it dropped as merely unknown. */
interface Findings {
  problems: Set<SvgProblem>
}

type SvgResult = { ok: true; bytes: Bytes; dropped: string[] } | { ok: false; problems: SvgProblem[] }

async function sanitiseSvg(text: string): Promise<SvgResult> {
  // A document type can declare entities (billion laughs, external files): no figure needs one.
  if (/<!(?:DOCTYPE|ENTITY)/i.test(text)) return { ok: false, problems: ['svgDoctype'] }
  let elements = 0
  for (const _ of text.matchAll(/<[A-Za-z]/g))
    if (++elements > MAX_SVG_ELEMENTS) return { ok: false, problems: ['svgTooComplex'] }
  const { window, purify, findings } = await sanitiser()
  const document = new window.DOMParser().parseFromString(text, 'image/svg+xml')
  const root = document.documentElement
  if (
    document.getElementsByTagName('parsererror').length > 0 ||
    root.namespaceURI !== SVG_NS ||
    root.localName !== 'svg'
  )
    return { ok: false, problems: ['svgInvalid'] }
  findings.problems = new Set()
  // A style sheet attached before the root would load from anywhere.
  for (const node of document.childNodes)
    if (node.nodeType === window.Node.PROCESSING_INSTRUCTION_NODE) findings.problems.add('svgExternal')
  // The parsed tree itself is sanitised (not the text again as HTML), so what is checked is what a
  // browser builds from the stored file: there is no second parser to disagree with.
  const body = purify.sanitize(root, CONFIG)
  const dropped = [
    ...new Set(
      purify.removed.flatMap((entry) => {
        if ('attribute' in entry && entry.attribute) return [`@${entry.attribute.name}`]
        const name = 'element' in entry ? entry.element.nodeName : ''
        return name === 'BODY' || name.startsWith('#') ? [] : [name]
      }),
    ),
  ]
  if (findings.problems.size > 0) return { ok: false, problems: [...findings.problems] }
  const svg = body.firstElementChild
  if (!svg || svg.namespaceURI !== SVG_NS || svg.localName !== 'svg') return { ok: false, problems: ['svgInvalid'] }
  for (const comment of comments(svg, window)) comment.remove()
  const xml = new window.XMLSerializer().serializeToString(svg)
  return { ok: true, bytes: new TextEncoder().encode(`${xml}\n`), dropped }
}

const CONFIG: Config & { RETURN_DOM: true } = {
  USE_PROFILES: { svg: true, svgFilters: true },
  // `use` is off by DOMPurify's default for its external references; the hooks allow `#fragment` only.
  ADD_TAGS: ['use'],
  ADD_ATTR: ['role'],
  FORBID_TAGS: ['foreignObject'],
  // DOM clobbering needs script in the same document, and a stored SVG runs none: keep ids such as "title".
  SANITIZE_DOM: false,
  RETURN_DOM: true,
}

function comments(root: Element, window: Window & typeof globalThis) {
  const walker = root.ownerDocument.createTreeWalker(root, window.NodeFilter.SHOW_COMMENT)
  const found: Node[] = []
  while (walker.nextNode()) found.push(walker.currentNode)
  return found as ChildNode[]
}

/** `url(#id)` points inside the file; anything else in CSS that can fetch or hide a fetch is refused. */
const LOCAL_URL = /url\(\s*(['"]?)#[^'")]*\1\s*\)/gi
const FETCHING_CSS =
  /\\|@import|@font-face|url\s*\(|image(?:-set)?\s*\(|src\s*\(|expression\s*\(|javascript:|-moz-binding|behavior\s*:/i
const isUnsafeCss = (css: string) => FETCHING_CSS.test(css.replace(LOCAL_URL, ''))
/** `handler` and `listener` are SVG Tiny's script elements: no browser runs them, no figure needs them. */
const SCRIPT_ELEMENTS = new Set(['script', 'handler', 'listener'])
const REFERENCE = /^(?:xlink:)?href$|^xml:base$/i

let instance: Promise<{ window: Window & typeof globalThis; purify: Purifier; findings: Findings }> | undefined

/** One jsdom window and DOMPurify for the process, loaded on the first upload (jsdom is large). */
function sanitiser() {
  instance ??= (async () => {
    const [{ JSDOM }, { default: createDOMPurify }] = await Promise.all([import('jsdom'), import('dompurify')])
    const { window } = new JSDOM('')
    const purify = createDOMPurify(window)
    const findings: Findings = { problems: new Set() }
    const win = window as unknown as Window & typeof globalThis
    purify.addHook('uponSanitizeElement', (node, data) => {
      if (!(node instanceof win.Element)) return
      const name = data.tagName
      // Also on an element DOMPurify drops whole, whose attributes its attribute hook never sees.
      const handler = [...node.attributes].some((attribute) => /^on/i.test(attribute.name))
      if (SCRIPT_ELEMENTS.has(name) || handler) findings.problems.add('svgScript')
      else if (name === 'foreignobject' || (isMarkup(node.namespaceURI) && insideSvg(node)))
        findings.problems.add('svgForeignContent')
      // DOMPurify drops animations; one aimed at a link or a handler was an attack, not a figure.
      else if (
        (name === 'animate' || name === 'set') &&
        /^(?:xlink:)?href$|^on/i.test(node.getAttribute('attributeName') ?? '')
      )
        findings.problems.add('svgScript')
      else if (name === 'style' && isUnsafeCss(node.textContent ?? '')) {
        findings.problems.add('svgExternal')
        node.textContent = ''
      }
    })
    purify.addHook('uponSanitizeAttribute', (_node, data) => {
      const value = data.attrValue.trim()
      if (/^on/i.test(data.attrName)) findings.problems.add('svgScript')
      else if (REFERENCE.test(data.attrName) && !(data.attrName !== 'xml:base' && value.startsWith('#'))) {
        findings.problems.add(
          /^(?:javascript|vbscript|data:text\/html)/i.test(value.replace(/\s/g, '')) ? 'svgScript' : 'svgExternal',
        )
        data.keepAttr = false
      } else if (data.attrName === 'style' ? isUnsafeCss(value) : /url\s*\(/i.test(value.replace(LOCAL_URL, ''))) {
        findings.problems.add('svgExternal')
        data.keepAttr = false
      }
    })
    return { window: win, purify, findings }
  })()
  return instance
}

/** DOMPurify walks the HTML body it puts the figure in too: that one is not the author's. */
function insideSvg(node: Element) {
  for (let parent = node.parentElement; parent; parent = parent.parentElement)
    if (parent.namespaceURI === SVG_NS) return true
  return false
}

/** HTML and MathML inside an SVG can carry script; other namespaces (an editor's metadata) are only dropped. */
const isMarkup = (namespace: string | null) =>
  namespace === 'http://www.w3.org/1999/xhtml' || namespace === 'http://www.w3.org/1998/Math/MathML'
