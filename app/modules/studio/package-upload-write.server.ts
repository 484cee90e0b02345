import type { Prisma } from '~/generated/prisma/client'
import { mediaFileColumns } from '~/modules/content/media.server'
import type { CoursePackage } from '~/modules/content/package.schema'
import { confirmAllDetails, draftColumns, storedConfirmed } from './course-details'
import { applyDetails } from './course-details.server'
import { writePackageDrafts } from './package-import.server'
import { writeQuizDraftFromPackage } from './quiz-drafts.server'
import type { UploadPlan } from './package-upload-plan.server'
import { lockEditableCourse } from './scope.server'

// An uploaded package written into the drafts of an existing course (ADR 027): what learners read is
// not touched. Module texts and the course details go to their drafts, modules new to the course are
// added unpublished (as the studio adds them), quizzes go to their drafts, new figures are added;
// nothing is archived or deleted.

type Tx = Prisma.TransactionClient
type DraftPlan = Extract<UploadPlan, { mode: 'draft' }>

/**
 * Locks what an upload into `slug` writes, in the order the studio and the importer take it (course,
 * modules, drafts), before the plan is worked out again, so no save, publish or move lands in between.
 */
export async function lockCourseForUpload(tx: Tx, { slug }: { slug: string }) {
  await tx.$queryRaw`SELECT 1 FROM "Course" WHERE "slug" = ${slug} FOR UPDATE`
  await tx.$queryRaw`SELECT 1 FROM "Module" m JOIN "Course" c ON c."id" = m."courseId" WHERE c."slug" = ${slug} FOR UPDATE OF m`
  await tx.$queryRaw`SELECT 1 FROM "ModuleDraft" d JOIN "Module" m ON m."id" = d."moduleId"
    JOIN "Course" c ON c."id" = m."courseId" WHERE c."slug" = ${slug} FOR UPDATE OF d`
}

/** Writes the plan; the course's id, or null when this user is not (or no longer) one of its editors. */
export async function writeUploadIntoDrafts(
  tx: Tx,
  { pkg, plan, userId }: { pkg: CoursePackage; plan: DraftPlan; userId: string },
): Promise<string | null> {
  const course = await lockEditableCourse(tx, { courseSlug: plan.slug, userId })
  if (!course) return null
  for (const module of plan.changed)
    await writePackageDrafts(tx, { moduleId: module.moduleId, texts: module.texts, updatedById: userId })
  await addModules(tx, { courseId: course.id, modules: plan.added, userId })
  const files = pkg.media.filter((file) => plan.media.includes(file.name))
  if (files.length > 0)
    await tx.courseMedia.createMany({
      data: files.map((file) => ({
        courseId: course.id,
        name: file.name,
        ...mediaFileColumns(file),
        uploadedById: userId,
      })),
    })
  await writeDetailsDraft(tx, { courseId: course.id, details: plan.details, userId })
  await writeQuizDrafts(tx, { courseId: course.id, quizzes: plan.quizzes, userId })
  return course.id
}

/** The package's quizzes into their drafts (ADR 025), by module slug: new modules have theirs too. */
async function writeQuizDrafts(
  tx: Tx,
  { courseId, quizzes, userId }: { courseId: string; quizzes: DraftPlan['quizzes']; userId: string },
) {
  if (quizzes.length === 0) return
  const modules = await tx.module.findMany({ where: { courseId }, select: { id: true, slug: true } })
  for (const { module, quiz } of quizzes) {
    const moduleId = module === null ? null : (modules.find((row) => row.slug === module)?.id ?? null)
    if (module !== null && moduleId === null) continue
    await writeQuizDraftFromPackage(tx, { courseId, moduleId, quiz, userId })
  }
}

/** New modules at the end, in the package's order, archived until their first publish (ADR 020). */
async function addModules(
  tx: Tx,
  { courseId, modules, userId }: { courseId: string; modules: DraftPlan['added']; userId: string },
) {
  if (modules.length === 0) return
  const { _max } = await tx.module.aggregate({ where: { courseId }, _max: { position: true } })
  let position = _max.position ?? 0
  for (const module of modules) {
    const { id } = await tx.module.create({
      data: {
        courseId,
        slug: module.slug,
        position: ++position,
        minutes: module.minutes,
        title: module.title,
        archivedAt: new Date(),
      },
      select: { id: true },
    })
    await writePackageDrafts(tx, { moduleId: id, texts: module.texts, updatedById: userId })
  }
}

/**
 * The package's details into the course's details draft (ADR 024), confirmed as a whole and at a new
 * version; a draft course's are applied at once, as its details form does (no learner sees it).
 */
async function writeDetailsDraft(
  tx: Tx,
  { courseId, details, userId }: { courseId: string; details: DraftPlan['details']; userId: string },
) {
  if (details.fields.length === 0) return
  const { values } = details
  const data = {
    ...draftColumns(values),
    confirmed: storedConfirmed(confirmAllDetails(values)),
    updatedById: userId,
  }
  await tx.courseDraft.upsert({
    where: { courseId },
    create: { courseId, ...data },
    update: { ...data, version: { increment: 1 } },
  })
  if (details.courseStatus === 'DRAFT') await applyDetails(tx, { id: courseId }, values, { userId, publish: false })
}
