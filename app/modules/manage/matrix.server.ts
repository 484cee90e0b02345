import { getPrisma } from '~/utils/db.server'
import { matrixCell, type CourseSummaryRow, type MatrixCell, type MatrixStatus } from './matrix'
import { MATRIX_PAGE_SIZE, selectMatrixOfficers } from './matrix-officers.server'

/**
 * One page of the completion matrix: the administration's officers (filtered by text, unit and one
 * course's status; by name or by progress in one course) × the published courses. The officers are
 * paged first, so the cells are computed for at most 50 officers, whatever the size of the administration.
 * A course slug that names no published course filters or sorts nothing.
 */
export async function getCompletionMatrix({
  administrationId,
  query = '',
  unitId = null,
  status = null,
  sort = null,
  page = 1,
  now = new Date(),
}: {
  administrationId: string
  query?: string
  unitId?: string | null
  status?: { courseSlug: string; status: MatrixStatus } | null
  sort?: { courseSlug: string; direction: 'asc' | 'desc' } | null
  /** A page of MATRIX_PAGE_SIZE officers, or every officer (exports). */
  page?: number | 'all'
  now?: Date
}) {
  const prisma = getPrisma()
  const courses = (
    await prisma.course.findMany({
      where: { status: 'PUBLISHED' },
      orderBy: { slug: 'asc' },
      select: { id: true, slug: true, title: true, _count: { select: { modules: { where: { archivedAt: null } } } } },
    })
  ).map(({ _count, ...course }) => ({ ...course, modules: _count.modules }))
  const course = (slug: string | undefined) => courses.find((candidate) => candidate.slug === slug)
  const statusCourse = course(status?.courseSlug)
  const sortCourse = course(sort?.courseSlug)
  const { total, officers } = await selectMatrixOfficers({
    administrationId,
    query,
    unitId,
    status: status && statusCourse ? { courseId: statusCourse.id, status: status.status } : null,
    sort: sort && sortCourse ? { course: sortCourse, direction: sort.direction } : null,
    page,
    now,
  })
  const ids = officers.map((officer) => officer.id)
  // The module counts are kept on the enrolment by the database (migration 20261203130000).
  const enrolments =
    ids.length === 0
      ? []
      : await prisma.enrolment.findMany({
          where: { userId: { in: ids }, user: { administrationId }, courseId: { in: courses.map(({ id }) => id) } },
          select: {
            userId: true,
            courseId: true,
            completedAt: true,
            finalScore: true,
            dueAt: true,
            modulesOpened: true,
            modulesCompleted: true,
          },
        })
  const modules = new Map(courses.map((course) => [course.id, course.modules]))
  const cells = new Map(
    enrolments.map(({ userId, courseId, modulesOpened, modulesCompleted, ...enrolment }) => [
      `${userId} ${courseId}`,
      matrixCell(
        {
          ...enrolment,
          enrolled: true,
          total: modules.get(courseId) ?? 0,
          opened: modulesOpened,
          completed: modulesCompleted,
        },
        now,
      ),
    ]),
  )
  return {
    total,
    pages: Math.max(1, Math.ceil(total / MATRIX_PAGE_SIZE)),
    courses: courses.map(({ slug, title }) => ({ slug, title })),
    officers: officers.map((officer) => ({
      ...officer,
      cells: courses.map((course): MatrixCell => cells.get(`${officer.id} ${course.id}`) ?? { state: 'not-enrolled' }),
    })),
  }
}

/**
 * Per course, over the administration's officers: enrolled, assigned, not started, in progress,
 * completed, average final score, overdue (the same states as the cells). "Enrolment"."administrationId"
 * (kept by the database for learners only) brings just this administration's rows from an index.
 */
export async function getCourseSummary({
  administrationId,
  now = new Date(),
}: {
  administrationId: string
  now?: Date
}) {
  return getPrisma().$queryRaw<CourseSummaryRow<unknown>[]>`
    SELECT c."slug", c."title", count(e."id")::int AS "enrolled", count(e."assignedById")::int AS "assigned",
           (count(*) FILTER (WHERE e."completedAt" IS NULL AND e."modulesCompleted" = 0))::int AS "notStarted",
           (count(*) FILTER (WHERE e."completedAt" IS NULL AND e."modulesCompleted" > 0))::int AS "inProgress",
           count(e."completedAt")::int AS "completed", avg(e."finalScore")::float8 AS "averageScore",
           (count(*) FILTER (WHERE e."dueAt" < ${now} AND e."completedAt" IS NULL))::int AS "overdue"
    FROM "Course" c
    LEFT JOIN "Enrolment" e ON e."courseId" = c."id" AND e."administrationId" = ${administrationId}
    WHERE c."status" = 'PUBLISHED'
    GROUP BY c."id", c."slug", c."title"
    ORDER BY c."slug"`
}
