import type { Prisma } from '~/generated/prisma/client'
import type { Question } from '~/modules/content/package.schema'
import { publishedQuestion } from '~/modules/quiz/published-question'
import { planRegrade, type RegradePlan } from '~/modules/quiz/regrade'
import { getPrisma } from '~/utils/db.server'

/*
 * The versions of questions that attempts froze (ADR 028), counted in SQL: attempts are grouped by the
 * frozen copy itself, so the key is compared once per version, never once per attempt.
 */

type Db = Prisma.TransactionClient

export interface FrozenVersion {
  questionId: string
  definition: Question
  points: number
  status: 'IN_PROGRESS' | 'SUBMITTED'
  attempts: number
  plan: RegradePlan
}

/** Every frozen version of the given questions, with what regrading would do to it. */
export async function frozenVersions(db: Db, questionIds: string[]): Promise<FrozenVersion[]> {
  if (questionIds.length === 0) return []
  const [current, groups] = await Promise.all([
    db.question.findMany({
      where: { id: { in: questionIds } },
      select: { id: true, slug: true, type: true, points: true, definition: true },
    }),
    db.$queryRaw<Omit<FrozenVersion, 'plan'>[]>`
      SELECT f."elem"->>'questionId' AS "questionId", f."elem"->'definition' AS "definition",
        (f."elem"->>'points')::int AS "points", a."status"::text AS "status", count(*)::int AS "attempts"
      FROM "QuizAttempt" a
      CROSS JOIN LATERAL jsonb_array_elements(a."questions") AS f("elem")
      WHERE a."quizId" IN (SELECT "quizId" FROM "Question" WHERE "id" = ANY(${questionIds}::text[]))
        AND f."elem"->>'questionId' = ANY(${questionIds}::text[])
      GROUP BY 1, 2, 3, 4`,
  ])
  const published = new Map(current.map((row) => [row.id, { definition: publishedQuestion(row), points: row.points }]))
  return groups.flatMap((group) => {
    const now = published.get(group.questionId)
    return now ? [{ ...group, plan: planRegrade(group, now) }] : []
  })
}

/** How many finished attempts hold an older version of each question that regrading would change. */
export async function countRegradeCandidates({ questionIds }: { questionIds: string[] }) {
  const counts = new Map(questionIds.map((id) => [id, 0]))
  for (const version of await frozenVersions(getPrisma(), questionIds))
    if (version.status === 'SUBMITTED' && version.plan.kind === 'regrade')
      counts.set(version.questionId, (counts.get(version.questionId) ?? 0) + version.attempts)
  return counts
}
