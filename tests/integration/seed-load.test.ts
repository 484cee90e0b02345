// `npm run seed:load`'s generator at a tiny size (2 administrations × 30 officers) on the shipped
// courses: every row belongs where it should, certificates and scores agree with what the app itself
// would have written, and a second run adds nothing.
import { beforeAll, describe, expect, it } from 'vitest'
import { parseCode } from '~/modules/certificates/code'
import { importCoursesFromDisk } from '~/modules/content/course-import.server'
import { findCoursePackageDirs } from '~/modules/content/package-loader.server'
import { getCompletionMatrix, getCourseSummary } from '~/modules/manage/matrix.server'
import type { FrozenQuestion } from '~/modules/quiz/draw'
import { gradeAttempt, scoreAnswer } from '~/modules/quiz/scoring'
import { getDatabase } from '~/utils/db.server'
import { countLoaded, countOtherAccounts, loadDataset } from '../../scripts/lib/load-dataset'

const OFFICERS = 30
const sql = () => getDatabase().sql
const count = async (query: string) => (await sql().query<{ n: number }>(query))[0]!.n
const load = (administrations: number) =>
  loadDataset({ sql: sql(), administrations, officers: OFFICERS, passwordHash: 'not-a-real-hash' })

beforeAll(async () => {
  const imported = await importCoursesFromDisk({ dirs: await findCoursePackageDirs({ dir: 'courses' }) })
  expect(imported.status).toBe('imported')
  expect(await load(2)).toEqual({ created: ['LOAD-KZ', 'LOAD-RS'], skipped: [] })
}, 120_000)

describe('seed:load at a tiny size', () => {
  it('makes officers, a manager and units per administration, and enrolments of every kind', async () => {
    const counts = await countLoaded({ sql: sql() })
    expect(counts).toMatchObject({ administrations: 2, officers: 2 * OFFICERS })
    for (const rows of Object.values(counts)) expect(rows).toBeGreaterThan(0)
    const perAdministration = await sql().query<{ code: string; learners: number; managers: number; units: number }>(`
      SELECT a."code",
             (SELECT count(*) FROM "User" u WHERE u."administrationId" = a."id" AND u."role" = 'LEARNER')::int AS "learners",
             (SELECT count(*) FROM "User" u WHERE u."administrationId" = a."id" AND u."role" = 'MANAGER')::int AS "managers",
             (SELECT count(*) FROM "Unit" n WHERE n."administrationId" = a."id")::int AS "units"
      FROM "Administration" a ORDER BY a."code"`)
    expect(perAdministration).toEqual([
      { code: 'LOAD-KZ', learners: OFFICERS, managers: 1, units: 7 },
      { code: 'LOAD-RS', learners: OFFICERS, managers: 1, units: 7 },
    ])
    const [kz] = await sql().query<{ id: string }>(`SELECT "id" FROM "Administration" WHERE "code" = 'LOAD-KZ'`)
    const cells = (await getCompletionMatrix({ administrationId: kz!.id, page: 'all' })).officers.flatMap(
      (officer) => officer.cells,
    )
    expect(cells).toHaveLength(3 * OFFICERS)
    expect(new Set(cells.map((cell) => cell.state))).toEqual(
      new Set(['not-enrolled', 'not-started', 'in-progress', 'completed']),
    )
    const summary = await getCourseSummary({ administrationId: kz!.id })
    expect(summary.map((row) => row.slug)).toEqual(['aeo', 'cargo-container-control', 'single-window'])
    expect(summary.reduce((sum, row) => sum + row.enrolled, 0)).toBe(
      cells.filter((cell) => cell.state !== 'not-enrolled').length,
    )
  })

  it('enrols only learners of a loaded administration, assigned by their own manager', async () => {
    expect(
      await count(`
        SELECT count(*)::int AS "n" FROM "Enrolment" e
        JOIN "User" u ON u."id" = e."userId"
        LEFT JOIN "Administration" a ON a."id" = u."administrationId"
        LEFT JOIN "User" m ON m."id" = e."assignedById"
        WHERE a."code" IS NULL OR a."code" NOT LIKE 'LOAD-%' OR u."role" <> 'LEARNER'
           OR (e."assignedById" IS NOT NULL AND m."administrationId" IS DISTINCT FROM u."administrationId")
           OR e."completedAt" <= e."enrolledAt"`),
    ).toBe(0)
    expect(
      await count(`SELECT count(*)::int AS "n" FROM "Enrolment" WHERE "assignedById" IS NOT NULL`),
    ).toBeGreaterThan(0)
  })

  it('issues one certificate per completed enrolment, with a unique, valid code', async () => {
    const completed = await count(`SELECT count(*)::int AS "n" FROM "Enrolment" WHERE "completedAt" IS NOT NULL`)
    expect(completed).toBeGreaterThan(0)
    const certificates = await sql().query<{ code: string; matches: boolean; administration: boolean }>(`
      SELECT c."code",
             EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."userId" = c."userId" AND e."courseId" = c."courseId"
                       AND e."completedAt" = c."completedAt"
                       AND e."finalScore" IS NOT DISTINCT FROM c."finalScore") AS "matches",
             c."administrationId" = u."administrationId" AS "administration"
      FROM "Certificate" c JOIN "User" u ON u."id" = c."userId"`)
    expect(certificates).toHaveLength(completed)
    for (const certificate of certificates) {
      expect(certificate).toMatchObject({ matches: true, administration: true })
      expect(parseCode(certificate.code)).toBe(certificate.code)
    }
    expect(new Set(certificates.map((certificate) => certificate.code)).size).toBe(certificates.length)
  })

  it('grades every attempt as the app grades its answers, and completes a course with the passed exam', async () => {
    const attempts = await sql().query<{
      questions: FrozenQuestion[]
      passMark: number
      score: number
      passed: boolean
      answers: { position: number; answer: unknown }[]
    }>(`
      SELECT a."questions", q."passMark", a."score", a."passed",
             coalesce((SELECT json_agg(json_build_object('position', x."position", 'answer', x."answer"))
                       FROM "AttemptAnswer" x WHERE x."attemptId" = a."id"), '[]') AS "answers"
      FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId"`)
    expect(attempts.length).toBeGreaterThan(0)
    for (const attempt of attempts) {
      const given = new Map(attempt.answers.map(({ position, answer }) => [position, answer]))
      const grade = gradeAttempt({
        passMark: attempt.passMark,
        items: attempt.questions.map((question, position) => ({
          points: question.points,
          fraction: scoreAnswer(question.definition, given.get(position), question.generated),
        })),
      })
      expect({ score: attempt.score, passed: attempt.passed }).toEqual({ score: grade.percent, passed: grade.passed })
    }
    // As completeCourseIfDone: every module completed, and the final score is the passed exam's, at completion.
    expect(
      await count(`
        SELECT count(*)::int AS "n" FROM "Enrolment" e
        WHERE e."completedAt" IS NOT NULL AND (
          NOT EXISTS (SELECT 1 FROM "QuizAttempt" a JOIN "Quiz" q ON q."id" = a."quizId" AND q."kind" = 'FINAL_EXAM'
                      WHERE q."courseId" = e."courseId" AND a."userId" = e."userId" AND a."passed"
                        AND a."score" = e."finalScore" AND a."submittedAt" = e."completedAt")
          OR EXISTS (SELECT 1 FROM "Module" m
                     LEFT JOIN "ModuleProgress" p ON p."moduleId" = m."id" AND p."userId" = e."userId"
                     WHERE m."courseId" = e."courseId" AND m."archivedAt" IS NULL
                       AND (p."completedAt" IS NULL OR p."completedAt" > e."completedAt")))`),
    ).toBe(0)
  })

  it('leaves loaded administrations as they are on a second run and adds only missing ones', async () => {
    const before = await countLoaded({ sql: sql() })
    expect(await load(2)).toEqual({ created: [], skipped: ['LOAD-KZ', 'LOAD-RS'] })
    expect(await countLoaded({ sql: sql() })).toEqual(before)
    expect(await load(3)).toEqual({ created: ['LOAD-BY'], skipped: ['LOAD-KZ', 'LOAD-RS'] })
    expect((await countLoaded({ sql: sql() })).officers).toBe(3 * OFFICERS)
  })

  it('counts the accounts that would make the command refuse', async () => {
    expect(await countOtherAccounts({ sql: sql() })).toBe(0)
    await sql().query(
      `INSERT INTO "User" ("id", "email", "displayName", "updatedAt") VALUES ('real', 'officer@customs.example', 'Real Officer', now())`,
    )
    expect(await countOtherAccounts({ sql: sql() })).toBe(1)
  })
})
