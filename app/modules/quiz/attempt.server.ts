import { Prisma } from '~/generated/prisma/client'
import { allModulesComplete, completeAfterPass } from '~/modules/progress/completion.server'
import { getPrisma } from '~/utils/db.server'
import { countingAttempts } from './counting-attempts'
import { drawQuestions, type FrozenQuestion } from './draw'
import type { Random } from './iso6346'
import { fromPublicAnswer, type PublicAnswer } from './public-question'
import { publishedQuestion } from './published-question'
import { gradeAttempt, scoreAnswer } from './scoring'

/*
 * The attempt lifecycle on the server: start (draw and freeze), save answers, submit (grade once).
 * Every query names the learner in its `where`: another learner's attempt is simply not found.
 */

type Tx = Prisma.TransactionClient

/** Answers that arrive this long after the deadline still count: the network is not instant. */
export const DEADLINE_GRACE_MS = 30_000

export class AttemptLimitReached extends Error {}
/** A start while another attempt is open; the route offers to continue that one. */
export class AttemptInProgress extends Error {
  constructor(readonly attemptId: string) {
    super('an attempt is already in progress')
  }
}
export class AttemptClosed extends Error {}
/** The final exam opens once every module of the course is complete. */
export class ExamLocked extends Error {}
export class AttemptNotFound extends Error {}
export class InvalidAnswers extends Error {}

const frozenQuestions = (value: unknown) => value as FrozenQuestion[]

/**
 * Starts an attempt for a learner enrolled in the quiz's course. Throws AttemptInProgress while one
 * is open and AttemptLimitReached when every allowed attempt is used; the unique attempt number makes
 * that hold for parallel requests too, whichever instance serves them.
 */
export async function startAttempt({
  userId,
  quizId,
  random = Math.random,
  now = new Date(),
}: {
  userId: string
  quizId: string
  random?: Random
  now?: Date
}) {
  // An attempt whose time ran out is graded first, so it counts against the limit and is not resumed.
  await closeExpiredAttempts({ userId, quizId, now })
  try {
    return await getPrisma().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attempt:${userId}:${quizId}`}))`
      const quiz = await tx.quiz.findFirst({
        where: { id: quizId, course: { enrolments: { some: { userId } } } },
        select: {
          kind: true,
          courseId: true,
          course: { select: { enrolments: { where: { userId }, select: { renewedAt: true } } } },
          maxAttempts: true,
          timeLimitMinutes: true,
          questionsPerAttempt: true,
          questionsPerModule: true,
          shuffleQuestions: true,
          shuffleOptions: true,
          questions: { where: { archivedAt: null }, orderBy: { position: 'asc' } },
        },
      })
      if (!quiz) throw new AttemptNotFound()
      if (quiz.kind === 'FINAL_EXAM') {
        const [course] = await tx.$queryRaw<{ ready: boolean }[]>`
          SELECT ${allModulesComplete(userId)} AS "ready" FROM "Course" c WHERE c."id" = ${quiz.courseId}`
        if (!course?.ready) throw new ExamLocked()
      }
      const earlier = await tx.quizAttempt.findMany({
        where: { quizId, userId },
        select: { id: true, status: true, startedAt: true },
      })
      const open = earlier.find((attempt) => attempt.status === 'IN_PROGRESS')
      if (open) throw new AttemptInProgress(open.id)
      const renewedAt = quiz.course.enrolments[0]?.renewedAt
      const used = countingAttempts(earlier, { kind: quiz.kind, renewedAt }).length
      if (quiz.maxAttempts !== null && used >= quiz.maxAttempts) throw new AttemptLimitReached()

      const pool = quiz.questions.map((row) => ({
        id: row.id,
        points: row.points,
        question: publishedQuestion(row),
      }))
      const drawn = drawQuestions({
        ...quiz,
        pool,
        count: quiz.questionsPerAttempt,
        perModule: quiz.questionsPerModule,
        random,
      })
      const byId = new Map(pool.map((entry) => [entry.id, entry]))
      const questions: FrozenQuestion[] = drawn.map((question) => ({
        ...question,
        points: byId.get(question.questionId)!.points,
        definition: byId.get(question.questionId)!.question,
      }))
      const deadline = quiz.timeLimitMinutes ? new Date(now.getTime() + quiz.timeLimitMinutes * 60_000) : null
      const attempt = await tx.quizAttempt.create({
        data: {
          quizId,
          userId,
          // Numbered across renewals, so the unique number still stops parallel starts.
          number: earlier.length + 1,
          questions: questions as unknown as Prisma.InputJsonArray,
          startedAt: now,
          deadline,
        },
        select: { id: true, number: true },
      })
      return attempt
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AttemptLimitReached()
    throw error
  }
}

/** Past its deadline and the grace for network delay: answers are no longer taken. */
export const isExpired = (deadline: Date | null, now: Date) =>
  deadline !== null && now.getTime() > deadline.getTime() + DEADLINE_GRACE_MS

/**
 * Saves answers by question position. `seq` must grow with every save of the attempt: a replayed
 * older save is ignored answer by answer. All or nothing: an answer to a question that is not in
 * the attempt rejects the whole save.
 */
export async function saveAnswers({
  attemptId,
  userId,
  answers,
  seq,
  now = new Date(),
}: {
  attemptId: string
  userId: string
  answers: { position: number; answer: PublicAnswer }[]
  seq: number
  now?: Date
}) {
  const attempt = await getPrisma().quizAttempt.findFirst({
    where: { id: attemptId, userId },
    select: { status: true, deadline: true, questions: true },
  })
  if (!attempt) throw new AttemptNotFound()
  if (attempt.status !== 'IN_PROGRESS' || isExpired(attempt.deadline, now)) throw new AttemptClosed()
  const questions = frozenQuestions(attempt.questions)
  const mapped = answers.map(({ position, answer }) => {
    const question = Number.isInteger(position) ? questions[position] : undefined
    if (!question) throw new InvalidAnswers(`no question at position ${position} in this attempt`)
    return { position, answer: fromPublicAnswer(question, answer) ?? null }
  })
  // One statement for the whole save. FOR SHARE waits for a submit that is grading the attempt and
  // then sees it closed, so no answer lands after the grade.
  await getPrisma().$executeRaw`
    INSERT INTO "AttemptAnswer" ("attemptId", "position", "answer", "seq", "savedAt")
    SELECT ${attemptId}, a."position", COALESCE(a."answer", 'null'::jsonb), ${seq}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(mapped)}::jsonb) AS a("position" int, "answer" jsonb)
    WHERE EXISTS (
      SELECT 1 FROM "QuizAttempt" WHERE "id" = ${attemptId} AND "status" = 'IN_PROGRESS' FOR SHARE)
    ON CONFLICT ("attemptId", "position") DO UPDATE
      SET "answer" = EXCLUDED."answer", "seq" = EXCLUDED."seq", "savedAt" = EXCLUDED."savedAt"
      WHERE "AttemptAnswer"."seq" < EXCLUDED."seq"`
}

/**
 * Grades and closes the attempt — once: a second submit finds it closed (AttemptClosed). A submit
 * after the deadline counts as closed by the deadline, with the answers saved in time.
 */
export async function submitAttempt({
  attemptId,
  userId,
  now = new Date(),
  closedBy = 'learner',
}: {
  attemptId: string
  userId: string
  now?: Date
  closedBy?: 'learner' | 'deadline'
}) {
  return getPrisma().$transaction((tx) => gradeAndClose(tx, { attemptId, userId, now, closedBy }))
}

async function gradeAndClose(
  tx: Tx,
  {
    attemptId,
    userId,
    now,
    closedBy,
  }: { attemptId: string; userId: string; now: Date; closedBy: 'learner' | 'deadline' },
) {
  const [locked] = await tx.$queryRaw<
    {
      status: string
      questions: unknown
      passMark: number
      deadline: Date | null
      courseId: string
      moduleId: string | null
    }[]
  >`
    SELECT a."status", a."questions", q."passMark", a."deadline", q."courseId", q."moduleId"
    FROM "QuizAttempt" a
    JOIN "Quiz" q ON q."id" = a."quizId"
    WHERE a."id" = ${attemptId} AND a."userId" = ${userId}
    FOR UPDATE OF a`
  if (!locked) throw new AttemptNotFound()
  if (locked.status !== 'IN_PROGRESS') throw new AttemptClosed()
  const saved = await tx.attemptAnswer.findMany({ where: { attemptId }, select: { position: true, answer: true } })
  const answerAt = new Map(saved.map((row) => [row.position, row.answer]))
  const questions = frozenQuestions(locked.questions)
  const grade = gradeAttempt({
    passMark: locked.passMark,
    items: questions.map((question, position) => ({
      points: question.points,
      fraction: scoreAnswer(question.definition, answerAt.get(position), question.generated),
    })),
  })
  const late = locked.deadline !== null && now > locked.deadline
  const attempt = await tx.quizAttempt.update({
    where: { id: attemptId, userId },
    data: {
      status: 'SUBMITTED',
      submittedAt: late ? locked.deadline! : now,
      closedBy: late ? 'deadline' : closedBy,
      score: grade.percent,
      passed: grade.passed,
    },
    select: { id: true, number: true, score: true, passed: true, closedBy: true, quizId: true },
  })
  const { moduleId, courseId } = locked
  const courseCompleted = grade.passed ? await completeAfterPass(tx, { userId, moduleId, courseId }) : false
  return { ...attempt, courseCompleted }
}

/** Closes and grades the learner's attempts whose deadline (plus grace) has passed. */
export async function closeExpiredAttempts({
  userId,
  quizId,
  now = new Date(),
}: {
  userId: string
  quizId?: string
  now?: Date
}) {
  const expired = await getPrisma().quizAttempt.findMany({
    where: {
      userId,
      status: 'IN_PROGRESS',
      deadline: { lt: new Date(now.getTime() - DEADLINE_GRACE_MS) },
      ...(quizId ? { quizId } : {}),
    },
    select: { id: true },
  })
  const closed = []
  for (const { id } of expired) {
    try {
      closed.push(await submitAttempt({ attemptId: id, userId, now, closedBy: 'deadline' }))
    } catch (error) {
      if (!(error instanceof AttemptClosed)) throw error // closed meanwhile by the learner's own submit
    }
  }
  return closed
}
