import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { startAttempt, submitAttempt } from '~/modules/quiz/attempt.server'
import type { FrozenQuestion } from '~/modules/quiz/draw'
import { markModuleComplete } from '~/modules/progress/progress.server'
import { getPrisma } from '~/utils/db.server'

/*
 * Finished attempts with exactly the answers a test names, for regrading and item statistics: the
 * attempt is started and submitted by the app's own functions; only the answers are written directly
 * (by question slug, in the stored form), so a test states what each learner picked, not where it showed.
 */

let learners = 0

/** A learner enrolled in the course, with every current module complete when `modulesDone` (the exam opens). */
export async function enrolledLearner({
  courseId,
  name,
  modulesDone = false,
}: {
  courseId: string
  name?: string
  modulesDone?: boolean
}) {
  learners += 1
  const administration = await getPrisma().administration.create({
    data: { code: `QA${learners}`, name: { en: `Customs ${learners}`, ru: `Таможня ${learners}` } },
    select: { id: true },
  })
  const user = await getPrisma().user.create({
    data: {
      email: `learner${learners}@attempts.test`,
      displayName: name ?? `Learner ${learners}`,
      passwordHash: 'x',
      administrationId: administration.id,
    },
    select: { id: true },
  })
  await enrolInCourse({ userId: user.id, courseId })
  if (modulesDone) {
    const modules = await getPrisma().module.findMany({ where: { courseId, archivedAt: null }, select: { id: true } })
    for (const module of modules) await markModuleComplete({ userId: user.id, moduleId: module.id })
  }
  return user.id
}

/** Starts an attempt, stores `answers` (by question slug; a slug left out stays unanswered) and submits it. */
export async function finishedAttempt({
  userId,
  quizId,
  answers,
}: {
  userId: string
  quizId: string
  answers: Record<string, unknown>
}) {
  const { id } = await startAttempt({ userId, quizId })
  const { questions } = await getPrisma().quizAttempt.findUniqueOrThrow({ where: { id }, select: { questions: true } })
  const rows = (questions as unknown as FrozenQuestion[]).flatMap((question, position) => {
    const answer = answers[question.definition.slug]
    return answer === undefined ? [] : [{ attemptId: id, position, answer: answer as object, seq: 1 }]
  })
  await getPrisma().attemptAnswer.createMany({ data: rows })
  return submitAttempt({ attemptId: id, userId })
}
