import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '~/modules/content/markdown'
import { renderModuleHtml } from '~/modules/content/render-markdown'
import { mediaFileName, mediaSnippet, slugifyName } from './media-file'

describe('the name a file is stored under', () => {
  it.each([
    ['Seal Types.SVG', undefined, 'svg', 'seal-types.svg'],
    ['Схема контроля (v2).png', undefined, 'png', 'skhema-kontrolya-v2.png'],
    ['photo.JPEG', undefined, 'jpeg', 'photo.jpg'],
    ['photo.jpg', undefined, 'jpeg', 'photo.jpg'],
    ['scan', undefined, 'webp', 'scan.webp'],
    ['report.v2', undefined, 'png', 'report-v2.png'],
    ['C:\\Users\\me\\Пломба.svg', undefined, 'svg', 'plomba.svg'],
    ['upload.png', 'Пломбы на контейнере', 'png', 'plomby-na-konteynere.png'],
    ['upload.png', 'container-seal.png', 'png', 'container-seal.png'],
    ['Zoll-Übersicht.svg', undefined, 'svg', 'zoll-ubersicht.svg'],
  ] as const)('%s (asked for %s) → %s', (fileName, requested, kind, name) => {
    expect(mediaFileName({ fileName, requested, kind })).toEqual({ name })
  })

  it('refuses a name that claims another image type, and a name with nothing left in it', () => {
    const mismatch = (field: 'file' | 'name') => ({ problem: 'typeMismatch', field })
    expect(mediaFileName({ fileName: 'figure.svg', kind: 'png' })).toEqual(mismatch('file'))
    expect(mediaFileName({ fileName: 'figure.png', kind: 'svg' })).toEqual(mismatch('file'))
    expect(mediaFileName({ fileName: 'figure.gif', kind: 'jpeg' })).toEqual(mismatch('file'))
    // A PNG called .svg is refused even when the author typed a good name: the file lies about itself.
    expect(mediaFileName({ fileName: 'figure.svg', requested: 'seal', kind: 'png' })).toEqual(mismatch('file'))
    expect(mediaFileName({ fileName: 'figure.png', requested: 'other.svg', kind: 'png' })).toEqual(mismatch('name'))
    expect(mediaFileName({ fileName: '!!!.png', kind: 'png' })).toEqual({ problem: 'nameEmpty', field: 'name' })
    expect(mediaFileName({ fileName: 'a.png', requested: '???', kind: 'png' })).toEqual({
      problem: 'nameEmpty',
      field: 'name',
    })
  })

  it('is at most 60 characters before the extension, cut between words', () => {
    const slug = slugifyName('a very long name of a figure that an author typed without thinking about it at all')
    expect(slug.length).toBeLessThanOrEqual(60)
    expect(slug).toBe('a-very-long-name-of-a-figure-that-an-author-typed-without')
  })
})

describe('the Markdown snippet', () => {
  it('links the figure as a package does, with the caption as its title', () => {
    expect(mediaSnippet({ name: 'seal.svg', alt: 'A bolt seal', caption: 'Figure 1. Bolt seal' })).toBe(
      '![A bolt seal](../../media/seal.svg "Figure 1. Bolt seal")',
    )
    expect(mediaSnippet({ name: 'seal.svg', alt: 'A bolt seal', caption: ' ' })).toBe(
      '![A bolt seal](../../media/seal.svg)',
    )
  })

  it.each([
    ['Brackets [1] and *stars* _under_ `code` <b>tags</b> & \\slashes\\ ~strike~', 'He said "stop" & [left]'],
    ['Пломба «ЕвроЛок» — вид сбоку', 'Рис. 2. Пломба "ЕвроЛок"'],
  ])('reads back as exactly the alt text and caption the author gave: %s', (alt, caption) => {
    const snippet = mediaSnippet({ name: 'seal.svg', alt, caption })
    const paragraph = parseMarkdown(snippet).children[0]
    expect(paragraph?.type).toBe('paragraph')
    const image = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined
    expect(image).toMatchObject({ type: 'image', url: '../../media/seal.svg', alt, title: caption })
    const html = renderModuleHtml({ markdown: snippet, resolveImage: () => '/media/courses/demo/seal.svg' })
    // The figure links to the image itself, so a phone opens it full size (ADR 035).
    expect(html).toContain('<img src="/media/courses/demo/seal.svg" alt="')
    expect(html).toMatch(/<\/a><figcaption>[^<]+<\/figcaption><\/figure>$/)
  })
})
