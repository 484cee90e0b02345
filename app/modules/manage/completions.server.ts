import { getPrisma } from '~/utils/db.server'
import { completionMonths, type CompletionCounts } from './completions'

/**
 * Course completions per calendar month (UTC) and published course by the administration's officers,
 * over the last `months` months including the current one, counted by the database.
 *
 * A completion is a certificate, not `Enrolment.completedAt`: every completion issues exactly one
 * certificate in the same transaction (ADR 010) and certificates are never deleted, whereas a renewal
 * clears the enrolment's completion and later moves it, so the enrolment forgets the earlier one.
 * Revoked certificates still count, as the enrolment stays completed. A completion counts when the
 * certificate was issued in this administration (its snapshot, indexed) to someone who is a learner of
 * it now (as in the matrix): staff's own certificates and officers who have moved elsewhere do not.
 */
export async function getCompletionsOverTime({
  administrationId,
  months = 12,
  now = new Date(),
}: {
  administrationId: string
  months?: number
  now?: Date
}): Promise<CompletionCounts> {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a positive integer: ${months}`)
  const keys = completionMonths({ now, months })
  const from = `${keys[0]}-01`
  const until = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10)
  // Columns are timestamp(3) in UTC: compare and truncate them as such, whatever the session time zone.
  const rows = await getPrisma().$queryRaw<{ slug: string; title: unknown; month: string | null; count: number }[]>`
    SELECT c."slug", c."title", m."month", m."count"
    FROM "Course" c
    LEFT JOIN (
      SELECT ct."courseId", to_char(date_trunc('month', ct."completedAt"), 'YYYY-MM') AS "month",
             count(*)::int AS "count"
      FROM "Certificate" ct
      WHERE ct."administrationId" = ${administrationId}
        AND ct."completedAt" >= ${from}::timestamp AND ct."completedAt" < ${until}::timestamp
        AND EXISTS (SELECT 1 FROM "User" u
                    WHERE u."id" = ct."userId" AND u."administrationId" = ${administrationId} AND u."role" = 'LEARNER')
      GROUP BY ct."courseId", date_trunc('month', ct."completedAt")
    ) m ON m."courseId" = c."id"
    WHERE c."status" = 'PUBLISHED'
    ORDER BY c."slug", m."month"`
  const courses = new Map(rows.map(({ slug, title }) => [slug, { slug, title }]))
  return {
    months: keys,
    courses: [...courses.values()],
    counts: rows.flatMap(({ slug, month, count }) => (month === null ? [] : [{ slug, month, count }])),
  }
}
