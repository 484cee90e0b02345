import { getPrisma } from '~/utils/db.server'

/**
 * One row per administration for the platform's admins: officers, enrolments, completed share and
 * overdue assignments, counted by the database.
 */
export async function getAdministrationOverview({ now = new Date() }: { now?: Date } = {}) {
  return getPrisma().$queryRaw<
    { code: string; name: unknown; officers: number; enrolments: number; completed: number; overdue: number }[]
  >`
    SELECT a."code", a."name", count(DISTINCT u."id")::int AS "officers", count(e."id")::int AS "enrolments",
           count(e."completedAt")::int AS "completed",
           (count(e."id") FILTER (WHERE e."dueAt" < ${now} AND e."completedAt" IS NULL))::int AS "overdue"
    FROM "Administration" a
    LEFT JOIN "User" u ON u."administrationId" = a."id" AND u."role" = 'LEARNER'
    LEFT JOIN "Enrolment" e ON e."userId" = u."id"
    GROUP BY a."id", a."code", a."name"
    ORDER BY a."code"`
}
