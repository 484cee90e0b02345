import { Prisma } from '~/generated/prisma/client'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { assignCourse } from '~/modules/manage/assignments.server'
import { markModuleComplete, recordModuleOpened } from '~/modules/progress/progress.server'
import { saveAnswers, startAttempt, submitAttempt } from '~/modules/quiz/attempt.server'
import type { FrozenQuestion } from '~/modules/quiz/draw'
import { toPublicAnswer } from '~/modules/quiz/public-question'
import { rightAnswer } from '~/modules/quiz/right-answer'
import { getPrisma } from '~/utils/db.server'
import { hashPassword } from '~/modules/auth/password.server'
import { DEMO_ADMINISTRATIONS, DEMO_OFFICERS, DEMO_PASSWORD, demoOfficerEmail, type DemoTraining } from './demo-data'

const DAY_MS = 86_400_000

/**
 * Gives the demo administrations officers with training records (DEMO_OFFICERS), made the way a
 * learner makes them: enrolments and assignments, opened modules, quiz attempts answered and graded by
 * the quiz engine, completions and certificates. Each course's records are then moved back in time, so
 * the completions spread over the past months. Runs once, right after the demo accounts are created
 * and the shipped courses imported; skips a course that is not there.
 */
export async function seedDemoTraining({ now = new Date() }: { now?: Date } = {}) {
  const prisma = getPrisma()
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const administrations = await prisma.administration.findMany({
    where: { code: { in: DEMO_ADMINISTRATIONS.map((administration) => administration.code) } },
    select: { id: true, code: true, units: { orderBy: { name: 'asc' }, select: { id: true, name: true } } },
  })
  const courses = await prisma.course.findMany({ where: { status: 'PUBLISHED' }, select: { id: true, slug: true } })
  const coordinator = await prisma.user.findFirst({
    where: { role: { in: ['MANAGER', 'ADMIN'] } },
    select: { id: true },
  })
  let officers = 0
  for (const [index, officer] of DEMO_OFFICERS.entries()) {
    const { code, units } = DEMO_ADMINISTRATIONS[officer.administration]!
    const administration = administrations.find((candidate) => candidate.code === code)
    if (!administration) continue
    // The account existed a few weeks before the officer's first record, as a real one would.
    const since = new Date(now.getTime() - (Math.max(...officer.training.map((t) => t.daysAgo)) + 21) * DAY_MS)
    const { id: userId } = await prisma.user.create({
      data: {
        createdAt: since,
        passwordChangedAt: since,
        email: demoOfficerEmail(officer.name),
        displayName: officer.name,
        role: 'LEARNER',
        preferredLocale: index % 2 === 0 ? 'ru' : 'en',
        administrationId: administration.id,
        unitId: administration.units.find((unit) => unit.name === units[officer.unit])?.id ?? null,
        passwordHash,
      },
      select: { id: true },
    })
    officers += 1
    for (const [position, training] of officer.training.entries()) {
      const course = courses.find((candidate) => candidate.slug === training.course)
      if (!course) continue
      await enrol({
        userId,
        courseId: course.id,
        administrationId: administration.id,
        training,
        actorId: coordinator?.id ?? userId,
        now,
      })
      await train({ userId, courseId: course.id, state: training.state, slips: slipsOf(index + position) })
      await moveBack({ userId, courseId: course.id, days: training.daysAgo })
    }
  }
  return { officers }
}

async function enrol({
  userId,
  courseId,
  administrationId,
  training,
  actorId,
  now,
}: {
  userId: string
  courseId: string
  administrationId: string
  training: DemoTraining
  actorId: string
  now: Date
}) {
  if (training.dueInDays === undefined) return enrolInCourse({ userId, courseId })
  const dueAt = new Date(now.getTime() + training.dueInDays * DAY_MS)
  dueAt.setUTCHours(23, 59, 59, 999)
  // The due date is relative to today, not moved back with the rest: "overdue" means overdue now.
  await assignCourse({
    administrationId,
    courseSlug: training.course,
    officerIds: [userId],
    unitId: null,
    dueAt,
    actorId,
  })
}

/**
 * How many questions an officer gets wrong in a quiz, by a fixed pattern over officers and courses, so
 * the demo's scores vary (70 % to 100 %) the same way on every seed.
 */
const SLIP_PATTERN = [1, 0, 2, 1, 3, 0, 2]
const slipsOf = (seed: number) => SLIP_PATTERN[seed % SLIP_PATTERN.length]!

async function train({
  userId,
  courseId,
  state,
  slips,
}: {
  userId: string
  courseId: string
  state: DemoTraining['state']
  slips: number
}) {
  if (state === 'assigned') return
  const prisma = getPrisma()
  const modules = await prisma.module.findMany({
    where: { courseId, archivedAt: null },
    orderBy: { position: 'asc' },
    select: { id: true, quiz: { select: { id: true } } },
  })
  const studied =
    state === 'opened' ? [] : state === 'halfway' ? modules.slice(0, Math.floor(modules.length / 2)) : modules
  await recordModuleOpened({ userId, moduleId: modules[0]!.id })
  for (const [position, module] of studied.entries()) {
    await recordModuleOpened({ userId, moduleId: module.id })
    if (!module.quiz) {
      await markModuleComplete({ userId, moduleId: module.id })
      continue
    }
    // A slip here and there in the module quizzes; one that falls short of the pass mark is taken again.
    const quizId = module.quiz.id
    const first = await takeQuiz({ userId, quizId, skip: (slips + position) % 2 })
    if (!first.passed) await takeQuiz({ userId, quizId, skip: 0 })
  }
  const exam = await prisma.quiz.findFirst({ where: { courseId, kind: 'FINAL_EXAM' }, select: { id: true } })
  if (state !== 'completed' || !exam) return
  // Some questions left out first, as people do; if that falls short of the pass mark, a second attempt.
  const first = await takeQuiz({ userId, quizId: exam.id, skip: slips })
  if (!first.passed) await takeQuiz({ userId, quizId: exam.id, skip: Math.min(slips, 1) })
}

/** An attempt answered right except for the first `skip` questions, then submitted and graded. */
async function takeQuiz({ userId, quizId, skip }: { userId: string; quizId: string; skip: number }) {
  const attempt = await startAttempt({ userId, quizId })
  const { questions } = await getPrisma().quizAttempt.findUniqueOrThrow({
    where: { id: attempt.id },
    select: { questions: true },
  })
  const answers = (questions as unknown as FrozenQuestion[]).flatMap((question, position) =>
    position < skip ? [] : [{ position, answer: toPublicAnswer(question, rightAnswer(question)) }],
  )
  await saveAnswers({ attemptId: attempt.id, userId, seq: 1, answers })
  return submitAttempt({ attemptId: attempt.id, userId })
}

/** Every record of this officer in this course, `days` earlier: as if it had all happened then. */
async function moveBack({ userId, courseId, days }: { userId: string; courseId: string; days: number }) {
  const shift = Prisma.sql`make_interval(days => ${days})`
  await getPrisma().$transaction([
    getPrisma().$executeRaw`
      UPDATE "ModuleProgress" p SET "firstOpenedAt" = p."firstOpenedAt" - ${shift},
        "lastOpenedAt" = p."lastOpenedAt" - ${shift}, "completedAt" = p."completedAt" - ${shift}
      FROM "Module" m WHERE m."id" = p."moduleId" AND m."courseId" = ${courseId} AND p."userId" = ${userId}`,
    getPrisma().$executeRaw`
      UPDATE "AttemptAnswer" aa SET "savedAt" = aa."savedAt" - ${shift}
      FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId"
      WHERE aa."attemptId" = a."id" AND q."courseId" = ${courseId} AND a."userId" = ${userId}`,
    getPrisma().$executeRaw`
      UPDATE "QuizAttempt" a SET "startedAt" = a."startedAt" - ${shift}, "submittedAt" = a."submittedAt" - ${shift},
        "deadline" = a."deadline" - ${shift}
      FROM "Quiz" q WHERE q."id" = a."quizId" AND q."courseId" = ${courseId} AND a."userId" = ${userId}`,
    getPrisma().$executeRaw`
      UPDATE "Enrolment" SET "enrolledAt" = "enrolledAt" - ${shift}, "completedAt" = "completedAt" - ${shift}
      WHERE "courseId" = ${courseId} AND "userId" = ${userId}`,
    getPrisma().$executeRaw`
      UPDATE "Certificate" SET "completedAt" = "completedAt" - ${shift}, "issuedAt" = "issuedAt" - ${shift},
        "expiresAt" = "expiresAt" - ${shift}
      WHERE "courseId" = ${courseId} AND "userId" = ${userId}`,
  ])
}
