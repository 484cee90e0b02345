import type { Prisma } from '~/generated/prisma/client'

/**
 * The modules a user may change in the studio, for the `where` of every studio write (ADR 019): those
 * of courses the user is an editor of (CourseEditor, ADR 018). Anyone else's write matches nothing.
 */
export function editableModuleWhere({
  moduleId,
  userId,
}: {
  moduleId: string
  userId: string
}): Prisma.ModuleWhereInput {
  return { id: moduleId, course: { editors: { some: { userId } } } }
}

/** The same, for a module named by its address (course and module slugs), as the autosave endpoint has it. */
export function editableModuleBySlugWhere({
  courseSlug,
  moduleSlug,
  userId,
}: {
  courseSlug: string
  moduleSlug: string
  userId: string
}): Prisma.ModuleWhereInput {
  return { slug: moduleSlug, course: { slug: courseSlug, editors: { some: { userId } } } }
}

/**
 * The course, if this user is one of its editors (ADR 018), locked for the rest of the transaction:
 * the module list's writes (positions are renumbered one writer at a time), the details draft's, and
 * the importer's check (ADR 024) take it first.
 */
export async function lockEditableCourse(
  tx: Prisma.TransactionClient,
  { courseSlug, userId }: { courseSlug: string; userId: string },
) {
  const course = await tx.course.findFirst({
    where: { slug: courseSlug, editors: { some: { userId } } },
    select: { id: true },
  })
  if (course) await tx.$queryRaw`SELECT 1 FROM "Course" WHERE "id" = ${course.id} FOR UPDATE`
  return course
}
