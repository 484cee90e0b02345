// The completion matrix filtered by one course's status and sorted by progress in one course.
import { beforeAll, describe, expect, it } from 'vitest'
import { importCoursePackages } from '~/modules/content/import.server'
import { assignCourse } from '~/modules/manage/assignments.server'
import type { MatrixStatus } from '~/modules/manage/matrix'
import { getCompletionMatrix } from '~/modules/manage/matrix.server'
import { markModuleComplete, recordModuleOpened } from '~/modules/progress/progress.server'
import { getPrisma } from '~/utils/db.server'
import { coursePackage } from '../support/course-package'

const prisma = () => getPrisma()
const now = new Date('2026-11-23T12:00:00Z')
let administrationId = ''
const officer: Record<string, string> = {}

beforeAll(async () => {
  await importCoursePackages({ packages: [coursePackage('seals'), coursePackage('tariff')] })
  const administration = await prisma().administration.create({
    data: { code: 'MX', name: { en: 'MX', ru: 'MX' } },
    select: { id: true },
  })
  administrationId = administration.id
  const other = await prisma().administration.create({ data: { code: 'MY', name: { en: 'MY', ru: 'MY' } } })
  // Names sort the other way round from progress, so a sort by progress is visible.
  for (const [key, displayName] of [
    ['done', 'Alpha Done'],
    ['half', 'Bravo Half'],
    ['opened', 'Charlie Opened'],
    ['late', 'Delta Late'],
    ['none', 'Echo Not Enrolled'],
  ] as const) {
    const user = await prisma().user.create({
      data: { email: `${key}@mx.test`, displayName, passwordHash: 'x', role: 'LEARNER', administrationId },
      select: { id: true },
    })
    officer[key] = user.id
  }
  await prisma().user.create({
    data: {
      email: 'marker@my.test',
      displayName: 'MARKER-Y',
      passwordHash: 'x',
      role: 'LEARNER',
      administrationId: other.id,
    },
  })
  const assign = (ids: string[], dueAt: Date) =>
    assignCourse({ administrationId, courseSlug: 'seals', officerIds: ids, unitId: null, dueAt, actorId: 'manager' })
  await assign([officer.done!, officer.half!, officer.opened!], new Date('2030-01-01T00:00:00Z'))
  await assign([officer.late!], new Date('2020-01-01T00:00:00Z'))
  const modules = await prisma().module.findMany({ where: { course: { slug: 'seals' } }, orderBy: { position: 'asc' } })
  await markModuleComplete({ userId: officer.half!, moduleId: modules[0]!.id })
  await recordModuleOpened({ userId: officer.opened!, moduleId: modules[0]!.id })
  await prisma().enrolment.updateMany({
    where: { userId: officer.done! },
    data: { completedAt: new Date('2026-10-01T00:00:00Z'), finalScore: 90 },
  })
})

const names = async (options: Parameters<typeof getCompletionMatrix>[0]) =>
  (await getCompletionMatrix({ now, ...options })).officers.map((row) => row.displayName)

describe('the matrix filtered by a course’s status', () => {
  it.each<[MatrixStatus, string[]]>([
    ['completed', ['Alpha Done']],
    ['in-progress', ['Bravo Half']],
    // Opened but nothing completed is not started: progress counts completed modules (ADR 031).
    ['not-started', ['Charlie Opened', 'Delta Late']],
    ['overdue', ['Delta Late']],
    ['not-enrolled', ['Echo Not Enrolled']],
  ])('%s', async (status, expected) => {
    const matrix = await getCompletionMatrix({ administrationId, now, status: { courseSlug: 'seals', status } })
    expect(matrix.officers.map((row) => row.displayName)).toEqual(expected)
    expect(matrix.total).toBe(expected.length)
    // The page says the same as the filter.
    for (const row of matrix.officers) {
      const cell = row.cells[matrix.courses.findIndex((course) => course.slug === 'seals')]!
      expect(status === 'overdue' ? 'overdue' in cell && cell.overdue : cell.state).toBe(
        status === 'overdue' ? true : status,
      )
    }
  })

  it('applies to the chosen course only, and ignores a course that is not published', async () => {
    expect(await names({ administrationId, status: { courseSlug: 'tariff', status: 'not-enrolled' } })).toHaveLength(5)
    expect(
      await names({ administrationId, status: { courseSlug: 'no-such-course', status: 'completed' } }),
    ).toHaveLength(5)
  })
})

describe('the matrix sorted by progress in a course', () => {
  it('puts not enrolled, not started, in progress by percent and completed in order, then names', async () => {
    expect(await names({ administrationId, sort: { courseSlug: 'seals', direction: 'asc' } })).toEqual([
      'Echo Not Enrolled',
      'Charlie Opened',
      'Delta Late',
      'Bravo Half',
      'Alpha Done',
    ])
    expect(await names({ administrationId, sort: { courseSlug: 'seals', direction: 'desc' } })).toEqual([
      'Alpha Done',
      'Bravo Half',
      'Charlie Opened',
      'Delta Late',
      'Echo Not Enrolled',
    ])
  })

  it('combines with the text filter and pages, and never reaches another administration', async () => {
    const matrix = await getCompletionMatrix({
      administrationId,
      now,
      query: 'a',
      sort: { courseSlug: 'seals', direction: 'desc' },
      status: { courseSlug: 'tariff', status: 'not-enrolled' },
      page: 'all',
    })
    expect(JSON.stringify(matrix)).not.toContain('MARKER-Y')
    expect(matrix.officers.map((row) => row.displayName)).toEqual([
      'Alpha Done',
      'Bravo Half',
      'Charlie Opened',
      'Delta Late',
    ])
    expect(await names({ administrationId, query: '%' })).toEqual([])
    expect(await names({ administrationId, page: 2 })).toEqual([])
  })
})
