import type { ImageResolver } from '~/modules/content/render-markdown'
import type { Prisma } from '~/generated/prisma/client'
import { writeAudit } from '~/modules/audit/audit.server'
import { COURSE_TARGET } from '~/modules/studio/courses.server'
import { StudioWorkWouldBeOverwritten, type StudioOverwrite } from '~/modules/studio/errors'
import {
  findMediaOverwrites,
  findStudioOverwrites,
  followImportedDetails,
  followImportedText,
  packageTexts,
  readPublishedDetails,
  recordImportedStructure,
} from '~/modules/studio/package-import.server'
import { followImportedQuiz } from '~/modules/studio/quiz-import.server'
import { getPrisma } from '~/utils/db.server'
import { figureOf, imageResolver, type Figure } from './media'
import { mediaFileColumns } from './media.server'
import { canonicalJson, hashPackage, questionDefinition } from './package-hash'
import type { CoursePackage, ModulePackage, Quiz } from './package.schema'
import { keepPackageFiles } from './kept-package-files.server'
import { writeModuleBodies } from './module-bodies.server'
import { glossaryResolver } from './glossary.schema'

type Tx = Prisma.TransactionClient

export interface ImportCounts {
  created: number
  updated: number
  archived: number
}

export interface ImportReport {
  course: string
  outcome: 'created' | 'updated' | 'unchanged'
  modules: ImportCounts
  questions: ImportCounts
  /** Studio work this import overwrote (only ever with `force`). */
  overwritten: StudioOverwrite[]
}

interface PackagePlan {
  pkg: CoursePackage
  packageHash: string
  existing: { id: string; packageHash: string } | null
  overwrites: StudioOverwrite[]
}

const zero = (): ImportCounts => ({ created: 0, updated: 0, archived: 0 })
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)

/**
 * Writes validated packages to the database in one transaction: either every package lands or none
 * does. Rows are matched by slug, so learners' progress survives re-import and re-ordering; rows
 * whose slug left the package are archived, never deleted; rows that did not change are not written,
 * so importing the same packages twice changes nothing. A package that would overwrite modules edited
 * in the studio since their last import is refused with `StudioWorkWouldBeOverwritten`, and then
 * nothing is written, unless `force` (ADR 019, "Importer").
 */
export async function importCoursePackages({
  packages,
  force = false,
}: {
  packages: CoursePackage[]
  force?: boolean
}): Promise<ImportReport[]> {
  return getPrisma().$transaction(
    async (tx) => {
      // One import at a time, whichever app instance, CLI or studio upload runs it.
      await lockImports(tx)
      // Every package is checked before any is written: a refusal, like an invalid package, writes nothing.
      const plans: PackagePlan[] = []
      for (const pkg of packages) plans.push(await planPackage(tx, pkg))
      const overwrites = plans.flatMap((plan) => plan.overwrites)
      if (overwrites.length > 0 && !force) throw new StudioWorkWouldBeOverwritten(overwrites)
      const reports: ImportReport[] = []
      for (const plan of plans) reports.push(await importPackage(tx, plan))
      return reports
    },
    { timeout: 120_000, maxWait: 30_000 },
  )
}

async function planPackage(tx: Tx, pkg: CoursePackage): Promise<PackagePlan> {
  const packageHash = hashPackage(pkg)
  const existing = await tx.course.findUnique({
    where: { slug: pkg.course.slug },
    select: { id: true, packageHash: true },
  })
  // An unchanged package is skipped, so it overwrites nothing, whatever the studio did since.
  if (!existing || existing.packageHash === packageHash) return { pkg, packageHash, existing, overwrites: [] }
  const course = { slug: pkg.course.slug, ...existing }
  // The course row is locked first (by the media check), then its modules and drafts: the studio's order.
  const media = await findMediaOverwrites(tx, { course, media: pkg.media })
  const texts = await findStudioOverwrites(tx, { course, pkg })
  return { pkg, packageHash, existing, overwrites: [...texts, ...media] }
}

/**
 * A package uploaded in the studio as a new course (ADR 027), in the caller's transaction: written as an
 * import writes it, but a DRAFT that no learner sees until it is published, with no package hash (so
 * `courses:import` treats it as made in the studio, ADR 019) and no import entry in the audit log (the
 * caller logs the upload, with its author).
 */
export async function createDraftCourseFromPackage(tx: Tx, { pkg }: { pkg: CoursePackage }) {
  await lockImports(tx)
  const plan = { pkg, packageHash: '', existing: null, overwrites: [] }
  return importPackage(tx, plan, 'upload')
}

const lockImports = (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lms:course-import'))`

async function importPackage(
  tx: Tx,
  { pkg, packageHash, existing, overwrites }: PackagePlan,
  as: 'import' | 'upload' = 'import',
): Promise<ImportReport & { courseId?: string }> {
  const report: ImportReport = {
    course: pkg.course.slug,
    outcome: 'unchanged',
    modules: zero(),
    questions: zero(),
    overwritten: overwrites,
  }
  if (existing?.packageHash === packageHash) {
    // Same content, yet perhaps other comments or layout (or a course imported before files were kept).
    await keepPackageFiles(tx, { courseId: existing.id, files: pkg.sourceFiles ?? [] })
    return report
  }

  const { course } = pkg
  const fields = {
    category: course.category,
    version: course.version,
    title: course.title,
    summary: course.summary,
    objectives: course.objectives,
    certificateValidityMonths: course.certificateValidityMonths,
    finalExamRule: course.completion.finalExam,
    glossary: pkg.glossary as unknown as Prisma.InputJsonValue,
    jobAids: pkg.jobAids as unknown as Prisma.InputJsonValue,
    status: as === 'upload' ? ('DRAFT' as const) : ('PUBLISHED' as const),
    packageHash,
    // The import is now the details' last word (ADR 024): a later change of them is no studio work to guard.
    detailsPublishedById: null,
    detailsPublishedAt: null,
  }
  const before = existing ? await readPublishedDetails(tx, { courseId: existing.id }) : null
  const { id: courseId } = existing
    ? await tx.course.update({ where: { id: existing.id }, data: fields, select: { id: true } })
    : await tx.course.create({ data: { slug: course.slug, ...fields }, select: { id: true } })
  report.outcome = existing ? 'updated' : 'created'

  await keepPackageFiles(tx, { courseId, files: pkg.sourceFiles ?? [] })
  const resolveImage = imageResolver(await importMedia(tx, courseId, pkg))
  await importModules(tx, { courseId, pkg, report, resolveImage })
  await recordImportedStructure(tx, { courseId })
  const finalExam = await tx.quiz.findFirst({ where: { courseId, kind: 'FINAL_EXAM' }, select: { id: true } })
  const examId = await writeQuiz(tx, {
    courseId,
    moduleId: null,
    existingId: finalExam?.id ?? null,
    quiz: pkg.finalExam,
    counts: report.questions,
  })
  await followImportedQuiz(tx, { courseId, moduleId: null, quizId: examId, quiz: pkg.finalExam })
  if (before) await followImportedDetails(tx, { courseId, before })
  if (as === 'import') await auditImport(tx, { courseId, pkg, overwrites })
  return { ...report, courseId }
}

/**
 * An entry without an actor for each course an import writes, so the studio's "last change" (ADR 018)
 * is the import when it came last; what a forced import overwrote is in its details.
 */
async function auditImport(
  tx: Tx,
  { courseId, pkg, overwrites }: { courseId: string; pkg: CoursePackage; overwrites: StudioOverwrite[] },
) {
  const overwritten = overwrites.map(({ course: _course, ...item }) => {
    if (item.kind === 'published') return { ...item, revision: item.revision.number }
    if (item.kind === 'details-published')
      return { ...item, published: { ...item.published, at: item.published.at.toISOString() } }
    return item
  })
  await writeAudit(
    {
      actorId: null,
      action: overwrites.length > 0 ? 'course.import_forced' : 'course.imported',
      targetType: COURSE_TARGET,
      targetId: courseId,
      details: { version: pkg.course.version, ...(overwrites.length > 0 && { overwritten }) },
    },
    tx,
  )
}

/** Upserts the package's figures and returns the address of each by file name. */
async function importMedia(tx: Tx, courseId: string, pkg: CoursePackage) {
  const stored = await tx.courseMedia.findMany({ where: { courseId }, select: { name: true, sha256: true } })
  const storedSha = new Map(stored.map((media) => [media.name, media.sha256]))
  const urls = new Map<string, Figure>()
  for (const media of pkg.media) {
    const columns = mediaFileColumns(media)
    urls.set(media.name, figureOf({ ...columns, name: media.name, courseSlug: pkg.course.slug }))
    if (storedSha.get(media.name) === columns.sha256) continue
    // A studio upload the package replaces (only ever with --force) becomes the package's file.
    const data = { ...columns, alt: {}, caption: {}, uploadedById: null }
    await tx.courseMedia.upsert({
      where: { courseId_name: { courseId, name: media.name } },
      create: { courseId, name: media.name, ...data },
      update: data,
    })
  }
  const keep = pkg.media.map((media) => media.name)
  await tx.courseMedia.deleteMany({ where: { courseId, name: { notIn: keep } } })
  return urls
}

async function importModules(
  tx: Tx,
  args: { courseId: string; pkg: CoursePackage; report: ImportReport; resolveImage: ImageResolver },
) {
  const { courseId, pkg, report } = args
  const stored = await tx.module.findMany({
    where: { courseId },
    select: {
      id: true,
      slug: true,
      position: true,
      minutes: true,
      title: true,
      references: true,
      archivedAt: true,
      quiz: { select: { id: true } },
    },
  })
  const bySlug = new Map(stored.map((module) => [module.slug, module]))
  const glossaryHref = glossaryResolver({ course: pkg.course.slug, terms: pkg.glossary })
  for (const [index, module] of pkg.modules.entries()) {
    const fields = {
      position: index + 1,
      minutes: module.meta.minutes,
      title: module.meta.title,
      references: module.meta.references as unknown as Prisma.InputJsonValue,
      archivedAt: null,
    }
    const current = bySlug.get(module.meta.slug)
    let moduleId: string
    let titleChanged = false
    if (!current) {
      moduleId = (
        await tx.module.create({ data: { courseId, slug: module.meta.slug, ...fields }, select: { id: true } })
      ).id
      report.modules.created++
    } else {
      moduleId = current.id
      const changed =
        current.position !== fields.position ||
        current.minutes !== fields.minutes ||
        !same(current.references, fields.references)
      titleChanged = !same(current.title, fields.title)
      if (changed || current.archivedAt !== null || titleChanged) {
        await tx.module.update({ where: { id: moduleId }, data: fields })
        report.modules.updated++
      }
    }
    const bodiesChanged = await importBodies(tx, { moduleId, module, resolveImage: args.resolveImage, glossaryHref })
    if (current && (titleChanged || bodiesChanged))
      await followImportedText(tx, { moduleId, texts: packageTexts(module) })
    const quizId = await writeQuiz(tx, {
      courseId,
      moduleId,
      existingId: current?.quiz?.id ?? null,
      quiz: module.quiz,
      counts: report.questions,
    })
    await followImportedQuiz(tx, { courseId, moduleId, quizId, quiz: module.quiz })
  }
  const kept = new Set(pkg.modules.map((module) => module.meta.slug))
  const gone = stored
    .filter((module) => !kept.has(module.slug) && module.archivedAt === null)
    .map((module) => module.id)
  if (gone.length > 0) {
    await tx.module.updateMany({ where: { courseId, id: { in: gone } }, data: { archivedAt: new Date() } })
    report.modules.archived += gone.length
  }
}

/** Writes the bodies that changed; true when the Markdown of some locale did (not only its HTML). */
async function importBodies(
  tx: Tx,
  {
    moduleId,
    module,
    resolveImage,
    glossaryHref,
  }: {
    moduleId: string
    module: ModulePackage
    resolveImage: ImageResolver
    glossaryHref: (locale: string, term: string) => string | null
  },
): Promise<boolean> {
  const textChanged = await writeModuleBodies(tx, { moduleId, bodies: module.bodies, resolveImage, glossaryHref })
  // A translation withdrawn from the package is withdrawn here too; readers then see the fallback.
  const withdrawn = await tx.moduleContent.deleteMany({
    where: { moduleId, locale: { notIn: Object.keys(module.bodies) } },
  })
  return textChanged || withdrawn.count > 0
}

/**
 * Writes a quiz as learners will draw from it: settings, then its questions matched by slug (changed
 * ones rewritten, missing ones archived). The importer's and the studio's publish (ADR 025). Returns
 * the quiz's id, null when there is none.
 */
export async function writeQuiz(
  tx: Tx,
  args: {
    courseId: string
    moduleId: string | null
    existingId: string | null
    quiz: Quiz | null
    counts: ImportCounts
  },
): Promise<string | null> {
  const { courseId, moduleId, existingId, quiz, counts } = args
  if (!quiz) {
    // Questions stay for the attempts that used them; the quiz simply has nothing left to draw.
    if (existingId) await archiveQuestions(tx, existingId, [], counts)
    return existingId
  }
  const { questions, ...settings } = quiz
  const fields = { ...settings, kind: moduleId ? ('MODULE' as const) : ('FINAL_EXAM' as const) }
  const quizId = existingId
    ? (await tx.quiz.update({ where: { id: existingId, courseId }, data: fields, select: { id: true } })).id
    : (await tx.quiz.create({ data: { courseId, moduleId, ...fields }, select: { id: true } })).id

  const stored = await tx.question.findMany({
    where: { quizId },
    select: { id: true, slug: true, position: true, type: true, points: true, definition: true, archivedAt: true },
  })
  const bySlug = new Map(stored.map((question) => [question.slug, question]))
  for (const [index, question] of questions.entries()) {
    const data = {
      position: index + 1,
      type: question.type,
      points: question.points,
      definition: questionDefinition(question) as Prisma.InputJsonObject,
      archivedAt: null,
    }
    const current = bySlug.get(question.slug)
    if (!current) {
      await tx.question.create({ data: { quizId, slug: question.slug, ...data } })
      counts.created++
    } else if (
      current.position !== data.position ||
      current.type !== data.type ||
      current.points !== data.points ||
      current.archivedAt !== null ||
      !same(current.definition, data.definition)
    ) {
      await tx.question.update({ where: { id: current.id }, data })
      counts.updated++
    }
  }
  await archiveQuestions(
    tx,
    quizId,
    questions.map((question) => question.slug),
    counts,
  )
  return quizId
}

async function archiveQuestions(tx: Tx, quizId: string, keep: string[], counts: ImportCounts) {
  const { count } = await tx.question.updateMany({
    where: { quizId, archivedAt: null, slug: { notIn: keep } },
    data: { archivedAt: new Date() },
  })
  counts.archived += count
}
