import type { Prisma } from '~/generated/prisma/client'

/**
 * The modules a user may change in the studio, for the `where` of every studio write (ADR 019).
 * SEAM: the course-editor list (CourseEditor, ADR 018, branch studio-access) is not merged yet; when it
 * is, this becomes `{ id: moduleId, course: { editors: { some: { userId } } } }` and every caller is
 * scoped at once. Until then the routes (not built yet) are the only gate.
 */
export function editableModuleWhere({ moduleId }: { moduleId: string; userId: string }): Prisma.ModuleWhereInput {
  return { id: moduleId }
}
