import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from './markdown'
import { glossaryResolver } from './glossary.schema'
import { mediaNameFromLink } from './media'
import { renderModuleHtml, unsafeLinks } from './render-markdown'

const resolveMedia = (url: string) => {
  const name = mediaNameFromLink(url)
  return name === null ? null : `/media/courses/demo/${name}?v=abc`
}
const ZOOM = '<span class="figure__zoom" aria-hidden="true">⤢</span></a>'
const render = (markdown: string) => renderModuleHtml({ markdown, resolveImage: resolveMedia })

describe('renderModuleHtml', () => {
  it('renders headings, paragraphs, lists and emphasis', () => {
    expect(render('## Steps\n\nRead *carefully*, act **fast**.\n\n- one\n- two\n\n1. first')).toBe(
      '<h2>Steps</h2>\n<p>Read <em>carefully</em>, act <strong>fast</strong>.</p>\n' +
        '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n</ol>',
    )
  })

  it('demotes a level-1 heading: the page title is the only h1', () => {
    expect(render('# Title\n\nSetext\n======\n\n### Kept')).toBe('<h2>Title</h2>\n<h2>Setext</h2>\n<h3>Kept</h3>')
  })

  it('wraps a table in a focusable region named by its header row, so it scrolls on a phone', () => {
    const html = render('| Part | Example |\n|---|:-:|\n| Owner code | CSQ |')
    expect(html).toMatch(
      /^<div class="table-scroll" role="region" tabindex="0" aria-label="Part, Example"><table>\n<thead>[^]*<\/table><\/div>$/,
    )
    expect(html).toContain('<td align="center">CSQ</td>')
  })

  it('gives a table with an empty header row no region role rather than an empty name', () => {
    expect(render('|  |  |\n|---|---|\n| a | b |')).toMatch(/^<div class="table-scroll" tabindex="0"><table>/)
  })

  it('drops raw HTML from the Markdown, text between tags aside', () => {
    const html = render(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nSee <b onclick="alert(1)">this</b>',
    )
    expect(html).toBe('<p>See this</p>')
  })

  it.each([
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](  javascript:alert(1))',
    '[x](<java&#x09;script:alert(1)>)',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](vbscript:msgbox(1))',
    '[x](irc://example.org)',
    '[x]\n\n[x]: javascript:alert(1)',
  ])('keeps the text but drops the address of %s', (markdown) => {
    expect(render(markdown)).toBe('<p><a>x</a></p>')
  })

  it.each([
    ['https://wcoomd.org/x', '<a href="https://wcoomd.org/x" rel="noopener noreferrer">x</a>'],
    ['http://example.org', '<a href="http://example.org" rel="noopener noreferrer">x</a>'],
    ['//example.org', '<a href="//example.org" rel="noopener noreferrer">x</a>'],
    ['mailto:help@example.org', '<a href="mailto:help@example.org">x</a>'],
    ['../02-seals', '<a href="../02-seals">x</a>'],
    ['#objectives', '<a href="#user-content-objectives">x</a>'],
  ])('links to %s, never in a new tab', (url, link) => {
    expect(render(`[x](${url})`)).toBe(`<p>${link}</p>`)
  })

  it('marks bare GFM autolinks as external too', () => {
    expect(render('www.wcoomd.org')).toBe(
      '<p><a href="http://www.wcoomd.org" rel="noopener noreferrer">www.wcoomd.org</a></p>',
    )
  })

  it('shows an image alone in its paragraph as a figure, at the resolved address, loaded lazily', () => {
    expect(render('![Seal types](../../media/seals.svg)')).toBe(
      '<figure><a href="/media/courses/demo/seals.svg?v=abc" class="figure__link">' +
        '<img src="/media/courses/demo/seals.svg?v=abc" alt="Seal types" loading="lazy" decoding="async">' +
        ZOOM +
        '</figure>',
    )
  })

  it("captions a figure with the image's title, keeping the alt text on the image", () => {
    expect(render('![Seal types](../../media/seals.svg "Figure 1. Seals")')).toBe(
      '<figure><a href="/media/courses/demo/seals.svg?v=abc" class="figure__link">' +
        '<img src="/media/courses/demo/seals.svg?v=abc" alt="Seal types" loading="lazy" decoding="async">' +
        ZOOM +
        '<figcaption>Figure 1. Seals</figcaption></figure>',
    )
  })

  it('resolves an image given by reference like any other', () => {
    expect(render('![Seal][s]\n\n[s]: ../../media/seals.svg')).toBe(
      '<figure><a href="/media/courses/demo/seals.svg?v=abc" class="figure__link">' +
        '<img src="/media/courses/demo/seals.svg?v=abc" alt="Seal" loading="lazy" decoding="async">' +
        ZOOM +
        '</figure>',
    )
  })

  it('gives a figure its width and height when the resolver knows its size', () => {
    const html = renderModuleHtml({
      markdown: '![Seal types](../../media/seals.svg)',
      resolveImage: () => ({ src: '/m/seals.svg', width: 800, height: 460 }),
    })
    expect(html).toContain('<img src="/m/seals.svg" alt="Seal types" width="800" height="460" loading="lazy"')
  })

  it('leaves an image inside a sentence inline', () => {
    expect(render('The ![seal](../../media/seal.svg) mark')).toBe(
      '<p>The <img src="/media/courses/demo/seal.svg?v=abc" alt="seal" loading="lazy" decoding="async"> mark</p>',
    )
  })

  it('replaces an image that does not resolve with its alt text', () => {
    const seen: string[] = []
    const html = renderModuleHtml({
      markdown: '![A bolt seal](https://evil.example/x.png)\n\nSee ![inline](data:image/png;base64,AAAA) here',
      resolveImage: (url) => {
        seen.push(url)
        return null
      },
    })
    expect(html).toBe('<p>A bolt seal</p>\n<p>See inline here</p>')
    expect(seen).toEqual(['https://evil.example/x.png', 'data:image/png;base64,AAAA'])
  })

  it('keeps footnote links pointing at their (prefixed) targets', () => {
    const html = render('A claim.[^1]\n\n[^1]: The source.')
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1])
    const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((match) => match[1])
    expect(targets.length).toBeGreaterThan(0)
    for (const target of targets) expect(ids).toContain(target)
    expect(ids.every((id) => id?.startsWith('user-content-'))).toBe(true)
  })

  it('passes Cyrillic text through untouched', () => {
    expect(render('## Учебные цели\n\nПломба «ЕвроЛок» — ёмкость 20′')).toBe(
      '<h2>Учебные цели</h2>\n<p>Пломба «ЕвроЛок» — ёмкость 20′</p>',
    )
  })

  it('is deterministic, whatever was rendered before', () => {
    const body = '# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![x](../../media/x.svg "c")\n\n[l](https://a.b)'
    const first = render(body)
    render('![other](../../media/y.svg)\n\n[^1]\n\n[^1]: note')
    expect(render(body)).toBe(first)
  })
})

describe('renderModuleHtml on shipped bodies', () => {
  const folder = new URL(
    '../../../courses/cargo-container-control/modules/01-container-identification/',
    import.meta.url,
  )

  it.each(['en', 'ru'])('renders the %s container identification body with its figure and tables', (locale) => {
    const html = render(readFileSync(new URL(`${locale}.md`, folder), 'utf8'))
    const figure = locale === 'ru' ? 'container-number-anatomy-ru.svg' : 'container-number-anatomy.svg'
    expect(html).toContain(`<figure><a href="/media/courses/demo/${figure}?v=abc" class="figure__link"><img`)
    expect(html).toMatch(locale === 'ru' ? /<figcaption>Рисунок 1\. / : /<figcaption>Figure 1\. /)
    expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="A, B, C, D, E')
    expect(html).not.toMatch(/<script|<h1|\son\w+=|style=/i)
    expect(html).toContain(locale === 'ru' ? '<h2>Учебные цели</h2>' : '<h2>Learning objectives</h2>')
  })
})

describe('unsafeLinks', () => {
  it('names the links the sanitiser would strip, with their line, and none of the safe ones', () => {
    const markdown = [
      '## Links',
      '',
      '[ok](https://wcoomd.org) [mail](mailto:a@b.test) [here](#x) [page](../02-next)',
      '',
      '[bad](javascript:alert(1)) and [data](data:text/html,<b>x</b>)',
      '',
      '[ref][r] <JavaScript:alert(2)>',
      '',
      '[r]: javascript:alert(3)',
    ].join('\n')
    expect(unsafeLinks(parseMarkdown(markdown))).toEqual([
      { url: 'javascript:alert(1)', line: 5 },
      { url: 'data:text/html,%3Cb%3Ex%3C/b%3E', line: 5 },
      { url: 'javascript:alert(3)', line: 7 },
      { url: 'JavaScript:alert(2)', line: 7 },
    ])
  })

  it('finds them in lists, quotes and tables, and through a definition given anywhere', () => {
    const markdown = [
      '- [a](vbscript:x) and [fine](https://wcoomd.org)',
      '',
      '> [b][quoted]',
      '>',
      '> [quoted]: file:///etc/passwd',
      '',
      '| Link |',
      '| ---- |',
      '| [**c**](data:x) |',
    ].join('\n')
    expect(unsafeLinks(parseMarkdown(markdown))).toEqual([
      { url: 'vbscript:x', line: 1 },
      { url: 'file:///etc/passwd', line: 3 },
      { url: 'data:x', line: 9 },
    ])
  })
})

describe('glossary links', () => {
  const markdown = 'Check the [пломбу](glossary:seal) and the [кольцо](glossary:ring).'
  const glossaryHref = glossaryResolver({ course: 'cargo', terms: [{ slug: 'seal' }] })

  it("lead to the term's entry on the course's glossary page; a term the course lacks is its text alone", () => {
    const html = renderModuleHtml({
      markdown,
      resolveImage: () => null,
      glossaryHref: (term) => glossaryHref('ru', term),
    })
    expect(html).toBe('<p>Check the <a href="/ru/courses/cargo/glossary#term-seal">пломбу</a> and the кольцо.</p>')
  })

  it('are not web links for the safety check, and are text alone where nothing resolves them (the live editor)', () => {
    expect(unsafeLinks(parseMarkdown(markdown))).toEqual([])
    expect(renderModuleHtml({ markdown, resolveImage: () => null })).toBe('<p>Check the пломбу and the кольцо.</p>')
  })
})
