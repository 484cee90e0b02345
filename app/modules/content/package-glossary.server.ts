import { join } from 'node:path'
import type { Glossary } from './glossary.schema'
import type { GlossaryTerm } from './package.schema'
import { readText } from './package-files.server'
import type { PackageReport } from './package-report'

/** A `glossary:` link in a module body, where the loader found it. */
export interface GlossaryLink {
  file: string
  term: string
  line: number
}

/**
 * Reads the package's glossary.yaml (optional) and checks it against the bodies' glossary links: every
 * link names a term, every term is used once at least (a term nobody links is only a warning: a learner may
 * still look it up), and no slug is defined twice. `parse` is the loader's YAML-and-schema step.
 */
export async function loadGlossary(
  report: PackageReport,
  root: string,
  { links, parse }: { links: GlossaryLink[]; parse: (file: string, text: string) => Glossary | null },
): Promise<{ terms: GlossaryTerm[]; text: string | null }> {
  const file = join(root, 'glossary.yaml')
  const text = await readText(file)
  const terms = text === null ? [] : (parse(file, text)?.terms ?? [])
  const slugs = new Set<string>()
  terms.forEach((term, index) => {
    if (slugs.has(term.slug))
      report.error(file, `terms[${index}].slug`, `"${term.slug}" is defined twice`, 'glossaryTermTaken', {
        slug: term.slug,
      })
    slugs.add(term.slug)
  })
  for (const link of links)
    if (!slugs.has(link.term))
      report.error(
        link.file,
        `line ${link.line}`,
        `glossary link "${link.term}" names no term of glossary.yaml`,
        'glossaryTermUnknown',
        { line: link.line, term: link.term },
      )
  return { terms, text }
}
