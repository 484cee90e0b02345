import type { ImageResolver } from '~/modules/content/render-markdown'
import type { Prisma } from '~/generated/prisma/client'
import { countWords } from './markdown'
import { sha256 } from './package-hash'
import { renderModuleHtml } from './render-markdown'

type Tx = Prisma.TransactionClient

/**
 * Writes what the reader serves of a module's bodies, by locale: the Markdown and its HTML. An unchanged
 * body keeps its row (and its updatedAt); a renderer change rewrites the HTML only. True when the
 * Markdown of some locale changed. Shared by the package importer and the studio's publish.
 */
export async function writeModuleBodies(
  tx: Tx,
  {
    moduleId,
    bodies,
    resolveImage,
    glossaryHref,
  }: {
    moduleId: string
    bodies: Record<string, string>
    resolveImage: ImageResolver
    /** Where a glossary link of a body in `locale` leads (the course's glossary page), null: nowhere. */
    glossaryHref: (locale: string, term: string) => string | null
  },
): Promise<boolean> {
  const stored = await tx.moduleContent.findMany({
    where: { moduleId },
    select: { locale: true, markdown: true, html: true },
  })
  const storedByLocale = new Map(stored.map((content) => [content.locale, content]))
  let textChanged = false
  for (const [locale, markdown] of Object.entries(bodies)) {
    const html = renderModuleHtml({ markdown, resolveImage, glossaryHref: (term) => glossaryHref(locale, term) })
    const current = storedByLocale.get(locale)
    if (current?.markdown === markdown && current.html === html) continue
    textChanged ||= current?.markdown !== markdown
    const data = { markdown, html, wordCount: countWords(markdown), sourceHash: sha256(markdown) }
    await tx.moduleContent.upsert({
      where: { moduleId_locale: { moduleId, locale } },
      create: { moduleId, locale, ...data },
      update: data,
    })
  }
  return textChanged
}
