// What the load's quiz attempts hold. A few draws per quiz are made here with the app's own drawing and
// grading code, each with answer sets that pass or fail, and the SQL that generates attempts picks one
// draw and one set per attempt: every frozen question, answer and score is one the app could have
// written. Only the quizzes' questions are read into this process, never learners' rows.
import { questionSchema } from '~/modules/content/package.schema'
import { drawQuestions, shuffle, type FrozenQuestion } from '~/modules/quiz/draw'
import { rightAnswer } from '~/modules/quiz/right-answer'
import { gradeAttempt, scoreAnswer } from '~/modules/quiz/scoring'
import type { SqlExecutor } from '~/utils/db.server'
import { seededRandom } from '../../tests/support/seeded-random'

/** Draws per quiz: enough variety for reviews and reports, few enough to copy cheaply. */
export const DRAWS_PER_QUIZ = 6

export interface AnswerSet {
  /** By question position; null where the learner left the question blank (no answer row). */
  answers: unknown[]
  score: number
  passed: boolean
}

export interface AttemptDraw {
  quizId: string
  draw: number
  questions: FrozenQuestion[]
  pass: AnswerSet[]
  fail: AnswerSet[]
}

/** Answer sets with 0, 1, 2… questions left blank, graded as the app grades them. */
function answerSets(questions: FrozenQuestion[], passMark: number, random: () => number) {
  const keys = questions.map((question) => {
    const key = rightAnswer(question)
    if (scoreAnswer(question.definition, key, question.generated) !== 1)
      throw new Error(`no full-score answer for question ${question.questionId}`)
    return key
  })
  const blankOrder = shuffle(
    keys.map((_, position) => position),
    random,
  )
  const pass: AnswerSet[] = []
  const fail: AnswerSet[] = []
  for (let blanks = 0; blanks <= keys.length && fail.length < 3; blanks++) {
    const blank = new Set(blankOrder.slice(0, blanks))
    const answers = keys.map((key, position) => (blank.has(position) ? null : key))
    const grade = gradeAttempt({
      passMark,
      items: questions.map((question, position) => ({
        points: question.points,
        fraction: scoreAnswer(question.definition, answers[position], question.generated),
      })),
    })
    ;(grade.passed ? pass : fail).push({ answers, score: grade.percent, passed: grade.passed })
  }
  return { pass, fail }
}

interface QuizRow {
  id: string
  passMark: number
  questionsPerAttempt: number
  shuffleQuestions: boolean
  shuffleOptions: boolean
  pool: { id: string; slug: string; type: string; points: number; definition: object }[]
}

/** DRAWS_PER_QUIZ draws of every quiz of the published courses' current modules and final exams. */
export async function buildAttemptDraws({ sql }: { sql: SqlExecutor }): Promise<AttemptDraw[]> {
  const quizzes = await sql.query<QuizRow>(`
    SELECT q."id", q."passMark", q."questionsPerAttempt", q."shuffleQuestions", q."shuffleOptions",
           json_agg(json_build_object('id', x."id", 'slug', x."slug", 'type', x."type", 'points', x."points",
                                      'definition', x."definition") ORDER BY x."position") AS "pool"
    FROM "Quiz" q
    JOIN "Course" c ON c."id" = q."courseId" AND c."status" = 'PUBLISHED'
    LEFT JOIN "Module" m ON m."id" = q."moduleId"
    JOIN "Question" x ON x."quizId" = q."id" AND x."archivedAt" IS NULL
    WHERE q."moduleId" IS NULL OR m."archivedAt" IS NULL
    GROUP BY q."id"
    ORDER BY q."id"`)
  return quizzes.flatMap((quiz, index) =>
    Array.from({ length: DRAWS_PER_QUIZ }, (_, draw) => {
      const random = seededRandom(index * 1_000 + draw + 1)
      // As startAttempt builds its pool: the stored definition checked and completed by the schema.
      const pool = quiz.pool.map((row) => ({
        id: row.id,
        points: row.points,
        question: questionSchema.parse({ ...row.definition, slug: row.slug, type: row.type, points: row.points }),
      }))
      const byId = new Map(pool.map((entry) => [entry.id, entry]))
      const questions: FrozenQuestion[] = drawQuestions({ ...quiz, pool, count: quiz.questionsPerAttempt, random }).map(
        (drawn) => ({
          ...drawn,
          points: byId.get(drawn.questionId)!.points,
          definition: byId.get(drawn.questionId)!.question,
        }),
      )
      return { quizId: quiz.id, draw, questions, ...answerSets(questions, quiz.passMark, random) }
    }),
  )
}
