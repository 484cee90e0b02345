import type { Image, Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

/** The one Markdown dialect of module bodies: CommonMark plus GitHub tables, strikethrough and autolinks. */
export const markdownParser = unified().use(remarkParse).use(remarkGfm)

export function parseMarkdown(markdown: string): Root {
  return markdownParser.parse(markdown)
}

export interface ImageReference {
  url: string
  alt: string
  line: number
}

/** Every image a parsed body shows, with the line it is on, so a broken link can be reported precisely. */
export function markdownImages(tree: Root): ImageReference[] {
  const images: ImageReference[] = []
  visit(tree, 'image', (node: Image) => {
    images.push({ url: node.url, alt: node.alt ?? '', line: node.position?.start.line ?? 0 })
  })
  return images
}

/**
 * Words a reader reads: prose split on whitespace, with Markdown syntax, link targets and image
 * addresses left out (alt text counts — a screen-reader user hears it).
 */
export function countWords(markdown: string): number {
  let words = 0
  visit(parseMarkdown(markdown), (node) => {
    const value = node.type === 'text' || node.type === 'inlineCode' ? (node as { value: string }).value : null
    const alt = node.type === 'image' ? ((node as Image).alt ?? '') : null
    const text = value ?? alt
    if (text) words += text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
  })
  return words
}
