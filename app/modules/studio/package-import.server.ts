import { readLocalizedText } from '~/i18n/localized'
import type { Prisma } from '~/generated/prisma/client'
import { LOCALES, type Locale, perLocale } from '~/i18n/config'
import { sha256 } from '~/modules/content/package-hash'
import { publishedSince } from '~/modules/content/revision-status.server'
import type { ModulePackage } from '~/modules/content/package.schema'
import type { StudioOverwrite } from './errors'
import { confirmAll, revisionText } from './translation-status'

// What `courses:import` must know about the studio (ADR 019, "Importer"): which studio work a package
// would overwrite, and how drafts and history follow an import that changed a module's text.

type Tx = Prisma.TransactionClient
type Texts = Record<Locale, { title: string; markdown: string }>

/** A module's text as the package states it ("" where a language is absent, as in a draft). */
export function packageTexts(module: ModulePackage): Texts {
  return perLocale((locale) => ({ title: module.meta.title[locale] ?? '', markdown: module.bodies[locale] ?? '' }))
}

const differs = (a: Texts[Locale], b: Texts[Locale]) => a.title !== b.title || a.markdown !== b.markdown

/**
 * The studio work on a course that importing a changed package over it would overwrite: the course
 * itself when the studio created it, and a published text whose latest revision came from the studio
 * or unpublished drafts, of each module whose text the import changes. Locks the modules and their
 * drafts until the transaction ends, so no publish or save lands between this check and the writes.
 */
export async function findStudioOverwrites(
  tx: Tx,
  { course, modules }: { course: { id: string; slug: string; packageHash: string }; modules: ModulePackage[] },
): Promise<StudioOverwrite[]> {
  const courseId = course.id
  // createCourse stores no package hash: a course that has none was made in the studio, not imported.
  const overwrites: StudioOverwrite[] =
    course.packageHash === '' ? [{ course: course.slug, module: null, kind: 'course', locales: [] }] : []
  // The order publishModule takes them in: Module rows, then their drafts.
  await tx.$queryRaw`SELECT 1 FROM "Module" WHERE "courseId" = ${courseId} FOR UPDATE`
  await tx.$queryRaw`SELECT 1 FROM "ModuleDraft" d JOIN "Module" m ON m."id" = d."moduleId"
    WHERE m."courseId" = ${courseId} FOR UPDATE OF d`
  const stored = await tx.module.findMany({
    where: { courseId, slug: { in: modules.map((module) => module.meta.slug) } },
    select: {
      slug: true,
      title: true,
      contents: { select: { locale: true, markdown: true } },
      drafts: { select: { locale: true, title: true, markdown: true } },
      revisions: {
        orderBy: { number: 'desc' },
        take: 1,
        select: { number: true, publishedAt: true, publishedById: true },
      },
    },
  })
  for (const module of modules) {
    const current = stored.find((row) => row.slug === module.meta.slug)
    if (!current) continue
    const incoming = packageTexts(module)
    const published = perLocale((locale) => ({
      title: readLocalizedText(current.title)[locale] ?? '',
      markdown: current.contents.find((content) => content.locale === locale)?.markdown ?? '',
    }))
    const changed = LOCALES.filter((locale) => differs(incoming[locale], published[locale]))
    if (changed.length === 0) continue // the import leaves this module's text, and its drafts, alone
    const item = { course: course.slug, module: module.meta.slug }
    const [latest] = current.revisions
    if (latest?.publishedById) {
      const revision = { number: latest.number, publishedAt: latest.publishedAt, publishedBy: latest.publishedById }
      overwrites.push({ ...item, kind: 'published', locales: changed, revision })
    }
    // Drafts are reset as a whole, so every edited language is lost, not only the ones the package changes.
    const drafted = LOCALES.filter((locale) => {
      const draft = current.drafts.find((row) => row.locale === locale)
      return draft !== undefined && differs(draft, published[locale])
    })
    if (drafted.length > 0) overwrites.push({ ...item, kind: 'draft', locales: drafted })
  }
  return namePublishers(tx, overwrites)
}

/** Names who published each revision, as the CLI shows them; a deleted user stays an id. */
async function namePublishers(tx: Tx, overwrites: StudioOverwrite[]) {
  const ids = overwrites.flatMap((item) => (item.revision ? [item.revision.publishedBy] : []))
  if (ids.length === 0) return overwrites
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })
  const names = new Map(users.map((user) => [user.id, user.displayName]))
  for (const { revision } of overwrites)
    if (revision) revision.publishedBy = names.get(revision.publishedBy) ?? revision.publishedBy
  return overwrites
}

/**
 * After an import changed a module's text: its drafts become that text (a new version, so an open
 * editor gets a conflict rather than publishing the old text over it), and a module that has a
 * history gets an "imported" revision (no author), so the history ends in what learners read.
 */
export async function followImportedText(tx: Tx, { moduleId, texts }: { moduleId: string; texts: Texts }) {
  const [drafts, latest] = await Promise.all([
    tx.moduleDraft.count({ where: { moduleId } }),
    tx.moduleRevision.findFirst({ where: { moduleId }, orderBy: { number: 'desc' }, select: { number: true } }),
  ])
  // A package is its author's statement that its languages match (ADR 019): confirmed as a whole.
  const confirmed = confirmAll(texts)
  if (drafts > 0) {
    for (const locale of LOCALES) {
      await tx.moduleDraft.updateMany({
        where: { moduleId, locale },
        data: {
          ...texts[locale],
          sourceHash: sha256(texts[locale].markdown),
          confirmed: confirmed[locale],
          version: { increment: 1 },
          updatedById: null,
        },
      })
    }
  }
  if (latest) {
    const publishedAt = new Date()
    const since = await publishedSince(tx, { moduleId, texts, at: publishedAt })
    const withConfirmed = perLocale((each) => ({ ...texts[each], confirmed: confirmed[each] }))
    await tx.moduleRevision.create({
      data: {
        moduleId,
        number: latest.number + 1,
        texts: perLocale((locale) => ({ ...revisionText(withConfirmed, locale), since: since[locale].toISOString() })),
        publishedById: null,
        publishedAt,
      },
    })
  }
}
