import type { Prisma } from '~/generated/prisma/client'
import { isLocale, type Locale } from '~/i18n/config'
import { readLocalizedText, type LocalizedText } from '~/i18n/localized'
import { markdownImages, parseMarkdown } from '~/modules/content/markdown'
import { mediaNameFromLink } from '~/modules/content/media'

/** A module whose body shows a file: the languages of its published text and of its unpublished draft that do. */
export interface MediaUse {
  slug: string
  title: LocalizedText
  published: Locale[]
  draft: Locale[]
}

interface FileUses {
  modules: MediaUse[]
  /** The alt text the bodies give the file, per language (the first found). */
  alt: Partial<Record<Locale, string>>
}

/** The file names a body's images link to, with their alt texts, resolved as the importer and publish do. */
function bodyImages(markdown: string) {
  return markdownImages(parseMarkdown(markdown)).flatMap((image) => {
    try {
      const name = mediaNameFromLink(image.url)
      return name === null ? [] : [{ name, alt: image.alt.trim() }]
    } catch {
      return [] // a broken %-escape names no file (publish refuses it)
    }
  })
}

/**
 * Which modules of a course (archived ones too: they can be restored) show each file, in their
 * published text or a draft that differs from it. Only bodies that link into media/ at all are parsed;
 * `name` narrows the read to bodies that mention it.
 */
export async function findMediaUses(
  db: Pick<Prisma.TransactionClient, 'module'>,
  courseId: string,
  name?: string,
): Promise<Map<string, FileUses>> {
  const mentions = { markdown: { contains: name ?? 'media/' } }
  const modules = await db.module.findMany({
    where: { courseId },
    orderBy: [{ position: 'asc' }, { slug: 'asc' }],
    select: {
      slug: true,
      title: true,
      contents: { where: mentions, select: { locale: true, markdown: true } },
      drafts: { where: mentions, select: { locale: true, markdown: true } },
    },
  })
  const uses = new Map<string, FileUses>()
  const entryFor = (file: string, module: (typeof modules)[number]) => {
    const entry = uses.get(file) ?? { modules: [], alt: {} }
    uses.set(file, entry)
    let use = entry.modules.find((item) => item.slug === module.slug)
    if (!use) {
      use = { slug: module.slug, title: readLocalizedText(module.title), published: [], draft: [] }
      entry.modules.push(use)
    }
    return { entry, use }
  }
  for (const module of modules) {
    const published = new Map(module.contents.map((content) => [content.locale, content.markdown]))
    const bodies = [
      ...module.contents.map((content) => ({ ...content, kind: 'published' as const })),
      // A draft that is the published text uses what the published text uses: counted once.
      ...module.drafts
        .filter((draft) => draft.markdown !== published.get(draft.locale))
        .map((draft) => ({ ...draft, kind: 'draft' as const })),
    ]
    for (const body of bodies) {
      const { locale } = body
      if (!isLocale(locale)) continue
      for (const image of bodyImages(body.markdown)) {
        if (name !== undefined && image.name !== name) continue
        const { entry, use } = entryFor(image.name, module)
        if (!use[body.kind].includes(locale)) use[body.kind].push(locale)
        if (image.alt && !entry.alt[locale]) entry.alt[locale] = image.alt
      }
    }
  }
  return uses
}
