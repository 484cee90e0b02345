import type { ImageResolver } from '~/modules/content/render-markdown'
import { z } from '~/utils/zod'
import type { Prisma } from '~/generated/prisma/client'
import { LOCALES, type Locale, perLocale } from '~/i18n/config'
import { courseImageResolver, FIGURE_COLUMNS } from '~/modules/content/media'
import { glossaryResolver, storedGlossary } from '~/modules/content/glossary.schema'
import { writeModuleBodies } from '~/modules/content/module-bodies.server'
import { publishedSince } from '~/modules/content/revision-status.server'
import { getPrisma } from '~/utils/db.server'
import { publishProblems } from './draft-checks.server'
import { auditModuleWrite, getModuleDraft, requireEditable, writeTexts } from './drafts.server'
import { PublishRefused, RevisionNotFound } from './errors'
import { releaseOnFirstPublish } from './modules.server'
import { revisionText, FIELDS, fieldText, parseConfirmed, translationStatus, type Field } from './translation-status'
import { wordDiff } from './word-diff'

// Publishing a draft and the module's immutable history of revisions (ADR 019).

type Tx = Prisma.TransactionClient

/**
 * Publishes the draft: the checks of `courses:validate --strict` (refused with `PublishRefused`, writing
 * nothing), then what the reader serves (Module.title, ModuleContent with HTML from the importer's
 * renderer) and a new revision, in one transaction. Progress and attempts are not touched. Out-of-date
 * translations do not stop it: they come back as warnings.
 */
export async function publishModule({ moduleId, userId, note }: { moduleId: string; userId: string; note?: string }) {
  const editable = await requireEditable({ moduleId, userId })
  await getModuleDraft({ moduleId }) // a module never opened in the studio publishes its published text
  return getPrisma().$transaction(async (tx) => {
    // One publish at a time per module (revision numbers), and no save lands between check and write.
    await tx.$queryRaw`SELECT 1 FROM "Module" WHERE "id" = ${moduleId} FOR UPDATE`
    await tx.$queryRaw`SELECT 1 FROM "ModuleDraft" WHERE "moduleId" = ${moduleId} FOR UPDATE`
    const module = await tx.module.findUniqueOrThrow({
      where: { id: moduleId },
      select: {
        slug: true,
        minutes: true,
        position: true,
        course: {
          select: {
            slug: true,
            glossary: true,
            media: { select: FIGURE_COLUMNS },
          },
        },
        drafts: { select: { locale: true, title: true, markdown: true, confirmed: true } },
      },
    })
    const texts = perLocale((locale) => {
      const draft = module.drafts.find((row) => row.locale === locale)
      return { title: draft?.title ?? '', markdown: draft?.markdown ?? '', confirmed: parseConfirmed(draft?.confirmed) }
    })
    const { media } = module.course
    const problems = publishProblems({ module, texts, mediaNames: media.map((file) => file.name) })
    if (problems.length > 0) throw new PublishRefused(problems)

    const resolveImage = courseImageResolver({ courseSlug: module.course.slug, media })
    await releaseOnFirstPublish(tx, { moduleId }) // before writePublished: it looks for no text yet
    const glossaryHref = glossaryResolver({ course: module.course.slug, terms: storedGlossary(module.course.glossary) })
    await writePublished(tx, { moduleId, texts, resolveImage, glossaryHref })
    const status = translationStatus(texts)
    const publishedAt = new Date()
    const since = await publishedSince(tx, { moduleId, texts, at: publishedAt })
    const revision = await tx.moduleRevision.create({
      data: {
        moduleId,
        number: (await lastRevisionNumber(tx, moduleId)) + 1,
        texts: perLocale((locale) => ({ ...revisionText(texts, locale, status), since: since[locale].toISOString() })),
        publishedById: userId,
        publishedAt,
        note: note?.trim() || null,
      },
      select: { id: true, number: true, publishedAt: true },
    })
    await auditModuleWrite(
      { userId, module: editable, action: 'studio.module.published', details: { revision: revision.number } },
      tx,
    )
    const warnings = FIELDS.flatMap((field) =>
      LOCALES.filter((locale) => status[field][locale].state === 'outOfDate').map((locale) => ({
        field,
        locale,
        against: status[field][locale].outOfDateAgainst,
      })),
    )
    return { revision, warnings }
  })
}

async function writePublished(
  tx: Tx,
  {
    moduleId,
    texts,
    resolveImage,
    glossaryHref,
  }: {
    moduleId: string
    texts: Record<Locale, { title: string; markdown: string }>
    resolveImage: ImageResolver
    glossaryHref: (locale: string, term: string) => string | null
  },
) {
  await tx.module.update({ where: { id: moduleId }, data: { title: perLocale((locale) => texts[locale].title) } })
  await writeModuleBodies(tx, {
    moduleId,
    bodies: perLocale((locale) => texts[locale].markdown),
    resolveImage,
    glossaryHref,
  })
}

async function lastRevisionNumber(tx: Tx, moduleId: string) {
  const { _max } = await tx.moduleRevision.aggregate({ where: { moduleId }, _max: { number: true } })
  return _max.number ?? 0
}

/** The module's revisions, newest first, with who published each. */
export async function listRevisions({ moduleId }: { moduleId: string }) {
  const revisions = await getPrisma().moduleRevision.findMany({
    where: { moduleId },
    orderBy: { number: 'desc' },
    select: { id: true, number: true, publishedAt: true, publishedById: true, note: true },
  })
  const ids = revisions.flatMap((revision) => (revision.publishedById ? [revision.publishedById] : []))
  const users = await getPrisma().user.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true },
  })
  return revisions.map(({ publishedById, ...revision }) => ({
    ...revision,
    publishedBy: users.find((user) => user.id === publishedById) ?? null,
  }))
}

const revisionTexts = z.partialRecord(z.enum(LOCALES), z.object({ title: z.string(), markdown: z.string() }))

async function readRevision({ moduleId, revisionId }: { moduleId: string; revisionId: string }) {
  const revision = await getPrisma().moduleRevision.findFirst({
    where: { id: revisionId, moduleId },
    select: { texts: true, number: true },
  })
  if (!revision) throw new RevisionNotFound()
  // A stored revision that no longer reads as one (a locale since removed…) is not found, not a 500.
  const parsed = revisionTexts.safeParse(revision.texts)
  if (!parsed.success) throw new RevisionNotFound()
  const texts = parsed.data
  return {
    number: revision.number,
    texts: perLocale((locale) => ({ title: texts[locale]?.title ?? '', markdown: texts[locale]?.markdown ?? '' })),
  }
}

/** Copies a revision's texts into the draft; nothing is published until the author publishes. */
export async function restoreRevision({
  moduleId,
  revisionId,
  userId,
}: {
  moduleId: string
  revisionId: string
  userId: string
}) {
  const module = await requireEditable({ moduleId, userId })
  const { number, texts } = await readRevision({ moduleId, revisionId })
  await getModuleDraft({ moduleId })
  await writeTexts({ moduleId, userId, texts })
  await auditModuleWrite({ userId, module, action: 'studio.revision.restored', details: { revision: number } })
  return { ...(await getModuleDraft({ moduleId })), revision: number }
}

/** Word diff from a revision to the current draft, per locale and field. */
export async function diffRevision({ moduleId, revisionId }: { moduleId: string; revisionId: string }) {
  const { texts: revision } = await readRevision({ moduleId, revisionId })
  const { texts } = await getModuleDraft({ moduleId })
  return perLocale((locale) => {
    const diff = (field: Field) =>
      wordDiff({ before: fieldText(revision[locale], field), after: fieldText(texts[locale], field), locale })
    return { title: diff('title'), body: diff('body') }
  })
}
