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
