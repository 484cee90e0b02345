import type { Question } from '~/modules/content/package.schema'
import { BAND_SHARE, itemStatistics, type ResponseGroup } from '~/modules/quiz/item-statistics'
import { publishedQuestion } from '~/modules/quiz/published-question'
import { getPrisma } from '~/utils/db.server'
import type { QuizRef } from './quiz-ref'
import { quizWhere } from './quiz-ref.server'

/*
 * The statistics page's data (ADR 028): one query ranks every finished attempt of the quiz within each
 * question it drew and groups identical answers, so the JSON of the attempts never leaves the database
 * one attempt at a time. Any author may look (ADR 018): no editor scope.
 */

/** Response groups of every question of a finished attempt of the quiz, banded by total score. */
function responseGroups(quizId: string) {
  return getPrisma().$queryRaw<ResponseGroup[]>`
    WITH "drawn" AS (
      SELECT a."id", a."score", f."elem", (f."pos" - 1)::int AS "position", f."elem"->>'questionId' AS "questionId"
      FROM "QuizAttempt" a
      CROSS JOIN LATERAL jsonb_array_elements(a."questions") WITH ORDINALITY AS f("elem", "pos")
      WHERE a."quizId" = ${quizId} AND a."status" = 'SUBMITTED'
    ), "ranked" AS (
      SELECT d.*, round(${BAND_SHARE}::numeric * count(*) OVER ("byQuestion")) AS "bandSize",
        row_number() OVER ("byQuestion" ORDER BY d."score" DESC, d."id") AS "fromTop",
        row_number() OVER ("byQuestion" ORDER BY d."score" ASC, d."id" DESC) AS "fromBottom"
      FROM "drawn" d
      WINDOW "byQuestion" AS (PARTITION BY d."questionId")
    )
    SELECT r."questionId", r."elem"->'definition' AS "definition", r."elem"->'generated' AS "generated",
      s."answer",
      CASE WHEN r."fromTop" <= r."bandSize" THEN 'upper' WHEN r."fromBottom" <= r."bandSize" THEN 'lower'
        ELSE 'middle' END AS "band",
      count(*)::int AS "attempts"
    FROM "ranked" r
    LEFT JOIN "AttemptAnswer" s ON s."attemptId" = r."id" AND s."position" = r."position"
    GROUP BY 1, 2, 3, 4, 5`
}

/** Every question of the quiz at a studio address, current first then retired, with its statistics. */
export async function getQuizStatistics({ ref }: { ref: QuizRef }) {
  const quiz = await getPrisma().quiz.findFirst({
    where: quizWhere(ref),
    select: {
      id: true,
      kind: true,
      course: { select: { slug: true, title: true } },
      module: { select: { slug: true, title: true } },
      questions: {
        orderBy: { position: 'asc' },
        select: { id: true, slug: true, type: true, points: true, definition: true, archivedAt: true },
      },
      _count: { select: { attempts: { where: { status: 'SUBMITTED' } } } },
    },
  })
  if (!quiz) return null
  const questions = quiz.questions.map((row) => ({ ...row, definition: publishedQuestion(row) }))
  const stats = itemStatistics(questions, await responseGroups(quiz.id))
  const ordered = [...questions.filter((q) => q.archivedAt === null), ...questions.filter((q) => q.archivedAt !== null)]
  return {
    quiz: { kind: quiz.kind, course: quiz.course, module: quiz.module, finishedAttempts: quiz._count.attempts },
    questions: ordered.map((question) => {
      const { picks, ...numbers } = stats.get(question.id)!
      return {
        slug: question.slug,
        type: question.type,
        points: question.points,
        prompt: question.definition.prompt,
        retired: question.archivedAt !== null,
        ...numbers,
        options: picks ? optionPicks(question.definition, picks) : null,
      }
    }),
  }
}

function optionPicks(definition: Question, picks: Map<string, number>) {
  if (definition.type !== 'single' && definition.type !== 'multiple') return null
  return definition.options.map((option) => ({
    id: option.id,
    text: option.text,
    correct: option.correct,
    picks: picks.get(option.id) ?? 0,
  }))
}
