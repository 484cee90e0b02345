import { beforeAll, describe, expect, it } from 'vitest'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import type { Question } from '~/modules/content/package.schema'
import { ExamLocked, saveAnswers, startAttempt, submitAttempt } from '~/modules/quiz/attempt.server'
import type { FrozenQuestion } from '~/modules/quiz/draw'
import { checkDigit, isValidContainerNumber } from '~/modules/quiz/iso6346'
import { getPrisma } from '~/utils/db.server'
import { NotRenewable, renewExpiredCertificate } from '~/modules/certificates/renewal.server'
import { getQuizOverview } from '~/modules/quiz/quiz-page.server'
import { coursePackage, module, question, quiz } from '../support/course-package'

function checkDigitQuestion(slug: string, task: 'compute' | 'spot-wrong'): Question {
  const { prompt, explanation } = question(slug)
  return { slug, type: 'container-check-digit', task, choices: 4, points: 1, prompt, explanation }
}

let counter = 0
async function enrolledLearner() {
  counter += 1
  const user = await getPrisma().user.create({
    data: { email: `finisher${counter}@example.test`, displayName: `Finisher ${counter}`, passwordHash: 'x' },
    select: { id: true },
  })
  await enrolInCourse({ userId: user.id, courseId: await courseId() })
  return user.id
}

const courseId = async () =>
  (await getPrisma().course.findUniqueOrThrow({ where: { slug: 'containers' }, select: { id: true } })).id

async function quizOf(kind: 'MODULE' | 'FINAL_EXAM', moduleSlug?: string) {
  const where = { kind, course: { slug: 'containers' }, ...(moduleSlug ? { module: { slug: moduleSlug } } : {}) }
  return (await getPrisma().quiz.findFirstOrThrow({ where, select: { id: true } })).id
}

async function frozen(attemptId: string) {
  const row = await getPrisma().quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questions: true } })
  return row.questions as unknown as FrozenQuestion[]
}

/** The right form answer to each question of a container check-digit attempt. */
function rightAnswers(questions: FrozenQuestion[]) {
  return questions.map((question, position) => {
    const numbers = question.generated ?? []
    const definition = question.definition as { task: 'compute' | 'spot-wrong' }
    return definition.task === 'compute'
      ? { position, answer: { value: String(checkDigit(numbers[0]!.slice(0, 10))) } }
      : { position, answer: { choices: [String(numbers.findIndex((number) => !isValidContainerNumber(number)))] } }
  })
}

/** Starts an attempt, answers every question right (or leaves it blank) and submits it. */
async function takeQuiz(userId: string, quizId: string, right: boolean) {
  const attempt = await startAttempt({ userId, quizId })
  if (right)
    await saveAnswers({ attemptId: attempt.id, userId, seq: 1, answers: rightAnswers(await frozen(attempt.id)) })
  return submitAttempt({ attemptId: attempt.id, userId })
}

const enrolment = async (userId: string) =>
  getPrisma().enrolment.findFirstOrThrow({ where: { userId }, select: { completedAt: true, finalScore: true } })

const moduleDone = async (userId: string, slug: string) =>
  (await getPrisma().moduleProgress.findFirst({ where: { userId, module: { slug } }, select: { completedAt: true } }))
    ?.completedAt ?? null

beforeAll(async () => {
  const digits = quiz(['compute', 'spot'], {
    questionsPerAttempt: 2,
    questions: [checkDigitQuestion('compute', 'compute'), checkDigitQuestion('spot', 'spot-wrong')],
  })
  await importCoursePackages({
    packages: [
      coursePackage('containers', {
        course: { ...coursePackage('containers').course, completion: { modules: 'all', finalExam: 'required' } },
        modules: [module('numbers', 1, { quiz: digits }), module('more-numbers', 2, { quiz: digits })],
        finalExam: { ...digits, maxAttempts: 3 },
      }),
    ],
  })
})

describe('generated container check-digit questions', () => {
  it('freeze fresh numbers in each attempt and grade them by ISO 6346', async () => {
    const learner = await enrolledLearner()
    const quizId = await quizOf('MODULE', 'numbers')
    const first = await startAttempt({ userId: learner, quizId })
    const questions = await frozen(first.id)
    expect(questions.map((q) => q.generated?.length).sort()).toEqual([1, 4])
    expect(await frozen(first.id)).toEqual(questions)
    await saveAnswers({ attemptId: first.id, userId: learner, seq: 1, answers: rightAnswers(questions) })
    expect(await submitAttempt({ attemptId: first.id, userId: learner })).toMatchObject({ score: 100, passed: true })

    const second = await startAttempt({ userId: learner, quizId })
    const numbers = (await frozen(second.id)).flatMap((q) => q.generated ?? [])
    expect(numbers.some((number) => questions.some((q) => q.generated?.includes(number)))).toBe(false)
  })
})

describe('completion', () => {
  it('completes a module when its quiz is passed, not when it is failed', async () => {
    const learner = await enrolledLearner()
    const quizId = await quizOf('MODULE', 'numbers')
    expect(await takeQuiz(learner, quizId, false)).toMatchObject({ passed: false, courseCompleted: false })
    expect(await moduleDone(learner, 'numbers')).toBeNull()
    expect(await takeQuiz(learner, quizId, true)).toMatchObject({ passed: true, courseCompleted: false })
    expect(await moduleDone(learner, 'numbers')).not.toBeNull()
  })

  it('opens the final exam only when every module is complete', async () => {
    const learner = await enrolledLearner()
    const examId = await quizOf('FINAL_EXAM')
    await expect(startAttempt({ userId: learner, quizId: examId })).rejects.toBeInstanceOf(ExamLocked)
    await takeQuiz(learner, await quizOf('MODULE', 'numbers'), true)
    await expect(startAttempt({ userId: learner, quizId: examId })).rejects.toBeInstanceOf(ExamLocked)
    await takeQuiz(learner, await quizOf('MODULE', 'more-numbers'), true)
    expect((await startAttempt({ userId: learner, quizId: examId })).number).toBe(1)
  })

  it('completes the course once, when the final exam is passed, with the time and the final score', async () => {
    const learner = await enrolledLearner()
    await takeQuiz(learner, await quizOf('MODULE', 'numbers'), true)
    await takeQuiz(learner, await quizOf('MODULE', 'more-numbers'), true)
    expect(await enrolment(learner)).toEqual({ completedAt: null, finalScore: null })
    const examId = await quizOf('FINAL_EXAM')
    expect(await takeQuiz(learner, examId, false)).toMatchObject({ passed: false, courseCompleted: false })
    expect((await enrolment(learner)).completedAt).toBeNull()
    expect(await takeQuiz(learner, examId, true)).toMatchObject({ passed: true, courseCompleted: true })
    const completed = await enrolment(learner)
    expect(completed).toMatchObject({ finalScore: 100 })
    expect(completed.completedAt).toBeInstanceOf(Date)
    // A later pass changes nothing: the course was completed once.
    expect(await takeQuiz(learner, examId, true)).toMatchObject({ passed: true, courseCompleted: false })
    expect(await enrolment(learner)).toEqual(completed)
  })
})

describe('renewal after the certificate expired', () => {
  it('reopens the final exam with a fresh attempt limit and issues a new certificate, keeping the old one', async () => {
    const learner = await enrolledLearner()
    await takeQuiz(learner, await quizOf('MODULE', 'numbers'), true)
    await takeQuiz(learner, await quizOf('MODULE', 'more-numbers'), true)
    const examId = await quizOf('FINAL_EXAM')
    await takeQuiz(learner, examId, false)
    await takeQuiz(learner, examId, true)
    const [first] = await getPrisma().certificate.findMany({ where: { userId: learner } })
    expect(first).toMatchObject({ finalScore: 100, courseSlug: 'containers' })

    // Not before it has expired.
    await expect(renewExpiredCertificate({ userId: learner, courseSlug: 'containers' })).rejects.toThrow(NotRenewable)
    await getPrisma().certificate.update({ where: { id: first!.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    await renewExpiredCertificate({ userId: learner, courseSlug: 'containers' })
    expect(await enrolment(learner)).toEqual({ completedAt: null, finalScore: null })
    // Renewing twice does nothing more.
    await expect(renewExpiredCertificate({ userId: learner, courseSlug: 'containers' })).rejects.toThrow(NotRenewable)

    // The exam starts afresh: three attempts again (two were used), numbered on from the earlier ones.
    const overview = await getQuizOverview({ userId: learner, courseSlug: 'containers', moduleSlug: null })
    expect(overview).toMatchObject({ attemptsLeft: 3, passed: false })
    expect(overview?.attempts).toHaveLength(2)
    expect(await takeQuiz(learner, examId, false)).toMatchObject({ passed: false, courseCompleted: false })
    const passed = await takeQuiz(learner, examId, true)
    expect(passed).toMatchObject({ passed: true, courseCompleted: true })

    const certificates = await getPrisma().certificate.findMany({
      where: { userId: learner },
      orderBy: { issuedAt: 'asc' },
      select: { id: true, code: true, completedAt: true },
    })
    expect(certificates).toHaveLength(2)
    expect(certificates[0]!.id).toBe(first!.id)
    expect(certificates[1]!.code).not.toBe(first!.code)
    expect(certificates[1]!.completedAt.getTime()).toBeGreaterThan(first!.completedAt.getTime())
    expect((await enrolment(learner)).completedAt).toEqual(certificates[1]!.completedAt)
  })
})
