// The exam-start spike's set-up and its check afterwards, run in the benchmark's own process with the
// app's own services, while no server has the database open (PGlite allows one process per directory).
// Import it only through `withAppDatabase`: the app reads its configuration once, on first use.
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { hashPassword } from '~/modules/auth/password.server'
import { createSession } from '~/modules/auth/session.server'
import { DEMO_PASSWORD } from '~/setup/demo-data'
import { prepareDatabase } from '~/setup/startup.server'
import { markModuleComplete } from '~/modules/progress/progress.server'
import { getPrisma } from '~/utils/db.server'

export const SPIKE_ADMINISTRATION = 'DEMO-BENCH'

export interface SpikeLearner {
  id: string
  /** The `lms_session` cookie value. */
  token: string
}

/** Runs `work` on each item, `parallel` at a time (PostgreSQL's pool has 10 connections). */
async function eachLimited<T>(items: T[], parallel: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) await work(items[index]!, index)
  }
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker))
}

/**
 * What the server does on its first start (migrations, demo data, shipped courses), so it finds the
 * database ready and changes nothing; then `count` learners who completed every module of the course,
 * each with a signed-in session.
 */
export async function setUpSpike({ count, courseSlug }: { count: number; courseSlug: string }) {
  await prepareDatabase()
  const prisma = getPrisma()
  const course = await prisma.course.findUnique({
    where: { slug: courseSlug },
    select: {
      id: true,
      modules: { where: { archivedAt: null }, orderBy: { position: 'asc' }, select: { id: true } },
      quizzes: { where: { kind: 'FINAL_EXAM' }, select: { id: true, questionsPerAttempt: true } },
    },
  })
  const exam = course?.quizzes[0]
  if (!course || !exam) throw new Error(`the shipped course ${courseSlug} or its final exam was not imported`)

  const administration = await prisma.administration.create({
    data: {
      code: SPIKE_ADMINISTRATION,
      name: { en: 'Benchmark learners (demo)', ru: 'Слушатели для замеров (демо)' },
      isDemo: true,
    },
    select: { id: true },
  })
  // One argon2 hash for everybody: nobody logs in with a password, and 1,000 hashes would take minutes.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const width = String(count).length
  await prisma.user.createMany({
    data: Array.from({ length: count }, (_, index) => {
      const number = String(index + 1).padStart(width, '0')
      return {
        email: `spike-${number}@bench.test`,
        displayName: `Spike Learner ${number}`,
        role: 'LEARNER' as const,
        administrationId: administration.id,
        passwordHash,
      }
    }),
  })
  const users = await prisma.user.findMany({
    where: { administrationId: administration.id },
    orderBy: { email: 'asc' },
    select: { id: true },
  })

  const learners: SpikeLearner[] = new Array(users.length)
  await eachLimited(users, 8, async ({ id }, index) => {
    if (!(await enrolInCourse({ userId: id, courseId: course.id }))) throw new Error(`could not enrol ${id}`)
    for (const module of course.modules) {
      if (!(await markModuleComplete({ userId: id, moduleId: module.id }))) throw new Error(`could not complete ${id}`)
    }
    learners[index] = { id, token: (await createSession({ userId: id })).token }
  })
  return { learners, quizId: exam.id, questionsPerAttempt: exam.questionsPerAttempt, modules: course.modules.length }
}

export interface SpikeCheck {
  /** Final-exam attempts of the spike's learners. */
  attempts: number
  /** Learners with at least one. */
  learners: number
  /** Rows sharing (quizId, userId, number); the unique index should make this impossible. */
  duplicateNumbers: number
  learnersWithSeveral: number
  inProgress: number
  withoutAnswers: number
  /** Attempts with fewer saved answers than questions. */
  partlyAnswered: number
  answerRows: number
}

/** Counts what the spike left in the database. */
export async function checkSpike({ quizId }: { quizId: string }): Promise<SpikeCheck> {
  const [row] = await getPrisma().$queryRaw<SpikeCheck[]>`
    WITH spike AS (
      SELECT a."id", a."userId", a."number", a."status", jsonb_array_length(a."questions") AS "questionCount",
             (SELECT count(*) FROM "AttemptAnswer" x WHERE x."attemptId" = a."id") AS "answerCount"
      FROM "QuizAttempt" a
      JOIN "User" u ON u."id" = a."userId"
      JOIN "Administration" d ON d."id" = u."administrationId" AND d."code" = ${SPIKE_ADMINISTRATION}
      WHERE a."quizId" = ${quizId}
    )
    SELECT count(*)::int AS "attempts",
           count(DISTINCT "userId")::int AS "learners",
           (SELECT count(*) FROM (SELECT 1 FROM spike GROUP BY "userId", "number" HAVING count(*) > 1) d)::int
             AS "duplicateNumbers",
           (SELECT count(*) FROM (SELECT 1 FROM spike GROUP BY "userId" HAVING count(*) > 1) s)::int
             AS "learnersWithSeveral",
           count(*) FILTER (WHERE "status" = 'IN_PROGRESS')::int AS "inProgress",
           count(*) FILTER (WHERE "answerCount" = 0)::int AS "withoutAnswers",
           count(*) FILTER (WHERE "answerCount" < "questionCount")::int AS "partlyAnswered",
           COALESCE(sum("answerCount"), 0)::int AS "answerRows"
    FROM spike`
  return row!
}
