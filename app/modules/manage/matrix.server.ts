import { getPrisma } from '~/utils/db.server'
import { matrixCell, type CellFacts, type MatrixCell, type MatrixStatus } from './matrix'
import { MATRIX_PAGE_SIZE, selectMatrixOfficers } from './matrix-officers.server'

type CellRow = CellFacts & { userId: string; courseId: string }

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
  const courses = await prisma.course.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: { slug: 'asc' },
    select: { id: true, slug: true, title: true },
  })
  const courseId = (slug: string | undefined) => courses.find((course) => course.slug === slug)?.id
  const statusCourseId = courseId(status?.courseSlug)
  const sortCourseId = courseId(sort?.courseSlug)
  const { total, officers } = await selectMatrixOfficers({
    administrationId,
    query,
    unitId,
    status: status && statusCourseId ? { courseId: statusCourseId, status: status.status } : null,
    sort: sort && sortCourseId ? { courseId: sortCourseId, direction: sort.direction } : null,
    page,
    now,
  })
  const ids = officers.map((officer) => officer.id)
  const rows =
    ids.length === 0
      ? []
      : await prisma.$queryRaw<CellRow[]>`
    SELECT u."id" AS "userId", c."id" AS "courseId", e."id" IS NOT NULL AS "enrolled", e."completedAt",
           e."finalScore", e."dueAt", stats."total", stats."opened", stats."completed"
    FROM "User" u
    CROSS JOIN "Course" c
    LEFT JOIN "Enrolment" e ON e."userId" = u."id" AND e."courseId" = c."id"
    CROSS JOIN LATERAL (
      SELECT count(m."id")::int AS "total", count(p."moduleId")::int AS "opened",
             count(p."completedAt")::int AS "completed"
      FROM "Module" m
      LEFT JOIN "ModuleProgress" p ON p."moduleId" = m."id" AND p."userId" = u."id"
      WHERE m."courseId" = c."id" AND m."archivedAt" IS NULL
    ) stats
    WHERE u."id" = ANY(${ids}::text[]) AND u."administrationId" = ${administrationId} AND c."status" = 'PUBLISHED'`
  const cells = new Map(rows.map((row) => [`${row.userId} ${row.courseId}`, matrixCell(row, now)]))
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
 * Per course, over the administration's officers: enrolled, assigned, completed, average final score,
 * overdue. "Enrolment"."administrationId" (kept by the database for learners only) brings just this
 * administration's rows from an index.
 */
export async function getCourseSummary({
  administrationId,
  now = new Date(),
}: {
  administrationId: string
  now?: Date
}) {
  return getPrisma().$queryRaw<
    {
      slug: string
      title: unknown
      enrolled: number
      assigned: number
      completed: number
      averageScore: number | null
      overdue: number
    }[]
  >`
    SELECT c."slug", c."title", count(e."id")::int AS "enrolled", count(e."assignedById")::int AS "assigned",
           count(e."completedAt")::int AS "completed", avg(e."finalScore")::float8 AS "averageScore",
           (count(*) FILTER (WHERE e."dueAt" < ${now} AND e."completedAt" IS NULL))::int AS "overdue"
    FROM "Course" c
    LEFT JOIN "Enrolment" e ON e."courseId" = c."id" AND e."administrationId" = ${administrationId}
    WHERE c."status" = 'PUBLISHED'
    GROUP BY c."id", c."slug", c."title"
    ORDER BY c."slug"`
}
