import { readdirSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_SVG_ELEMENTS, readMediaContent, type ContentProblem } from './media-content.server'

const SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
const svg = (inner: string, attributes = '') => `<svg ${SVG} viewBox="0 0 10 10"${attributes}>${inner}</svg>`
const bytes = (text: string) => new TextEncoder().encode(text)
const text = (data: Uint8Array) => new TextDecoder().decode(data)

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...bytes('IHDR'), 0, 0, 0, 1])
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...bytes('JFIF')])
const WEBP = Uint8Array.from([...bytes('RIFF'), 30, 0, 0, 0, ...bytes('WEBPVP8 ')])

// Classic SVG attacks, each with the refusal it must get. Whatever slips past the refusal is still
// removed by the sanitiser (checked below on the output), and the media route's CSP is the last line.
// prettier-ignore
const ATTACKS: [string, string, ContentProblem][] = [
  ['onload on the root', `<svg ${SVG} onload="alert(1)"/>`, 'svgScript'],
  ['a script element', svg('<script>alert(document.domain)</script>'), 'svgScript'],
  ['a script in CDATA', svg('<script><![CDATA[alert(1)]]></script>'), 'svgScript'],
  ['a script from a data address', svg('<script xlink:href="data:,alert(1)"/>'), 'svgScript'],
  ['an event handler on a shape', svg('<rect width="5" height="5" onmouseover="alert(1)"/>'), 'svgScript'],
  ['onbegin on an animation', svg('<discard onbegin="alert(1)"/>'), 'svgScript'],
  ['a javascript: link', svg('<a href="javascript:alert(1)"><text>Go</text></a>'), 'svgScript'],
  ['a javascript: xlink', svg('<a xlink:href="javascript:alert(1)"><text>Go</text></a>'), 'svgScript'],
  ['a javascript: link written with entities', svg('<a href="&#106;ava&#x09;script:alert(1)"><text>Go</text></a>'), 'svgScript'],
  ['an animation that rewrites a link', svg('<a><animate attributeName="href" values="javascript:alert(1)"/><text>Go</text></a>'), 'svgScript'],
  ['a set that adds a handler', svg('<set attributeName="onmouseover" to="alert(1)"/>'), 'svgScript'],
  ['an SVG Tiny handler', svg('<handler type="application/ecmascript">alert(1)</handler>'), 'svgScript'],
  ['foreignObject with HTML', svg('<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></body></foreignObject>'), 'svgForeignContent'],
  ['an HTML iframe', svg('<iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/>'), 'svgForeignContent'],
  ['MathML', svg('<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>'), 'svgForeignContent'],
  ['use of another site’s file', svg('<use href="http://evil.example/sprite.svg#icon"/>'), 'svgExternal'],
  ['use of a data address', svg('<use href="data:image/svg+xml;base64,PHN2Zy8+#x"/>'), 'svgExternal'],
  ['an image from the web', svg('<image href="https://evil.example/track.png" width="1" height="1"/>'), 'svgExternal'],
  ['a filter image from the web', svg('<filter id="f"><feImage href="https://evil.example/x.png"/></filter>'), 'svgExternal'],
  ['xml:base sending #links elsewhere', svg('<g xml:base="http://evil.example/"><use href="#a"/></g>'), 'svgExternal'],
  ['a style url()', svg('<rect style="fill: url(https://evil.example/x)"/>'), 'svgExternal'],
  ['a paint url()', svg('<rect fill="url(http://evil.example/#g)"/>'), 'svgExternal'],
  ['@import in a style sheet', svg('<style>@import url(https://evil.example/x.css);</style>'), 'svgExternal'],
  ['a CSS escape hiding url()', svg('<style>rect { fill: u\\72l(http://evil.example/) }</style>'), 'svgExternal'],
  ['a style sheet before the root', `<?xml-stylesheet href="http://evil.example/x.css"?>${svg('')}`, 'svgExternal'],
  ['an external entity', `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<text>&x;</text>')}`, 'svgDoctype'],
  ['billion laughs', `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>${svg('<text>&b;</text>')}`, 'svgDoctype'],
  ['a document type alone', `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">${svg('')}`, 'svgDoctype'],
]

describe('an uploaded SVG', () => {
  // The first SVG loads jsdom (seconds on a busy machine): paid here, not by the first case's timeout.
  beforeAll(() => readMediaContent(bytes(svg('<g/>'))), 60_000)

  it.each(ATTACKS)('is refused with %s', async (_, attack, problem) => {
    const content = await readMediaContent(bytes(attack))
    expect(content.ok).toBe(false)
    if (!content.ok) expect(content.problems).toContain(problem)
  })

  it('is refused with more elements than a figure needs, before it is parsed', async () => {
    const crowded = svg('<g/>'.repeat(MAX_SVG_ELEMENTS))
    expect(await readMediaContent(bytes(crowded))).toEqual({ ok: false, problems: ['svgTooComplex'] })
    expect((await readMediaContent(bytes(svg('<g/>'.repeat(MAX_SVG_ELEMENTS - 1))))).ok).toBe(true)
  })

  it('is judged in linear time, whatever its prolog', async () => {
    // Many `<?…?>` made an earlier regular expression backtrack for minutes.
    for (const prolog of ['<?a?>'.repeat(400_000), '<!DOCTYPE x>'.repeat(150_000), '<!--'.repeat(500_000)]) {
      const started = Date.now()
      expect(await readMediaContent(bytes(`${prolog}!`))).toEqual({ ok: false, problems: ['notAnImage'] })
      expect(Date.now() - started).toBeLessThan(5000)
    }
    const subset = '<!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg"/>'
    expect(await readMediaContent(bytes(subset))).toEqual({ ok: false, problems: ['svgDoctype'] })
  })

  it('is refused when it is not well-formed XML or not in the SVG namespace', async () => {
    for (const broken of ['<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', '<svg><rect/></svg>'])
      expect(await readMediaContent(bytes(broken))).toEqual({ ok: false, problems: ['svgInvalid'] })
  })

  it('keeps what a figure needs: fragment links, markers, gradients, text, titles, roles and ids', async () => {
    const figure = svg(
      '<title id="title">Seal</title><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>' +
        '<marker id="m" viewBox="0 0 10 10" refX="9" refY="5"><path d="M0,0 L10,5 Z"/></marker></defs>' +
        '<rect width="5" height="5" fill="url(#g)" style="stroke: url(\'#g\')"/><use href="#m"/><use xlink:href="#m"/>' +
        '<a href="#title"><text x="1" y="9">Ä &amp; б &lt; c</text></a>',
      ' role="img" aria-labelledby="title"',
    )
    const content = await readMediaContent(bytes(figure))
    expect(content).toMatchObject({ ok: true, kind: 'svg', contentType: 'image/svg+xml', dropped: [] })
    if (!content.ok) return
    const stored = text(content.bytes)
    for (const part of ['role="img"', 'aria-labelledby="title"', 'id="title"', 'viewBox="0 0 10 10"', 'refX="9"'])
      expect(stored).toContain(part)
    expect(stored).toContain('fill="url(#g)"')
    expect(stored).toContain('<use href="#m"/>')
    expect(stored).toContain('<use xlink:href="#m"/>')
    expect(stored).toContain('Ä &amp; б &lt; c')
    expect(stored.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  })

  it('drops an editor’s metadata and comments quietly, and stores the cleaned file', async () => {
    const inkscape = svg(
      '<!-- Created with Inkscape --><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>' +
        '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/><rect width="5" height="5"/>',
      ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3"',
    )
    const content = await readMediaContent(bytes(`<?xml version="1.0" encoding="UTF-8"?>\n${inkscape}`))
    expect(content.ok).toBe(true)
    if (!content.ok) return
    const stored = text(content.bytes)
    expect(stored).not.toMatch(/Inkscape|sodipodi|inkscape:version|rdf:RDF/)
    expect(stored).toContain('<rect width="5" height="5"/>')
    expect(content.dropped).toEqual(expect.arrayContaining(['@inkscape:version', 'sodipodi:namedview']))
  })

  it.each(
    readdirSync('courses').flatMap((course) =>
      readdirSync(`courses/${course}/media`).map((name) => `courses/${course}/media/${name}`),
    ),
  )('passes the shipped figure %s with nothing dropped', async (file) => {
    const content = await readMediaContent(readFileSync(file))
    expect(content).toMatchObject({ ok: true, kind: 'svg', dropped: [] })
    if (!content.ok) return
    // The same elements, in the same order: nothing the figure shows was lost.
    const elements = (svgText: string) => [...svgText.matchAll(/<([a-zA-Z]+)[\s/>]/g)].map((match) => match[1])
    expect(elements(text(content.bytes))).toEqual(elements(readFileSync(file, 'utf8')))
  })
})

describe('the type of an upload', () => {
  it('comes from the first bytes, whatever the file is called', async () => {
    expect(await readMediaContent(PNG)).toMatchObject({ ok: true, kind: 'png', contentType: 'image/png', bytes: PNG })
    expect(await readMediaContent(JPEG)).toMatchObject({ ok: true, kind: 'jpeg', contentType: 'image/jpeg' })
    expect(await readMediaContent(WEBP)).toMatchObject({ ok: true, kind: 'webp', contentType: 'image/webp' })
  })

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'],
    ['HTML without a document type', '<html><svg onload="alert(1)"/></html>'],
    ['plain text', 'email,name\nsomeone@example.org,Someone\n'],
    ['a GIF', 'GIF89a\u0001\u0000\u0001\u0000'],
    ['an XML file that is not SVG', '<?xml version="1.0"?><note><to>x</to></note>'],
    ['a PNG signature without its header', '\u0089PNG\r\n\u001a\n<html>'],
  ])('is no image for %s', async (_, content) => {
    expect(await readMediaContent(bytes(content))).toEqual({ ok: false, problems: ['notAnImage'] })
  })

  it('is no image for bytes that are not text either', async () => {
    expect(await readMediaContent(Uint8Array.from([0, 159, 146, 150, 255, 0]))).toEqual({
      ok: false,
      problems: ['notAnImage'],
    })
  })
})
