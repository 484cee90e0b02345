import { beforeAll, describe, expect, it } from 'vitest'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import type { Question } from '~/modules/content/package.schema'
import {
  AttemptClosed,
  AttemptInProgress,
  AttemptLimitReached,
  AttemptNotFound,
  DEADLINE_GRACE_MS,
  InvalidAnswers,
  saveAnswers,
  startAttempt,
  submitAttempt,
} from '~/modules/quiz/attempt.server'
import type { FrozenQuestion } from '~/modules/quiz/draw'
import { markModuleComplete } from '~/modules/progress/progress.server'
import { getPrisma } from '~/utils/db.server'
import { seededRandom } from '../support/seeded-random'
import { coursePackage, module, question, quiz } from '../support/course-package'

const trueFalse = (slug: string, answer: boolean) => question(slug, { answer } as Partial<Question>)

let counter = 0
async function enrolledLearner() {
  counter += 1
  const user = await getPrisma().user.create({
    data: { email: `candidate${counter}@example.test`, displayName: `Candidate ${counter}`, passwordHash: 'x' },
    select: { id: true },
  })
  const course = await getPrisma().course.findUniqueOrThrow({ where: { slug: 'exams' }, select: { id: true } })
  await enrolInCourse({ userId: user.id, courseId: course.id })
  return user.id
}

/** The final exam opens once every module is complete. */
async function readyForExam(userId: string) {
  const modules = await getPrisma().module.findMany({ where: { course: { slug: 'exams' } }, select: { id: true } })
  for (const { id } of modules) await markModuleComplete({ userId, moduleId: id })
}

async function quizId(kind: 'MODULE' | 'FINAL_EXAM', moduleSlug?: string) {
  const row = await getPrisma().quiz.findFirstOrThrow({
    where: { kind, course: { slug: 'exams' }, ...(moduleSlug ? { module: { slug: moduleSlug } } : {}) },
    select: { id: true },
  })
  return row.id
}

/** The form answer that is right (or wrong) for a true/false question of the attempt. */
async function frozen(attemptId: string) {
  const attempt = await getPrisma().quizAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { questions: true },
  })
  return attempt.questions as unknown as FrozenQuestion[]
}
const tf = (question: FrozenQuestion, right: boolean) => ({
  value: String(
    right ? (question.definition as { answer: boolean }).answer : !(question.definition as { answer: boolean }).answer,
  ),
})

beforeAll(async () => {
  await importCoursePackages({
    packages: [
      coursePackage('exams', {
        course: { ...coursePackage('exams').course, completion: { modules: 'all', finalExam: 'required' } },
        modules: [
          module('unlimited', 1, { quiz: quiz(['u1', 'u2', 'u3'], { questionsPerAttempt: 2 }) }),
          module('once', 2, {
            quiz: quiz(['o1', 'o2'], { maxAttempts: 1, questions: [trueFalse('o1', true), trueFalse('o2', false)] }),
          }),
        ],
        finalExam: quiz(['f1', 'f2', 'f3', 'f4'], { maxAttempts: 2, timeLimitMinutes: 10, questionsPerAttempt: 4 }),
      }),
    ],
  })
})

describe('startAttempt', () => {
  it('freezes the drawn questions and numbers attempts per learner', async () => {
    const learner = await enrolledLearner()
    const attempt = await startAttempt({
      userId: learner,
      quizId: await quizId('MODULE', 'unlimited'),
      random: seededRandom(1),
    })
    expect(attempt.number).toBe(1)
    const questions = await frozen(attempt.id)
    expect(questions).toHaveLength(2)
    expect(questions.every((q) => q.definition.type === 'true-false' && typeof q.questionId === 'string')).toBe(true)
  })

  it('refuses a second start while an attempt is open, naming the open one', async () => {
    const learner = await enrolledLearner()
    const id = await quizId('MODULE', 'unlimited')
    const first = await startAttempt({ userId: learner, quizId: id })
    await expect(startAttempt({ userId: learner, quizId: id })).rejects.toEqual(new AttemptInProgress(first.id))
  })

  it('lets 20 parallel starts create exactly one attempt when one is allowed', async () => {
    const learner = await enrolledLearner()
    const id = await quizId('MODULE', 'once')
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => startAttempt({ userId: learner, quizId: id })),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect([AttemptInProgress, AttemptLimitReached].some((type) => result.reason instanceof type)).toBe(true)
    }
    expect(await getPrisma().quizAttempt.count({ where: { userId: learner, quizId: id } })).toBe(1)
  })

  it('is backed by a unique attempt number in the database, not only by the check', async () => {
    const learner = await enrolledLearner()
    const id = await quizId('MODULE', 'once')
    await startAttempt({ userId: learner, quizId: id })
    await expect(
      getPrisma().quizAttempt.create({ data: { quizId: id, userId: learner, number: 1, questions: [] } }),
    ).rejects.toMatchObject({ code: 'P2002' })
  })

  it('refuses a learner who is not enrolled, and a start beyond the limit', async () => {
    const stranger = (
      await getPrisma().user.create({ data: { email: 'stranger@example.test', displayName: 'S', passwordHash: 'x' } })
    ).id
    await expect(startAttempt({ userId: stranger, quizId: await quizId('MODULE', 'once') })).rejects.toBeInstanceOf(
      AttemptNotFound,
    )
    const learner = await enrolledLearner()
    const id = await quizId('MODULE', 'once')
    const attempt = await startAttempt({ userId: learner, quizId: id })
    await submitAttempt({ attemptId: attempt.id, userId: learner })
    await expect(startAttempt({ userId: learner, quizId: id })).rejects.toBeInstanceOf(AttemptLimitReached)
  })
})

describe('saveAnswers and submitAttempt', () => {
  it('grades on the server from the saved answers', async () => {
    const learner = await enrolledLearner()
    const attempt = await startAttempt({ userId: learner, quizId: await quizId('MODULE', 'once') })
    const [first, second] = await frozen(attempt.id)
    await saveAnswers({
      attemptId: attempt.id,
      userId: learner,
      seq: 1,
      answers: [
        { position: 0, answer: tf(first!, true) },
        { position: 1, answer: tf(second!, false) },
      ],
    })
    const graded = await submitAttempt({ attemptId: attempt.id, userId: learner })
    expect(graded).toMatchObject({ score: 50, passed: false, closedBy: 'learner' })
  })

  it('ignores a replayed older save after a newer one', async () => {
    const learner = await enrolledLearner()
    const attempt = await startAttempt({ userId: learner, quizId: await quizId('MODULE', 'once') })
    const [first] = await frozen(attempt.id)
    await saveAnswers({
      attemptId: attempt.id,
      userId: learner,
      seq: 2,
      answers: [{ position: 0, answer: tf(first!, true) }],
    })
    await saveAnswers({
      attemptId: attempt.id,
      userId: learner,
      seq: 1,
      answers: [{ position: 0, answer: tf(first!, false) }],
    })
    const stored = await getPrisma().attemptAnswer.findFirstOrThrow({ where: { attemptId: attempt.id } })
    expect(stored.seq).toBe(2)
    expect((await submitAttempt({ attemptId: attempt.id, userId: learner })).score).toBe(50)
  })

  it('saves a cleared answer as no answer, so a blank overrides what was there', async () => {
    const learner = await enrolledLearner()
    const attempt = await startAttempt({ userId: learner, quizId: await quizId('MODULE', 'once') })
    const [first] = await frozen(attempt.id)
    const save = (seq: number, answer: { value?: string }) =>
      saveAnswers({ attemptId: attempt.id, userId: learner, seq, answers: [{ position: 0, answer }] })
    await save(1, tf(first!, true))
    await save(2, {})
    const stored = await getPrisma().attemptAnswer.findFirstOrThrow({ where: { attemptId: attempt.id } })
    expect(stored).toMatchObject({ seq: 2, answer: null })
  })

  it('rejects a save with a question that is not in the attempt, and stores nothing of it', async () => {
    const learner = await enrolledLearner()
    const attempt = await startAttempt({ userId: learner, quizId: await quizId('MODULE', 'once') })
    const [first] = await frozen(attempt.id)
    await expect(
      saveAnswers({
        attemptId: attempt.id,
        userId: learner,
        seq: 1,
        answers: [
          { position: 0, answer: tf(first!, true) },
          { position: 5, answer: { value: 'true' } },
        ],
      }),
    ).rejects.toBeInstanceOf(InvalidAnswers)
    expect(await getPrisma().attemptAnswer.count({ where: { attemptId: attempt.id } })).toBe(0)
  })

  it("does not find another learner's attempt", async () => {
    const [owner, other] = [await enrolledLearner(), await enrolledLearner()]
    const attempt = await startAttempt({ userId: owner, quizId: await quizId('MODULE', 'unlimited') })
    await expect(saveAnswers({ attemptId: attempt.id, userId: other, seq: 1, answers: [] })).rejects.toBeInstanceOf(
      AttemptNotFound,
    )
    await expect(submitAttempt({ attemptId: attempt.id, userId: other })).rejects.toBeInstanceOf(AttemptNotFound)
  })

  it('grades two parallel submits once; the second finds the attempt closed', async () => {
    const learner = await enrolledLearner()
    const attempt = await startAttempt({ userId: learner, quizId: await quizId('MODULE', 'unlimited') })
    const results = await Promise.allSettled(
      [1, 2].map(() => submitAttempt({ attemptId: attempt.id, userId: learner })),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    expect(results.find((result) => result.status === 'rejected')?.reason).toBeInstanceOf(AttemptClosed)
  })

  it('refuses answers after the deadline and closes the attempt at the deadline', async () => {
    const learner = await enrolledLearner()
    const id = await quizId('FINAL_EXAM')
    await readyForExam(learner)
    const start = new Date('2026-11-23T10:00:00Z')
    const attempt = await startAttempt({ userId: learner, quizId: id, now: start })
    const [first] = await frozen(attempt.id)
    const inTime = new Date(start.getTime() + 10 * 60_000 + DEADLINE_GRACE_MS - 1000)
    await saveAnswers({
      attemptId: attempt.id,
      userId: learner,
      seq: 1,
      now: inTime,
      answers: [{ position: 0, answer: tf(first!, true) }],
    })
    const late = new Date(start.getTime() + 11 * 60_000)
    await expect(
      saveAnswers({
        attemptId: attempt.id,
        userId: learner,
        seq: 2,
        now: late,
        answers: [{ position: 0, answer: tf(first!, false) }],
      }),
    ).rejects.toBeInstanceOf(AttemptClosed)
    const next = await startAttempt({ userId: learner, quizId: id, now: late })
    expect(next.number).toBe(2)
    const closed = await getPrisma().quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } })
    expect(closed).toMatchObject({
      status: 'SUBMITTED',
      closedBy: 'deadline',
      score: 25,
      submittedAt: new Date(start.getTime() + 10 * 60_000),
    })
  })
})
