// The coordinator's dashboard: every number checked against a seeded administration, against the
// matrix's own filters, and against a second administration whose data must never count.
import { beforeAll, describe, expect, it } from 'vitest'
import { generateCode } from '~/modules/certificates/code'
import { importCoursePackages } from '~/modules/content/import.server'
import { getCoordinatorDashboard } from '~/modules/manage/dashboard.server'
import { getCompletionMatrix } from '~/modules/manage/matrix.server'
import { getPrisma } from '~/utils/db.server'
import { coursePackage } from '../support/course-package'

const prisma = () => getPrisma()
const NOW = new Date('2026-12-07T12:00:00Z')
const days = (count: number) => new Date(NOW.getTime() + count * 24 * 60 * 60 * 1000)
const courseIds: Record<string, string> = {}
const ids = { A: '', B: '' }
let counter = 0

interface Person {
  administrationId: string
  unitId?: string | null
  name: string
  invited?: boolean
  deactivated?: boolean
}

async function officer({ administrationId, unitId = null, name, invited, deactivated }: Person) {
  return prisma().user.create({
    data: {
      email: `d${++counter}@dashboard.test`,
      displayName: name,
      passwordHash: invited ? null : 'x',
      disabledAt: deactivated ? days(-1) : null,
      role: 'LEARNER',
      administrationId,
      unitId,
    },
    select: { id: true, displayName: true, administrationId: true },
  })
}

type Officer = Awaited<ReturnType<typeof officer>>

/** An enrolment (the database fills its administration); completed ones leave a certificate, as issuing does. */
async function enrol(
  user: Officer,
  slug: string,
  { dueAt = null, completedAt = null }: { dueAt?: Date | null; completedAt?: Date | null } = {},
) {
  await prisma().enrolment.create({ data: { userId: user.id, courseId: courseIds[slug]!, dueAt, completedAt } })
  if (!completedAt) return
  await prisma().certificate.create({
    data: {
      code: generateCode(),
      userId: user.id,
      administrationId: user.administrationId,
      courseId: courseIds[slug]!,
      learnerName: user.displayName,
      courseSlug: slug,
      courseTitle: { en: slug },
      courseVersion: 1,
      completedAt,
    },
  })
}

beforeAll(async () => {
  await importCoursePackages({
    packages: [coursePackage('seals'), coursePackage('valuation'), coursePackage('retired')],
  })
  for (const course of await prisma().course.findMany({ select: { id: true, slug: true } }))
    courseIds[course.slug] = course.id
  await prisma().course.update({ where: { slug: 'retired' }, data: { status: 'ARCHIVED' } })
  for (const code of ['A', 'B'] as const) {
    ids[code] = (await prisma().administration.create({ data: { code: `D${code}`, name: { en: code, ru: code } } })).id
  }
  const unit = async (administrationId: string, name: string) =>
    (await prisma().unit.create({ data: { administrationId, name } })).id
  const [north, south, west] = [
    await unit(ids.A, 'North post'),
    await unit(ids.A, 'South post'),
    await unit(ids.A, 'West post'),
  ]

  const a1 = await officer({ administrationId: ids.A, unitId: north, name: 'A1 done this month' })
  await enrol(a1, 'seals', { dueAt: days(-20), completedAt: days(-2) }) // late, but completed: not overdue
  await enrol(a1, 'retired', { dueAt: days(-30) }) // an archived course counts nowhere
  const a2 = await officer({ administrationId: ids.A, unitId: north, name: 'A2 overdue' })
  await enrol(a2, 'seals', { dueAt: days(-1) })
  const a3 = await officer({ administrationId: ids.A, unitId: south, name: 'A3 invited, due soon', invited: true })
  await enrol(a3, 'seals', { dueAt: days(10) })
  const a4 = await officer({ administrationId: ids.A, unitId: south, name: 'A4 deactivated', deactivated: true })
  await enrol(a4, 'valuation', { dueAt: days(5) })
  const a5 = await officer({ administrationId: ids.A, name: 'A5 no unit' })
  await enrol(a5, 'valuation', { completedAt: new Date('2026-11-30T23:00:00Z') }) // last month
  await enrol(a5, 'seals', { dueAt: days(40) }) // beyond the 30 days
  await officer({ administrationId: ids.A, unitId: west, name: 'A6 nothing yet' })
  // Staff of A: their own enrolments are not the administration's training.
  const staff = await prisma().user.create({
    data: {
      email: 'staff@dashboard.test',
      displayName: 'Staff',
      passwordHash: 'x',
      role: 'MANAGER',
      administrationId: ids.A,
    },
    select: { id: true, displayName: true, administrationId: true },
  })
  await enrol(staff, 'seals', { dueAt: days(3) })

  // B: one of everything, and more of it than A, so any leak changes A's numbers.
  const bUnit = await unit(ids.B, 'North post')
  for (const name of ['B1', 'B2', 'B3']) {
    const b = await officer({ administrationId: ids.B, unitId: bUnit, name })
    await enrol(b, 'seals', { dueAt: days(-3) })
    await enrol(b, 'valuation', { dueAt: days(2), completedAt: days(-1) })
  }
  await enrol(await officer({ administrationId: ids.B, name: 'B4', invited: true }), 'seals', { dueAt: days(7) })
})

describe('the coordinator dashboard', () => {
  it('counts officers by status', async () => {
    const { officers } = await getCoordinatorDashboard({ administrationId: ids.A, now: NOW })
    expect(officers).toEqual({ active: 4, invited: 1, deactivated: 1 })
  })

  it('counts completion and overdue per published course, as the matrix filters them', async () => {
    const dashboard = await getCoordinatorDashboard({ administrationId: ids.A, now: NOW })
    const row = (slug: string) => dashboard.courses.find((course) => course.slug === slug)
    expect(dashboard.courses.map((course) => course.slug)).toEqual(['seals', 'valuation'])
    expect(row('seals')).toMatchObject({ enrolled: 4, completed: 1, overdue: 1, notStarted: 3 })
    expect(row('valuation')).toMatchObject({ enrolled: 2, completed: 1, overdue: 0 })
    expect(dashboard.overdue).toBe(1)
    for (const course of dashboard.courses) {
      for (const status of ['overdue', 'completed', 'not-started'] as const) {
        const matrix = await getCompletionMatrix({
          administrationId: ids.A,
          status: { courseSlug: course.slug, status },
          page: 'all',
          now: NOW,
        })
        const key = status === 'not-started' ? 'notStarted' : status
        expect(matrix.total, `${course.slug} ${status}`).toBe(course[key])
      }
    }
  })

  it('compares completions (certificates) of this month and the last', async () => {
    const { completions } = await getCoordinatorDashboard({ administrationId: ids.A, now: NOW })
    expect(completions).toEqual({
      thisMonth: { key: '2026-12', count: 1 },
      lastMonth: { key: '2026-11', count: 1 },
      change: 0,
    })
  })

  it('ranks units by completed share, units without enrolments last', async () => {
    const { units, courses } = await getCoordinatorDashboard({ administrationId: ids.A, now: NOW })
    expect(units).toEqual([
      expect.objectContaining({ name: 'North post', officers: 2, enrolled: 2, completed: 1 }),
      expect.objectContaining({ id: null, name: null, officers: 1, enrolled: 2, completed: 1 }),
      expect.objectContaining({ name: 'South post', officers: 2, enrolled: 2, completed: 0 }),
      expect.objectContaining({ name: 'West post', officers: 1, enrolled: 0, completed: 0 }),
    ])
    const sum = (rows: { enrolled: number }[]) => rows.reduce((total, row) => total + row.enrolled, 0)
    expect(sum(units)).toBe(sum(courses))
  })

  it('lists assignments due in the next 30 days of officers who can still finish them', async () => {
    const { dueSoon } = await getCoordinatorDashboard({ administrationId: ids.A, now: NOW })
    expect(dueSoon.total).toBe(1)
    expect(dueSoon.rows).toEqual([
      {
        dueAt: days(10),
        started: false,
        officer: expect.objectContaining({ displayName: 'A3 invited, due soon' }),
        course: expect.objectContaining({ slug: 'seals' }),
      },
    ])
  })

  it('never counts another administration’s officers, enrolments or certificates', async () => {
    const b = await getCoordinatorDashboard({ administrationId: ids.B, now: NOW })
    expect(b.officers).toEqual({ active: 3, invited: 1, deactivated: 0 })
    expect(b.overdue).toBe(3)
    expect(b.completions.thisMonth.count).toBe(3)
    expect(b.units.map((unit) => [unit.name, unit.enrolled])).toEqual([
      ['North post', 6],
      [null, 1],
    ])
    expect(b.dueSoon.rows.map((row) => row.officer.displayName)).toEqual(['B4'])
    const a = JSON.stringify(await getCoordinatorDashboard({ administrationId: ids.A, now: NOW }))
    for (const marker of ['B1', 'B2', 'B3', 'B4']) expect(a).not.toContain(marker)
  })
})
