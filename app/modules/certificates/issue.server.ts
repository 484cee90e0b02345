import { randomUUID } from 'node:crypto'
import type { Prisma } from '~/generated/prisma/client'
import { generateCode } from './code'

/**
 * Issues the certificate of the learner's current completion of the course, inside the transaction
 * that completed it: a snapshot of the name (and its Latin spelling), administration, course title and version, score and
 * dates as they are now. The unique (learner, course, completion time) makes it exactly once, also
 * when two completions race; returns whether this call issued it.
 */
export async function issueCertificate(
  tx: Prisma.TransactionClient,
  { userId, courseId }: { userId: string; courseId: string },
) {
  const issued = await tx.$executeRaw`
    INSERT INTO "Certificate" ("id", "code", "userId", "courseId", "administrationId", "learnerName",
      "learnerNameLatin", "administrationName", "courseSlug", "courseTitle", "courseVersion", "finalScore", "completedAt", "expiresAt")
    SELECT ${randomUUID()}, ${generateCode()}, u."id", c."id", u."administrationId", u."displayName",
      u."latinName", a."name", c."slug", c."title", c."version", e."finalScore", e."completedAt",
      e."completedAt" + make_interval(months => c."certificateValidityMonths")
    FROM "Enrolment" e
    JOIN "User" u ON u."id" = e."userId"
    JOIN "Course" c ON c."id" = e."courseId"
    LEFT JOIN "Administration" a ON a."id" = u."administrationId"
    WHERE e."userId" = ${userId} AND e."courseId" = ${courseId} AND e."completedAt" IS NOT NULL
    ON CONFLICT ("userId", "courseId", "completedAt") DO NOTHING`
  return issued > 0
}
