// The demo officers' training records: made by the quiz engine, spread over the past months.
import { beforeAll, describe, expect, it } from 'vitest'
import { importShippedCoursesOnFirstStart } from '~/modules/content/course-import.server'
import { getCompletionsOverTime } from '~/modules/manage/completions.server'
import { getCompletionMatrix, getCourseSummary } from '~/modules/manage/matrix.server'
import { DEMO_COURSE_EDITOR, DEMO_OFFICERS, demoOfficerEmail } from '~/setup/demo-data'
import { seedDemoTraining } from '~/setup/demo-training.server'
import { seedDemoCourseEditors, seedDemoData } from '~/setup/seed.server'
import { getPrisma } from '~/utils/db.server'

const prisma = () => getPrisma()
const now = new Date()
let armenia = ''

beforeAll(async () => {
  expect(await seedDemoData()).toEqual({ seeded: true })
  await importShippedCoursesOnFirstStart({ dirs: ['courses'] })
  expect(await seedDemoCourseEditors()).toEqual({ courses: 3 })
  expect(await seedDemoTraining({ now })).toEqual({ officers: DEMO_OFFICERS.length })
  armenia = (await prisma().administration.findUniqueOrThrow({ where: { code: 'DEMO-AM' }, select: { id: true } })).id
}, 120_000)

const planned = (administration: number, state: string) =>
  DEMO_OFFICERS.filter((officer) => officer.administration === administration).flatMap((officer) =>
    officer.training.filter((training) => training.state === state),
  )

describe('the demo instructor', () => {
  it('edits every shipped course, once', async () => {
    const courses = await prisma().course.findMany({
      select: { slug: true, editors: { select: { user: { select: { email: true } } } } },
    })
    expect(courses.map((course) => course.slug).sort()).toEqual(['aeo', 'cargo-container-control', 'single-window'])
    for (const course of courses)
      expect(course.editors.map((editor) => editor.user.email)).toEqual([DEMO_COURSE_EDITOR])
    expect(await seedDemoCourseEditors()).toEqual({ courses: 0 })
  })
})

describe('the demo officers’ training records', () => {
  it('show every state in the matrix of the demo administration', async () => {
    const matrix = await getCompletionMatrix({ administrationId: armenia, page: 'all', now })
    const states = new Set(matrix.officers.flatMap((officer) => officer.cells.map((cell) => cell.state)))
    expect([...states].sort()).toEqual(['completed', 'in-progress', 'not-enrolled', 'not-started'])
    const summary = await getCourseSummary({ administrationId: armenia, now })
    expect(summary.reduce((sum, row) => sum + row.completed, 0)).toBe(planned(0, 'completed').length)
    expect(summary.reduce((sum, row) => sum + row.overdue, 0)).toBe(2)
  })

  it('complete a course only through a passed final exam, with its certificate at the same moment', async () => {
    const completed = await prisma().enrolment.findMany({
      where: { completedAt: { not: null }, user: { email: { endsWith: '@demo.test' } } },
      select: { userId: true, courseId: true, completedAt: true, finalScore: true },
    })
    expect(completed).toHaveLength(
      DEMO_OFFICERS.flatMap((officer) => officer.training).filter((t) => t.state === 'completed').length,
    )
    for (const enrolment of completed) {
      const passedExam = await prisma().quizAttempt.findFirst({
        where: { userId: enrolment.userId, passed: true, quiz: { courseId: enrolment.courseId, kind: 'FINAL_EXAM' } },
        select: { score: true, submittedAt: true },
      })
      expect(passedExam?.score).toBe(enrolment.finalScore)
      const certificate = await prisma().certificate.findFirstOrThrow({
        where: { userId: enrolment.userId, courseId: enrolment.courseId },
        select: { completedAt: true, expiresAt: true },
      })
      expect(certificate.completedAt).toEqual(enrolment.completedAt)
      expect(certificate.expiresAt!.getTime()).toBeGreaterThan(now.getTime())
    }
  })

  it('lie in the past as planned, so the chart spreads over the months', async () => {
    const tigran = DEMO_OFFICERS[0]!
    const cargo = await prisma().enrolment.findFirstOrThrow({
      where: { user: { email: demoOfficerEmail(tigran.name) }, course: { slug: 'cargo-container-control' } },
      select: { completedAt: true },
    })
    const days = (now.getTime() - cargo.completedAt!.getTime()) / 86_400_000
    expect(Math.round(days)).toBe(tigran.training[0]!.daysAgo)
    const chart = await getCompletionsOverTime({ administrationId: armenia, now })
    expect(chart.counts.reduce((sum, row) => sum + row.count, 0)).toBe(planned(0, 'completed').length)
    expect(new Set(chart.counts.map((row) => row.month)).size).toBeGreaterThan(4)
  })

  it('vary in score, and belong to accounts made before any of their records', async () => {
    const scores = await prisma().enrolment.findMany({
      where: { finalScore: { not: null }, user: { email: { endsWith: '@demo.test' } } },
      select: { finalScore: true },
    })
    expect(new Set(scores.map((row) => row.finalScore)).size).toBeGreaterThan(2)
    const officers = await prisma().user.findMany({
      where: { email: { endsWith: '@demo.test' } },
      select: {
        email: true,
        createdAt: true,
        enrolments: { select: { enrolledAt: true } },
        attempts: { select: { startedAt: true } },
      },
    })
    for (const officer of officers) {
      const first = Math.min(
        ...officer.enrolments.map((row) => row.enrolledAt.getTime()),
        ...officer.attempts.map((row) => row.startedAt.getTime()),
      )
      expect(officer.createdAt.getTime(), officer.email).toBeLessThan(first)
    }
  })
})
