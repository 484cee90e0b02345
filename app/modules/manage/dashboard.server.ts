import { getPrisma } from '~/utils/db.server'
import { getCompletionsOverTime } from './completions.server'
import { compareMonths, DUE_SOON_DAYS, DUE_SOON_LIMIT } from './dashboard'
import { getCourseSummary } from './matrix.server'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Everything the coordinator's dashboard shows about one administration, each part counted by the
 * database in one aggregate query (an administration has 10,000 officers and more; nothing is counted
 * row by row in JavaScript). Per course and overdue come from the matrix's own summary, so the two
 * pages cannot disagree.
 */
export async function getCoordinatorDashboard({
  administrationId,
  now = new Date(),
}: {
  administrationId: string
  now?: Date
}) {
  const [officers, courses, completions, units, dueSoon] = await Promise.all([
    countOfficers({ administrationId }),
    getCourseSummary({ administrationId, now }),
    getCompletionsOverTime({ administrationId, months: 2, now }),
    rankUnits({ administrationId }),
    listDueSoon({ administrationId, now }),
  ])
  return {
    officers,
    courses,
    overdue: courses.reduce((sum, course) => sum + course.overdue, 0),
    completions: compareMonths(completions),
    units,
    dueSoon,
  }
}

/** The administration's officers by status, derived as on the officer list (`officerStatus`). */
export async function countOfficers({ administrationId }: { administrationId: string }) {
  const [counts] = await getPrisma().$queryRaw<{ active: number; invited: number; deactivated: number }[]>`
    SELECT (count(*) FILTER (WHERE u."disabledAt" IS NULL AND u."passwordHash" IS NOT NULL))::int AS "active",
           (count(*) FILTER (WHERE u."disabledAt" IS NULL AND u."passwordHash" IS NULL))::int AS "invited",
           (count(*) FILTER (WHERE u."disabledAt" IS NOT NULL))::int AS "deactivated"
    FROM "User" u
    WHERE u."administrationId" = ${administrationId} AND u."role" = 'LEARNER'`
  return counts ?? { active: 0, invited: 0, deactivated: 0 }
}

/**
 * The administration's units (and "no unit", id null) by completed share of their officers' enrolments
 * in published courses, best first; units without enrolments last, then by name. The same officers and
 * enrolments as the matrix's summary, deactivated officers included, so the units add up to it.
 */
export async function rankUnits({ administrationId }: { administrationId: string }) {
  return getPrisma().$queryRaw<
    { id: string | null; name: string | null; officers: number; enrolled: number; completed: number }[]
  >`
    SELECT un."id", un."name", count(DISTINCT u."id")::int AS "officers", count(e."id")::int AS "enrolled",
           count(e."completedAt")::int AS "completed"
    FROM "User" u
    LEFT JOIN "Unit" un ON un."id" = u."unitId" AND un."administrationId" = ${administrationId}
    LEFT JOIN "Enrolment" e ON e."userId" = u."id" AND e."administrationId" = ${administrationId}
      AND e."courseId" IN (SELECT c."id" FROM "Course" c WHERE c."status" = 'PUBLISHED')
    WHERE u."administrationId" = ${administrationId} AND u."role" = 'LEARNER'
    GROUP BY un."id", un."name"
    ORDER BY count(e."id") = 0, count(e."completedAt")::float8 / NULLIF(count(e."id"), 0) DESC,
             un."name" ASC NULLS LAST`
}

/**
 * Assignments not completed and due within the next DUE_SOON_DAYS days, soonest first (the first
 * DUE_SOON_LIMIT, and how many there are). Deactivated officers are left out: they cannot sign in to
 * finish, so there is nobody to remind.
 */
export async function listDueSoon({ administrationId, now }: { administrationId: string; now: Date }) {
  const until = new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS)
  const prisma = getPrisma()
  const where = {
    administrationId,
    completedAt: null,
    dueAt: { gte: now, lt: until },
    course: { status: 'PUBLISHED' },
    user: { administrationId, role: 'LEARNER', disabledAt: null },
  } as const
  const [total, rows] = await Promise.all([
    prisma.enrolment.count({ where }),
    prisma.enrolment.findMany({
      where,
      orderBy: [{ dueAt: 'asc' }, { user: { displayName: 'asc' } }, { id: 'asc' }],
      take: DUE_SOON_LIMIT,
      select: {
        dueAt: true,
        modulesCompleted: true,
        user: { select: { id: true, displayName: true } },
        course: { select: { slug: true, title: true } },
      },
    }),
  ])
  return {
    total,
    rows: rows.flatMap(({ dueAt, modulesCompleted, user, course }) =>
      dueAt ? [{ dueAt, started: modulesCompleted > 0, officer: user, course }] : [],
    ),
  }
}
