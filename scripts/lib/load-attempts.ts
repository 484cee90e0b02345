// What the load's quiz attempts hold. A few draws per quiz are made here with the app's own drawing and
// grading code, each with answer sets that pass or fail, and the SQL that generates attempts picks one
// draw and one set per attempt: every frozen question, answer and score is one the app could have
// written. Only the quizzes' questions are read into this process, never learners' rows.
import { questionSchema, type Question } from '~/modules/content/package.schema'
import { drawQuestions, shuffle, type FrozenQuestion } from '~/modules/quiz/draw'
import { checkDigit, isValidContainerNumber } from '~/modules/quiz/iso6346'
import { gradeAttempt, scoreAnswer } from '~/modules/quiz/scoring'
import type { SqlExecutor } from '~/utils/db.server'

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

/** mulberry32: the same draws on every run, so two loads of the same size look alike. */
function seededRandom(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The stored answer that scores full points, in the shape the quiz form saves. */
export function keyAnswer(question: Question, generated: string[] | null): unknown {
  switch (question.type) {
    case 'single':
      return { optionId: question.options.find((option) => option.correct)!.id }
    case 'multiple':
      return { optionIds: question.options.filter((option) => option.correct).map((option) => option.id) }
    case 'true-false':
    case 'numeric':
      return { value: question.answer }
    case 'matching':
      return { matches: Object.fromEntries(question.pairs.map((pair) => [pair.id, pair.id])) }
    case 'ordering':
      return { order: question.items.map((item) => item.id) }
    case 'container-check-digit':
      return question.task === 'compute'
        ? { digit: checkDigit(generated![0]!.slice(0, 10)) }
        : { number: generated!.find((number) => !isValidContainerNumber(number)) }
  }
}

/** Answer sets with 0, 1, 2… questions left blank, graded as the app grades them. */
function answerSets(questions: FrozenQuestion[], passMark: number, random: () => number) {
  const keys = questions.map((question) => {
    const key = keyAnswer(question.definition, question.generated)
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
