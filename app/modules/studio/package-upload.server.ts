import { Prisma } from '~/generated/prisma/client'
import { writeAudit } from '~/modules/audit/audit.server'
import { createDraftCourseFromPackage } from '~/modules/content/import.server'
import { sha256 } from '~/modules/content/package-hash'
import type { CoursePackage } from '~/modules/content/package.schema'
import { getPrisma } from '~/utils/db.server'
import { COURSE_TARGET } from './courses.server'
import { readUploadedPackage, type UploadProblem } from './package-upload-check.server'
import { planPackageUpload, type UploadPlan } from './package-upload-plan.server'
import { lockCourseForUpload, writeUploadIntoDrafts } from './package-upload-write.server'

// Uploading a course package in the studio (ADR 027): check → report → confirm. The check stores the
// archive for its uploader only; nothing of the course is written until the confirmation, which checks
// the stored archive again and imports it as a new draft course or into the drafts of the author's own
// course with the same slug.

/** How long a checked archive waits for its confirmation. */
export const UPLOAD_TTL_MS = 60 * 60 * 1000

export type UploadMode = 'new' | 'draft'

export interface UploadCheck {
  /** Set when the package can be imported: what the confirmation names. */
  uploadId: string | null
  fileName: string
  problems: UploadProblem[]
  plan: UploadPlan | null
}

const hasErrors = (problems: UploadProblem[]) => problems.some((problem) => problem.severity === 'error')

async function checkBytes({ bytes, userId }: { bytes: Uint8Array; userId: string }) {
  const { pkg, problems } = await readUploadedPackage(bytes)
  if (!pkg || hasErrors(problems)) return { pkg: null, plan: null, problems }
  const planned = await planPackageUpload(getPrisma(), { pkg, userId })
  return { pkg, plan: planned.plan, problems: [...problems, ...planned.problems] }
}

/**
 * Checks an uploaded archive and reports every problem; writes nothing of any course. A package that
 * can be imported is kept for this user (replacing any other they had waiting) until they confirm.
 */
export async function checkPackageUpload({
  bytes,
  fileName,
  userId,
}: {
  bytes: Uint8Array
  fileName: string
  userId: string
}): Promise<UploadCheck> {
  const { plan, problems } = await checkBytes({ bytes, userId })
  const prisma = getPrisma()
  await prisma.packageUpload.deleteMany({ where: { OR: [{ userId }, { expiresAt: { lt: new Date() } }] } })
  if (!plan || hasErrors(problems)) return { uploadId: null, fileName, problems, plan: null }
  const { id } = await prisma.packageUpload.create({
    data: {
      userId,
      fileName: fileName.slice(0, 200),
      bytes: new Uint8Array(bytes),
      sha256: sha256(Buffer.from(bytes)),
      expiresAt: new Date(Date.now() + UPLOAD_TTL_MS),
    },
    select: { id: true },
  })
  return { uploadId: id, fileName, problems, plan }
}

/** This user's waiting archive, checked again (the course may have changed since); null when there is none. */
export async function getPackageUpload({ uploadId, userId }: { uploadId: string; userId: string }) {
  const upload = await getPrisma().packageUpload.findFirst({
    where: { id: uploadId, userId, expiresAt: { gt: new Date() } },
    select: { bytes: true, fileName: true },
  })
  if (!upload) return null
  const checked = await checkBytes({ bytes: upload.bytes, userId })
  return { ...checked, fileName: upload.fileName }
}

export async function cancelPackageUpload({ uploadId, userId }: { uploadId: string; userId: string }) {
  const { count } = await getPrisma().packageUpload.deleteMany({ where: { id: uploadId, userId } })
  return count > 0
}

export type ImportUploadResult =
  | { status: 'imported'; mode: UploadMode; slug: string }
  | { status: 'not-found' }
  /** The course or the package is no longer what the author confirmed: check again. */
  | { status: 'changed'; problems: UploadProblem[] }

/**
 * Imports this user's checked archive as the `mode` they confirmed: 'new' makes a DRAFT course of it
 * with them as its editor; 'draft' writes it into the drafts of their course with the same slug (never
 * over what learners read). The whole import is one transaction, audit-logged with its author.
 */
export async function importUploadedPackage({
  uploadId,
  userId,
  mode,
}: {
  uploadId: string
  userId: string
  mode: UploadMode
}): Promise<ImportUploadResult> {
  const upload = await getPrisma().packageUpload.findFirst({
    where: { id: uploadId, userId, expiresAt: { gt: new Date() } },
    select: { bytes: true, fileName: true, sha256: true },
  })
  if (!upload) return { status: 'not-found' }
  const { pkg, problems } = await readUploadedPackage(upload.bytes)
  if (!pkg || hasErrors(problems)) return { status: 'changed', problems }
  const audit = { file: upload.fileName, sha256: upload.sha256 }
  try {
    const outcome = await getPrisma().$transaction(
      async (tx) => {
        // Planned again in the transaction, under the locks: the course may have been created, or changed.
        await lockCourseForUpload(tx, { slug: pkg.course.slug })
        const planned = await planPackageUpload(tx, { pkg, userId })
        if (!planned.plan || planned.plan.mode !== mode)
          return { status: 'changed' as const, problems: planned.problems }
        const { plan } = planned
        const courseId =
          plan.mode === 'new'
            ? await createCourse(tx, { pkg, userId })
            : await writeUploadIntoDrafts(tx, { pkg, plan, userId })
        if (courseId === null) return { status: 'changed' as const, problems: [] }
        await writeAudit(
          {
            actorId: userId,
            action: 'studio.package.uploaded',
            targetType: COURSE_TARGET,
            targetId: courseId,
            details: { mode, ...audit, ...summary(plan) },
          },
          tx,
        )
        await tx.packageUpload.deleteMany({ where: { id: uploadId, userId } })
        return { status: 'imported' as const, mode, slug: pkg.course.slug }
      },
      { timeout: 120_000, maxWait: 30_000 },
    )
    return outcome
  } catch (error) {
    // Two authors confirming the same new slug at once: the unique slug lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      return { status: 'changed', problems: [] }
    throw error
  }
}

async function createCourse(tx: Prisma.TransactionClient, { pkg, userId }: { pkg: CoursePackage; userId: string }) {
  const { courseId } = await createDraftCourseFromPackage(tx, { pkg })
  if (!courseId) return null
  await tx.courseEditor.create({ data: { courseId, userId } })
  return courseId
}

/** What the audit entry records of an import: the modules, figures and details it wrote. */
function summary(plan: UploadPlan): Prisma.InputJsonObject {
  if (plan.mode === 'new') return { modules: plan.modules, questions: plan.questions, media: plan.media }
  return {
    modules: plan.changed.map((module) => module.slug),
    added: plan.added.map((module) => module.slug),
    media: plan.media,
    details: plan.details.fields,
    quizzes: plan.quizzes.map((quiz) => quiz.module ?? 'final-exam'),
  }
}
