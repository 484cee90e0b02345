import type { Prisma } from '~/generated/prisma/client'

export interface CertificateToReview {
  id: string
  code: string
  learnerName: string
  courseTitle: unknown
  /** The learner still has another passed attempt of the quiz from before the certificate's completion. */
  stillPassedOtherwise: boolean
}

/**
 * The certificates that may rest on a pass regrading has just taken away (ADR 028): the learner's
 * unrevoked certificates of the course completed at or after the attempt that now fails was submitted.
 * Regrading never revokes them; an administrator decides, so it is better to list one too many.
 */
export async function certificatesToReview(
  tx: Prisma.TransactionClient,
  { quizId, courseId, failing }: { quizId: string; courseId: string; failing: { userId: string; submittedAt: Date }[] },
): Promise<CertificateToReview[]> {
  if (failing.length === 0) return []
  const attempts = JSON.stringify(failing.map(({ userId, submittedAt }) => ({ userId, submittedAt })))
  return tx.$queryRaw<CertificateToReview[]>`
    SELECT DISTINCT ON (c."code") c."id", c."code", c."learnerName", c."courseTitle",
      EXISTS (SELECT 1 FROM "QuizAttempt" a WHERE a."quizId" = ${quizId} AND a."userId" = c."userId"
        AND a."passed" AND a."submittedAt" <= c."completedAt") AS "stillPassedOtherwise"
    FROM "Certificate" c
    JOIN jsonb_to_recordset(${attempts}::jsonb) AS f("userId" text, "submittedAt" timestamp)
      ON f."userId" = c."userId" AND c."completedAt" >= f."submittedAt"
    WHERE c."courseId" = ${courseId} AND c."revokedAt" IS NULL
    ORDER BY c."code"`
}
