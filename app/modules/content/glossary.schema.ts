import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { z } from '~/utils/zod'
import { isLocale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { localizedText, slug } from './package.schema'

/*
 * A course's glossary (`glossary.yaml` beside `course.yaml`, issue 17): each term in every language with
 * its definition. A module body links the first use of a term with `[text](glossary:<slug>)`, so the
 * author picks the inflected form in the sentence (Russian declines what a pattern match would miss).
 */
export const GLOSSARY_LINK_PROTOCOL = 'glossary:'

const term = z.strictObject({
  slug,
  term: localizedText,
  definition: localizedText,
})

export const glossarySchema = z.strictObject({
  terms: z.array(term).min(1, 'needs at least one term'),
})
export type Glossary = z.output<typeof glossarySchema>

/** The term a `glossary:<slug>` link names, or null for any other address. */
export function glossaryTerm(url: string): string | null {
  return url.startsWith(GLOSSARY_LINK_PROTOCOL) ? url.slice(GLOSSARY_LINK_PROTOCOL.length) : null
}

/** Every glossary link of a parsed body: the term it names and its line. */
export function glossaryLinks(tree: Root): { term: string; line: number }[] {
  const links: { term: string; line: number }[] = []
  visit(tree, 'link', (node) => {
    const term = glossaryTerm(node.url)
    if (term !== null) links.push({ term, line: node.position?.start.line ?? 0 })
  })
  return links
}

/** The id of a term's entry on the glossary page. */
export const glossaryEntryId = (term: string) => `term-${term}`

/**
 * Where a body's glossary links lead: the course's glossary page, at the term's entry; null for a term the
 * course does not define (the loader refuses those in packages; the studio shows the text alone).
 */
export function glossaryResolver({ course, terms }: { course: string; terms: readonly { slug: string }[] }) {
  const known = new Set(terms.map((term) => term.slug))
  return (locale: string, term: string): string | null => {
    if (!known.has(term) || !isLocale(locale)) return null
    const page = href(locale, '/courses/:course/glossary', { course })
    return `${page}#${glossaryEntryId(term)}`
  }
}

/** A course's stored glossary (Course.glossary, written by the importer from a checked package). */
export function storedGlossary(value: unknown): Glossary['terms'] {
  const parsed = glossarySchema.shape.terms.safeParse(value)
  return parsed.success ? parsed.data : []
}
