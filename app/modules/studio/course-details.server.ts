import type { Prisma } from '~/generated/prisma/client'
import type { Locale } from '~/i18n/config'
import { writeAudit } from '~/modules/audit/audit.server'
import { getPrisma } from '~/utils/db.server'
import {
  changedFields,
  confirmAllDetails,
  confirmDetailsField,
  courseColumns,
  detailsProblems,
  courseDetailsSelect,
  draftColumns,
  detailsStatus,
  draftDetails,
  parseDetailsConfirmed,
  publishedDetails,
  storedConfirmed,
  type CourseDetails,
} from './course-details'
import type { TextField } from './course.schema'
import { COURSE_TARGET } from './courses.server'
import { DetailsConflict, DetailsPublishRefused } from './errors'
import { lockEditableCourse } from './scope.server'

// A course's details through a draft (ADR 024): saves go to CourseDraft under an optimistic lock, and
// learners read the Course row until an editor publishes. Every write holds the course row's lock (the
// one the module list and the importer take), finds the course by editor, and is audit-logged.

type Tx = Prisma.TransactionClient

const courseSelect = { id: true, status: true, ...courseDetailsSelect } satisfies Prisma.CourseSelect
type CourseRow = Prisma.CourseGetPayload<{ select: typeof courseSelect }>

async function displayName(db: Pick<Tx, 'user'>, userId: string | null) {
  if (!userId) return null
  const user = await db.user.findUnique({ where: { id: userId }, select: { displayName: true } })
  return user?.displayName ?? null
}

type Locked = CourseRow & { published: CourseDetails; finalExam: boolean }

/** Whether the course has a final exam (its details then have a pass mark); null for no such course. */
export async function courseHasFinalExam({ slug }: { slug: string }) {
  const course = await getPrisma().course.findUnique({
    where: { slug },
    select: { _count: { select: { quizzes: { where: { kind: 'FINAL_EXAM' } } } } },
  })
  return course ? course._count.quizzes > 0 : null
}

/** Who writes which course's details, from which version of the draft (0: none yet). */
interface DetailsWrite {
  userId: string
  courseSlug: string
  version: number
}

/**
 * Runs `write` on the course, found by editor and locked, once the draft is still at `version`
 * (`DetailsConflict` otherwise); 'not-found' for anyone else or no such course.
 */
async function withLockedCourse<T>(
  { courseSlug, userId, version }: DetailsWrite,
  write: (tx: Tx, course: Locked) => Promise<T>,
): Promise<T | 'not-found'> {
  return getPrisma().$transaction(async (tx) => {
    const locked = await lockEditableCourse(tx, { courseSlug, userId })
    if (!locked) return 'not-found'
    const row = await tx.course.findUniqueOrThrow({ where: { id: locked.id }, select: courseSelect })
    const course = { ...row, published: publishedDetails(row), finalExam: row.quizzes.length > 0 }
    await requireVersion(tx, course, version)
    return write(tx, course)
  })
}

/** Every write names the draft version the author saw; another one is a conflict. */
async function requireVersion(tx: Tx, course: Locked, baseVersion: number) {
  const draft = course.detailsDraft
  if ((draft?.version ?? 0) === baseVersion) return
  throw new DetailsConflict({
    details: draft ? draftDetails(draft) : course.published,
    version: draft?.version ?? 0,
    updatedBy: await displayName(tx, draft?.updatedById ?? null),
    updatedAt: draft?.updatedAt ?? null,
  })
}

const audit = (tx: Tx, course: { id: string }, actorId: string, action: string, details: Prisma.InputJsonObject) =>
  writeAudit(
    { actorId, action: `studio.course.${action}`, targetType: COURSE_TARGET, targetId: course.id, details },
    tx,
  )

const editedBy = (userId: string) => ({ editors: { some: { userId } } })

/** Writes the details where learners read them; the editor scope is in each write's own `where`. */
export async function applyDetails(
  tx: Tx,
  { id }: { id: string },
  details: CourseDetails,
  { userId, publish }: { userId: string; publish: boolean },
) {
  const published = publish && { detailsPublishedById: userId, detailsPublishedAt: new Date() }
  await tx.course.updateMany({ where: { id, ...editedBy(userId) }, data: { ...courseColumns(details), ...published } })
  if (details.passMark !== null)
    await tx.quiz.updateMany({
      where: { kind: 'FINAL_EXAM', course: { id, ...editedBy(userId) } },
      data: { passMark: details.passMark },
    })
}

export type SaveDetailsResult = 'saved' | 'applied' | 'unchanged' | 'not-found'

/**
 * Saves the details form into the draft if it is still at `version` (`DetailsConflict` otherwise,
 * writing nothing). A draft course's details are applied at once ('applied'): no learner sees them.
 * The first save makes the draft from the published details, confirmed as they are (ADR 019).
 */
export async function saveCourseDetails({
  input,
  ...write
}: DetailsWrite & {
  input: Omit<CourseDetails, 'passMark' | 'certificateValidityMonths'> & {
    certificateValidityMonths?: number
    passMark?: number
  }
}): Promise<SaveDetailsResult> {
  const { userId } = write
  return withLockedCourse(write, async (tx, course) => {
    const current = course.detailsDraft ? draftDetails(course.detailsDraft) : course.published
    const next: CourseDetails = {
      ...input,
      certificateValidityMonths: input.certificateValidityMonths ?? null,
      passMark: course.finalExam ? (input.passMark ?? current.passMark) : null,
    }
    const fields = changedFields(next, current)
    if (fields.length === 0) return 'unchanged'
    const values = { ...draftColumns(next), updatedById: userId }
    if (course.detailsDraft)
      await tx.courseDraft.updateMany({
        where: { courseId: course.id, course: editedBy(userId) },
        data: { ...values, version: { increment: 1 } },
      })
    else
      await tx.courseDraft.create({
        data: { courseId: course.id, ...values, confirmed: storedConfirmed(confirmAllDetails(course.published)) },
      })
    if (course.status === 'DRAFT') {
      await applyDetails(tx, course, next, { userId, publish: false })
      await audit(tx, course, userId, 'updated', { fields })
      return 'applied'
    }
    await audit(tx, course, userId, 'details_saved', { fields })
    return 'saved'
  })
}

/**
 * Publishes the draft the author saw (`version`): checked as `courses:validate --strict` checks a
 * package (`DetailsPublishRefused`, writing nothing), then written where learners read it.
 */
export async function publishCourseDetails(write: DetailsWrite): Promise<'published' | 'unchanged' | 'not-found'> {
  const { userId } = write
  return withLockedCourse(write, async (tx, course) => {
    if (!course.detailsDraft) return 'unchanged'
    const next = draftDetails(course.detailsDraft)
    const fields = changedFields(next, course.published)
    if (fields.length === 0) return 'unchanged'
    const problems = detailsProblems(next, { finalExam: course.finalExam })
    if (problems.length > 0) throw new DetailsPublishRefused(problems)
    await applyDetails(tx, course, next, { userId, publish: true })
    await audit(tx, course, userId, 'details_published', { fields })
    return 'published'
  })
}

/** Puts the published details back into the draft, at a new version; confirmations stay, as for modules. */
export async function discardCourseDetails(write: DetailsWrite): Promise<'discarded' | 'unchanged' | 'not-found'> {
  const { userId } = write
  return withLockedCourse(write, async (tx, course) => {
    const draft = course.detailsDraft
    const fields = draft ? changedFields(draftDetails(draft), course.published) : []
    if (fields.length === 0) return 'unchanged'
    await tx.courseDraft.updateMany({
      where: { courseId: course.id, course: editedBy(userId) },
      data: { ...draftColumns(course.published), version: { increment: 1 }, updatedById: userId },
    })
    await audit(tx, course, userId, 'details_discarded', { fields })
    return 'discarded'
  })
}

/**
 * "Mark as up to date" for one language's title or summary (ADR 019): it and the other languages now
 * say the same. No new version: the texts did not change, so an open form may still save.
 */
export async function confirmCourseDetails({
  locale,
  field,
  ...write
}: DetailsWrite & { locale: Locale; field: TextField }): Promise<'confirmed' | 'unchanged' | 'not-found'> {
  const { userId } = write
  return withLockedCourse(write, async (tx, course) => {
    const draft = course.detailsDraft
    // Without a draft the details are the published ones, confirmed as a whole.
    if (!draft) return 'unchanged'
    const details = draftDetails(draft)
    const confirmed = parseDetailsConfirmed(draft.confirmed)
    if (detailsStatus(details, confirmed)[field][locale].state !== 'outOfDate') return 'unchanged'
    const updated = confirmDetailsField(details, confirmed, locale, field)
    if (!updated) return 'unchanged'
    await tx.courseDraft.updateMany({
      where: { courseId: course.id, course: editedBy(userId) },
      data: { confirmed: storedConfirmed(updated) },
    })
    await audit(tx, course, userId, 'details_confirmed', { locale, field })
    return 'confirmed'
  })
}
