import { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/utils/db.server'
import { writeAudit } from '~/modules/audit/audit.server'
import { can } from '~/modules/auth/permissions'
import { COURSE_TARGET } from './courses.server'

export type AddEditorResult = 'added' | 'course-not-found' | 'unknown-email' | 'not-an-author' | 'already-editor'

/** Adds an author (a user whose role may author courses) to a course's editors, by e-mail. */
export async function addCourseEditor({
  actorId,
  courseSlug,
  email,
}: {
  actorId: string
  courseSlug: string
  email: string
}): Promise<AddEditorResult> {
  const prisma = getPrisma()
  const [course, user] = await Promise.all([
    prisma.course.findUnique({ where: { slug: courseSlug }, select: { id: true } }),
    prisma.user.findUnique({ where: { email }, select: { id: true, role: true, disabledAt: true } }),
  ])
  if (!course) return 'course-not-found'
  if (!user || user.disabledAt) return 'unknown-email'
  if (!can(user.role, 'author:courses')) return 'not-an-author'
  try {
    await prisma.$transaction(async (tx) => {
      await tx.courseEditor.create({ data: { courseId: course.id, userId: user.id, addedById: actorId } })
      await writeAudit(
        {
          actorId,
          action: 'studio.editor.added',
          targetType: COURSE_TARGET,
          targetId: course.id,
          details: { userId: user.id },
        },
        tx,
      )
    })
    return 'added'
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return 'already-editor'
    throw error
  }
}

/** Removes one editor of a course; 'not-found' when they were not one (or there is no such course). */
export async function removeCourseEditor({
  actorId,
  courseSlug,
  userId,
}: {
  actorId: string
  courseSlug: string
  userId: string
}): Promise<'removed' | 'not-found'> {
  return getPrisma().$transaction(async (tx) => {
    const course = await tx.course.findUnique({ where: { slug: courseSlug }, select: { id: true } })
    if (!course) return 'not-found'
    const { count } = await tx.courseEditor.deleteMany({ where: { courseId: course.id, userId } })
    if (count === 0) return 'not-found'
    await writeAudit(
      {
        actorId,
        action: 'studio.editor.removed',
        targetType: COURSE_TARGET,
        targetId: course.id,
        details: { userId },
      },
      tx,
    )
    return 'removed'
  })
}

/** Whether the user edits the course: a route's early answer, before it reads a large body. Writes still check in their own query. */
export async function isCourseEditor({ courseSlug, userId }: { courseSlug: string; userId: string }) {
  const editor = await getPrisma().courseEditor.findFirst({
    where: { userId, course: { slug: courseSlug } },
    select: { userId: true },
  })
  return editor !== null
}
