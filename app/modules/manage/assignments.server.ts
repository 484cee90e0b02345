import { Prisma } from '~/generated/prisma/client'
import { writeAudit } from '~/modules/audit/audit.server'
import { getPrisma } from '~/utils/db.server'

export class AssignmentTargetNotFound extends Error {}

/**
 * Assigns a published course with a due date to officers of the administration: the chosen ones, or
 * everyone active in a unit. Assigning enrols; an officer already enrolled gets the assignment and the
 * new due date, and keeps their progress. All or nothing: a course, unit or officer that is not there
 * (or belongs to another administration) writes nothing. Returns how many officers it covers.
 */
export async function assignCourse({
  administrationId,
  courseSlug,
  officerIds,
  unitId,
  dueAt,
  actorId,
}: {
  administrationId: string
  courseSlug: string
  officerIds: string[]
  unitId: string | null
  dueAt: Date
  actorId: string
}) {
  return getPrisma().$transaction(async (tx) => {
    const course = await tx.course.findFirst({ where: { slug: courseSlug, status: 'PUBLISHED' }, select: { id: true } })
    if (!course) throw new AssignmentTargetNotFound()
    const officers = { administrationId, role: 'LEARNER' as const, disabledAt: null }
    if (unitId && (await tx.unit.count({ where: { id: unitId, administrationId } })) === 0) {
      throw new AssignmentTargetNotFound()
    }
    const chosen = [...new Set(officerIds)]
    if (!unitId && chosen.length === 0) return 0
    if (chosen.length > 0 && (await tx.user.count({ where: { ...officers, id: { in: chosen } } })) !== chosen.length) {
      throw new AssignmentTargetNotFound()
    }
    const target = unitId ? Prisma.sql`u."unitId" = ${unitId}` : Prisma.sql`u."id" = ANY(${chosen}::text[])`
    const assigned = await tx.$executeRaw`
      INSERT INTO "Enrolment" ("id", "userId", "courseId", "assignedById", "dueAt")
      SELECT gen_random_uuid()::text, u."id", ${course.id}, ${actorId}, ${dueAt}
      FROM "User" u
      WHERE u."administrationId" = ${administrationId} AND u."role" = 'LEARNER' AND u."disabledAt" IS NULL AND ${target}
      ON CONFLICT ("userId", "courseId") DO UPDATE
        SET "assignedById" = EXCLUDED."assignedById", "dueAt" = EXCLUDED."dueAt"`
    await writeAudit(
      {
        actorId,
        action: 'course.assign',
        targetType: 'Course',
        targetId: course.id,
        administrationId,
        details: { course: courseSlug, officers: assigned, unitId, dueAt: dueAt.toISOString() },
      },
      tx,
    )
    return assigned
  })
}

/** The published courses a manager can assign, for the form. */
export async function listAssignableCourses() {
  return getPrisma().course.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: { slug: 'asc' },
    select: { slug: true, title: true },
  })
}
