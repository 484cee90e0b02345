import { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/utils/db.server'
import type { MatrixStatus } from './matrix'

export const MATRIX_PAGE_SIZE = 50

export interface OfficerSelection {
  administrationId: string
  query: string
  unitId: string | null
  /** Only the officers whose cell for this course says this (overdue: past due and not completed). */
  status: { courseId: string; status: MatrixStatus } | null
  /** By progress in this course: not enrolled, not started, in progress by percent, completed; then by name. */
  sort: { courseId: string; direction: 'asc' | 'desc' } | null
  /** A page of MATRIX_PAGE_SIZE officers, or every officer (exports). */
  page: number | 'all'
  now: Date
}

export interface MatrixOfficer {
  id: string
  displayName: string
  email: string
  unit: string | null
  deactivated: boolean
}

/**
 * The officers of one page of the matrix, and how many match in all. Filtering and sorting by a
 * course's cell happen in the database over the administration's officers, so the page is right
 * whatever its size and only its 50 rows come back.
 */
export async function selectMatrixOfficers(selection: OfficerSelection) {
  const from = officersFrom(selection)
  const order = selection.sort
    ? Prisma.sql`ORDER BY ${progressRank('sorted')} ${Prisma.raw(selection.sort.direction === 'asc' ? 'ASC' : 'DESC')},
        u."displayName" ASC, u."id" ASC`
    : Prisma.sql`ORDER BY u."displayName" ASC, u."id" ASC`
  const page =
    selection.page === 'all'
      ? Prisma.empty
      : Prisma.sql`LIMIT ${MATRIX_PAGE_SIZE} OFFSET ${(selection.page - 1) * MATRIX_PAGE_SIZE}`
  const prisma = getPrisma()
  const [officers, [counted]] = await Promise.all([
    prisma.$queryRaw<(Omit<MatrixOfficer, 'deactivated'> & { disabledAt: Date | null })[]>`
      SELECT u."id", u."displayName", u."email", u."disabledAt", un."name" AS "unit"
      ${from} ${order} ${page}`,
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" ${from}`,
  ])
  return {
    total: counted?.total ?? 0,
    officers: officers.map(({ disabledAt, ...officer }): MatrixOfficer => ({
      ...officer,
      deactivated: disabledAt !== null,
    })),
  }
}

function officersFrom({ administrationId, query, unitId, status, sort, now }: OfficerSelection) {
  const text = query.trim()
  const pattern = `%${text.replace(/[\\%_]/g, '\\$&')}%`
  const conditions = [
    Prisma.sql`u."administrationId" = ${administrationId}`,
    Prisma.sql`u."role" = 'LEARNER'`,
    ...(unitId ? [Prisma.sql`u."unitId" = ${unitId}`] : []),
    ...(text ? [Prisma.sql`(u."displayName" ILIKE ${pattern} OR u."email" LIKE ${pattern.toLowerCase()})`] : []),
    ...(status ? [statusCondition('filtered', status.status, now)] : []),
  ]
  return Prisma.sql`
    FROM "User" u
    LEFT JOIN "Unit" un ON un."id" = u."unitId"
    ${status ? courseFacts('filtered', status.courseId) : Prisma.empty}
    ${sort ? courseFacts('sorted', sort.courseId) : Prisma.empty}
    WHERE ${Prisma.join(conditions, ' AND ')}`
}

/** The enrolment `<alias>_e` and the module counts `<alias>_m` of officer `u` in one course. */
function courseFacts(alias: 'filtered' | 'sorted', courseId: string) {
  const enrolment = Prisma.raw(`"${alias}_e"`)
  const modules = Prisma.raw(`"${alias}_m"`)
  return Prisma.sql`
    LEFT JOIN "Enrolment" ${enrolment} ON ${enrolment}."userId" = u."id" AND ${enrolment}."courseId" = ${courseId}
    LEFT JOIN LATERAL (
      SELECT count(m."id")::int AS "total", count(p."moduleId")::int AS "opened",
             count(p."completedAt")::int AS "completed"
      FROM "Module" m
      LEFT JOIN "ModuleProgress" p ON p."moduleId" = m."id" AND p."userId" = u."id"
      WHERE m."courseId" = ${courseId} AND m."archivedAt" IS NULL AND ${enrolment}."completedAt" IS NULL
    ) ${modules} ON ${enrolment}."id" IS NOT NULL`
}

/** The same states as `matrixCell`, in SQL. */
function statusCondition(alias: 'filtered', status: MatrixStatus, now: Date) {
  const e = Prisma.raw(`"${alias}_e"`)
  const m = Prisma.raw(`"${alias}_m"`)
  const open = Prisma.sql`${e}."id" IS NOT NULL AND ${e}."completedAt" IS NULL`
  switch (status) {
    case 'not-enrolled':
      return Prisma.sql`${e}."id" IS NULL`
    case 'completed':
      return Prisma.sql`${e}."completedAt" IS NOT NULL`
    case 'overdue':
      return Prisma.sql`(${open} AND ${e}."dueAt" < ${now})`
    case 'not-started':
      return Prisma.sql`(${open} AND ${m}."opened" = 0)`
    case 'in-progress':
      return Prisma.sql`(${open} AND ${m}."opened" > 0)`
  }
}

/** -1 not enrolled, 0 not started, 1 + percent in progress, 200 completed. */
function progressRank(alias: 'sorted') {
  const e = Prisma.raw(`"${alias}_e"`)
  const m = Prisma.raw(`"${alias}_m"`)
  return Prisma.sql`CASE
    WHEN ${e}."id" IS NULL THEN -1
    WHEN ${e}."completedAt" IS NOT NULL THEN 200
    WHEN ${m}."opened" = 0 THEN 0
    ELSE 1 + floor(${m}."completed" * 100.0 / greatest(${m}."total", 1)) END`
}
