import { Prisma } from '~/generated/prisma/client'
import { issueCertificate } from '~/modules/certificates/issue.server'

type Tx = Prisma.TransactionClient

/**
 * The one place a course becomes complete: every current module is complete and, when the course
 * requires it, a final exam attempt has passed (since the last renewal, after a certificate expired).
 * Sets the completion time and the final score once and issues the certificate in the same
 * transaction; only the call that completed the enrolment gets `true`. Two calls at once cannot both
 * complete it: the second waits for the row and then finds it completed.
 */
export async function completeCourseIfDone(tx: Tx, { userId, courseId }: { userId: string; courseId: string }) {
  const completed = await tx.$executeRaw`
    UPDATE "Enrolment" e SET "completedAt" = CURRENT_TIMESTAMP, "finalScore" = exam."score"
    FROM "Course" c
    LEFT JOIN LATERAL (
      SELECT max(a."score") AS "score" FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId"
      WHERE q."courseId" = c."id" AND q."kind" = 'FINAL_EXAM' AND a."userId" = ${userId} AND a."passed"
        AND a."startedAt" >= COALESCE(
          (SELECT "renewedAt" FROM "Enrolment" WHERE "userId" = ${userId} AND "courseId" = ${courseId}), '-infinity')
    ) exam ON TRUE
    WHERE e."userId" = ${userId} AND e."courseId" = ${courseId} AND e."completedAt" IS NULL
      AND c."id" = e."courseId"
      AND (c."finalExamRule" <> 'required' OR exam."score" IS NOT NULL)
      AND ${allModulesComplete(userId)}`
  if (completed === 0) return false
  await issueCertificate(tx, { userId, courseId })
  return true
}

/** SQL condition: the learner has completed every current module of course `c`. */
export const allModulesComplete = (userId: string) => Prisma.sql`NOT EXISTS (
  SELECT 1 FROM "Module" m
  LEFT JOIN "ModuleProgress" p ON p."moduleId" = m."id" AND p."userId" = ${userId}
  WHERE m."courseId" = c."id" AND m."archivedAt" IS NULL AND p."completedAt" IS NULL)`

/** Marks a module complete inside the caller's transaction; false when not enrolled or archived. */
export async function completeModule(tx: Tx, { userId, moduleId }: { userId: string; moduleId: string }) {
  const [module] = await tx.$queryRaw<{ courseId: string }[]>`
    INSERT INTO "ModuleProgress" ("userId", "moduleId", "completedAt")
    SELECT ${userId}, m."id", CURRENT_TIMESTAMP
    FROM "Module" m JOIN "Enrolment" e ON e."courseId" = m."courseId" AND e."userId" = ${userId}
    WHERE m."id" = ${moduleId} AND m."archivedAt" IS NULL
    ON CONFLICT ("userId", "moduleId") DO UPDATE
      SET "completedAt" = COALESCE("ModuleProgress"."completedAt", EXCLUDED."completedAt"),
          "lastOpenedAt" = CURRENT_TIMESTAMP
    RETURNING (SELECT "courseId" FROM "Module" WHERE "id" = ${moduleId}) AS "courseId"`
  if (!module) return { completed: false, courseCompleted: false }
  return { completed: true, courseCompleted: await completeCourseIfDone(tx, { userId, courseId: module.courseId }) }
}

/**
 * What a passed attempt completes: passing a module quiz completes the module, passing the final exam
 * may complete the course. The submit and regrading (ADR 028) both go through here; true when the
 * course was completed by this call (and its certificate issued).
 */
export async function completeAfterPass(
  tx: Tx,
  { userId, moduleId, courseId }: { userId: string; moduleId: string | null; courseId: string },
) {
  return moduleId
    ? (await completeModule(tx, { userId, moduleId })).courseCompleted
    : completeCourseIfDone(tx, { userId, courseId })
}
