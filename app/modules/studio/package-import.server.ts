import { readLocalizedText } from '~/i18n/localized'
import type { Prisma } from '~/generated/prisma/client'
import { LOCALES, type Locale, perLocale } from '~/i18n/config'
import { sha256 } from '~/modules/content/package-hash'
import { publishedSince } from '~/modules/content/revision-status.server'
import type { CoursePackage, MediaFile, ModulePackage } from '~/modules/content/package.schema'
import {
  changedFields,
  confirmAllDetails,
  courseDetailsSelect,
  draftColumns,
  draftDetails,
  publishedDetails,
  storedConfirmed,
  type CourseDetails,
} from './course-details'
import type { StudioOverwrite } from './errors'
import { structureOverwrites } from './structure-overwrites'
import { findQuizOverwrites, readPublishedQuiz } from './quiz-import.server'
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
 * itself when the studio created it; a published text whose latest revision came from the studio, or
 * unpublished drafts, of each module whose text the import changes; and the module list's changes
 * since the last import that the import would undo. Locks the modules and their drafts until the
 * transaction ends (the caller has locked the course row: `findMediaOverwrites`), so no publish, save
 * or move lands between this check and the writes.
 */
export async function findStudioOverwrites(
  tx: Tx,
  { course, pkg }: { course: { id: string; slug: string; packageHash: string }; pkg: CoursePackage },
): Promise<StudioOverwrite[]> {
  const { modules } = pkg
  const courseId = course.id
  // createCourse stores no package hash: a course that has none was made in the studio, not imported.
  const overwrites: StudioOverwrite[] =
    course.packageHash === '' ? [{ course: course.slug, module: null, kind: 'course', locales: [] }] : []
  // The order publishModule takes them in: Module rows, then their drafts (the course row is locked already).
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
  overwrites.push(...(await findStructureOverwrites(tx, { course, modules })))
  // A studio-made course is named as a whole above: its details are all the studio's.
  if (course.packageHash !== '') overwrites.push(...(await findDetailsOverwrites(tx, { course, pkg })))
  overwrites.push(
    ...(await findQuizOverwrites(tx, {
      course,
      pkg,
      published: (module) => readPublishedQuiz(tx, { courseId, module }),
    })),
  )
  return namePublishers(tx, overwrites)
}

/**
 * Files uploaded in the studio (ADR 023) that importing the package would delete (it lacks them) or
 * replace (it has other bytes under the name): a published module may show them. A package's own files
 * have no uploader. Locks the course row first, as the studio's module list does before its modules, so
 * an upload (whose insert waits on the course row for its foreign key) cannot land between this check
 * and the import's writes.
 */
export async function findMediaOverwrites(
  tx: Tx,
  { course, media }: { course: { id: string; slug: string }; media: MediaFile[] },
): Promise<StudioOverwrite[]> {
  await tx.$queryRaw`SELECT 1 FROM "Course" WHERE "id" = ${course.id} FOR UPDATE`
  const uploaded = await tx.courseMedia.findMany({
    where: { courseId: course.id, uploadedById: { not: null } },
    orderBy: { name: 'asc' },
    select: { name: true, sha256: true },
  })
  const incoming = new Map(media.map((file) => [file.name, sha256(file.bytes)]))
  return uploaded
    .filter((file) => incoming.get(file.name) !== file.sha256)
    .map((file) => ({ course: course.slug, module: null, kind: 'media' as const, media: file.name, locales: [] }))
}

/** The module list's studio changes that the import would undo, one item per module (ADR 024). */
async function findStructureOverwrites(
  tx: Tx,
  { course, modules }: { course: { id: string; slug: string }; modules: ModulePackage[] },
): Promise<StudioOverwrite[]> {
  const stored = await tx.module.findMany({
    where: { courseId: course.id },
    select: {
      slug: true,
      position: true,
      minutes: true,
      archivedAt: true,
      createdAt: true,
      importedPosition: true,
      importedMinutes: true,
      importedArchived: true,
    },
  })
  const found = structureOverwrites({
    stored: stored.map(({ archivedAt, importedPosition, importedMinutes, importedArchived, ...module }) => ({
      ...module,
      archived: archivedAt !== null,
      imported:
        importedPosition === null || importedMinutes === null || importedArchived === null
          ? null
          : { position: importedPosition, minutes: importedMinutes, archived: importedArchived },
    })),
    incoming: modules.map(({ meta }) => ({ slug: meta.slug, minutes: meta.minutes })),
  })
  return found.map(({ module, changes }) => ({ course: course.slug, module, kind: 'structure', changes }))
}

/** What the next import compares the module list with: where this one left every module of the course. */
export async function recordImportedStructure(tx: Tx, { courseId }: { courseId: string }) {
  await tx.$executeRaw`
    UPDATE "Module"
    SET "importedPosition" = "position", "importedMinutes" = "minutes", "importedArchived" = ("archivedAt" IS NOT NULL)
    WHERE "courseId" = ${courseId}`
}

const detailsSelect = {
  ...courseDetailsSelect,
  detailsPublishedById: true,
  detailsPublishedAt: true,
} satisfies Prisma.CourseSelect

/** The details as a package states them ("" where a language is absent); its final exam's pass mark, if it has one. */
export function incomingDetails(pkg: CoursePackage, current: CourseDetails): CourseDetails {
  const { course } = pkg
  return {
    category: course.category,
    title: perLocale((locale) => course.title[locale] ?? ''),
    summary: perLocale((locale) => course.summary[locale] ?? ''),
    objectives: perLocale((locale) => course.objectives[locale] ?? []),
    certificateValidityMonths: course.certificateValidityMonths,
    // Without a final exam in the package the import leaves the stored one (and its pass mark) alone.
    passMark: pkg.finalExam ? pkg.finalExam.passMark : current.passMark,
  }
}

/**
 * The course details' studio work that the import would overwrite, when it changes the details at all
 * (ADR 024): details published in the studio since the last import (every import clears the mark), and
 * a draft with unpublished changes (reset by the import: all of its changes are named).
 */
async function findDetailsOverwrites(
  tx: Tx,
  { course, pkg }: { course: { id: string; slug: string }; pkg: CoursePackage },
): Promise<StudioOverwrite[]> {
  const stored = await tx.course.findUniqueOrThrow({ where: { id: course.id }, select: detailsSelect })
  const published = publishedDetails(stored)
  const fields = changedFields(incomingDetails(pkg, published), published)
  if (fields.length === 0) return [] // the import leaves the details, and their draft, alone
  const overwrites: StudioOverwrite[] = []
  const { detailsPublishedById: by, detailsPublishedAt: at, detailsDraft } = stored
  if (by && at)
    overwrites.push({ course: course.slug, module: null, kind: 'details-published', fields, published: { at, by } })
  const drafted = detailsDraft ? changedFields(draftDetails(detailsDraft), published) : []
  if (drafted.length > 0) overwrites.push({ course: course.slug, module: null, kind: 'details-draft', fields: drafted })
  return overwrites
}

/** What learners read of the course's details now, before an import writes it. */
export async function readPublishedDetails(tx: Tx, { courseId }: { courseId: string }) {
  return publishedDetails(await tx.course.findUniqueOrThrow({ where: { id: courseId }, select: detailsSelect }))
}

/**
 * After an import wrote a course: if it changed the details, their draft becomes the package's details
 * at a new version (an open form then gets a conflict instead of saving the old details over them),
 * confirmed as a whole, as a module's drafts follow its imported text (ADR 019).
 */
export async function followImportedDetails(tx: Tx, { courseId, before }: { courseId: string; before: CourseDetails }) {
  const details = await readPublishedDetails(tx, { courseId })
  if (changedFields(details, before).length === 0) return
  await tx.courseDraft.updateMany({
    where: { courseId },
    data: {
      ...draftColumns(details),
      confirmed: storedConfirmed(confirmAllDetails(details)),
      version: { increment: 1 },
      updatedById: null,
    },
  })
}

/** Names who published each revision, as the CLI shows them; a deleted user stays an id. */
async function namePublishers(tx: Tx, overwrites: StudioOverwrite[]) {
  const ids = overwrites.flatMap((item) =>
    item.kind === 'published' || item.kind === 'quiz-published'
      ? [item.revision.publishedBy]
      : item.kind === 'details-published'
        ? [item.published.by]
        : [],
  )
  if (ids.length === 0) return overwrites
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })
  const names = new Map(users.map((user) => [user.id, user.displayName]))
  const named = (id: string) => names.get(id) ?? id
  for (const item of overwrites) {
    if (item.kind === 'published' || item.kind === 'quiz-published')
      item.revision.publishedBy = named(item.revision.publishedBy)
    if (item.kind === 'details-published') item.published.by = named(item.published.by)
  }
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
  const confirmed = confirmAll(texts)
  if (drafts > 0) await writePackageDrafts(tx, { moduleId, texts, updatedById: null })
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

/**
 * A module's drafts become a package's texts, every language at a new version (an open editor then gets
 * a conflict instead of saving the old text over them), confirmed as a whole: a package is its author's
 * statement that its languages match (ADR 019). Rows a module does not have yet are made.
 */
export async function writePackageDrafts(
  tx: Tx,
  { moduleId, texts, updatedById }: { moduleId: string; texts: Texts; updatedById: string | null },
) {
  const confirmed = confirmAll(texts)
  for (const locale of LOCALES) {
    const data = {
      ...texts[locale],
      sourceHash: sha256(texts[locale].markdown),
      confirmed: confirmed[locale],
      updatedById,
    }
    await tx.moduleDraft.upsert({
      where: { moduleId_locale: { moduleId, locale } },
      create: { moduleId, locale, ...data },
      update: { ...data, version: { increment: 1 } },
    })
  }
}
