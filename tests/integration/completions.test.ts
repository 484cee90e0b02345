// Completions over time: counted per month by the database, for one administration's officers only.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '~/generated/prisma/enums'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { generateCode } from '~/modules/certificates/code'
import { importCoursePackages } from '~/modules/content/import.server'
import { buildCompletionChart } from '~/modules/manage/completions'
import { getCompletionsOverTime } from '~/modules/manage/completions.server'
import { markModuleComplete } from '~/modules/progress/progress.server'
import { getPrisma } from '~/utils/db.server'
import { coursePackage } from '../support/course-package'

const prisma = () => getPrisma()
const NOW = new Date('2026-03-15T10:00:00Z')
const administrations = { A: '', B: '' }
const courseIds: Record<string, string> = {}
let counter = 0

async function person(role: Role, administrationId: string) {
  return prisma().user.create({
    data: {
      email: `c${++counter}@example.test`,
      displayName: `Officer ${counter}`,
      passwordHash: 'x',
      role,
      administrationId,
    },
    select: { id: true, displayName: true, administrationId: true },
  })
}

/** A certificate as issuing one writes it: the record of one completion. */
async function completion(
  user: { id: string; displayName: string; administrationId: string | null },
  slug: string,
  completedAt: string,
) {
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
      completedAt: new Date(completedAt),
    },
  })
}

const countsOf = async (administrationId: string, now = NOW) =>
  Object.fromEntries(
    (await getCompletionsOverTime({ administrationId, now })).counts.map((c) => [`${c.month} ${c.slug}`, c.count]),
  )

beforeAll(async () => {
  for (const code of ['A', 'B'] as const) {
    const { id } = await prisma().administration.create({ data: { code: `C${code}`, name: { en: code, ru: code } } })
    administrations[code] = id
  }
  await importCoursePackages({
    packages: [coursePackage('seals'), coursePackage('valuation'), coursePackage('retired')],
  })
  for (const course of await prisma().course.findMany({ select: { id: true, slug: true } })) {
    courseIds[course.slug] = course.id
  }
  await prisma().course.update({ where: { slug: 'retired' }, data: { status: 'ARCHIVED' } })

  const [one, two, gone] = [
    await person('LEARNER', administrations.A),
    await person('LEARNER', administrations.A),
    await person('LEARNER', administrations.A),
  ]
  await completion(one, 'seals', '2025-04-01T00:00:00.000Z') // the first instant of the first month
  await completion(one, 'seals', '2026-01-10T08:00:00.000Z') // the same course again, after a renewal
  await completion(two, 'seals', '2026-01-31T23:59:59.999Z')
  await completion(two, 'valuation', '2026-03-31T23:59:59.999Z') // the last instant of the current month
  await completion(gone, 'valuation', '2026-03-01T00:00:00.000Z')
  await prisma().user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } }) // still counts

  await completion(one, 'seals', '2025-03-31T23:59:59.999Z') // a month too early
  await completion(two, 'seals', '2026-04-01T00:00:00.000Z') // next month
  await completion(one, 'retired', '2026-02-01T00:00:00.000Z') // an archived course
  await completion(await person('MANAGER', administrations.A), 'seals', '2026-02-01T00:00:00.000Z')
  const foreign = await person('LEARNER', administrations.B)
  await completion(foreign, 'seals', '2026-02-01T00:00:00.000Z')
  await completion(foreign, 'valuation', '2026-02-02T00:00:00.000Z')
})

describe('completions over time', () => {
  it('counts each completion per month and course of the administration’s officers, in the last 12 months', async () => {
    const result = await getCompletionsOverTime({ administrationId: administrations.A, now: NOW })
    expect(result.months).toHaveLength(12)
    expect(result.months[0]).toBe('2025-04')
    expect(result.months.at(-1)).toBe('2026-03')
    expect(result.courses.map((course) => course.slug)).toEqual(['seals', 'valuation'])
    expect(result.courses[0]!.title).toEqual({ en: 'Course seals', ru: 'Курс seals' })
    expect(result.counts).toEqual([
      { slug: 'seals', month: '2025-04', count: 1 },
      { slug: 'seals', month: '2026-01', count: 2 },
      { slug: 'valuation', month: '2026-03', count: 2 },
    ])
    const chart = buildCompletionChart({ ...result, locale: 'en' })
    expect(chart.total).toBe(5)
    expect(chart.busiest).toEqual({ label: 'March 2026', total: 2 })
  })

  it('never counts another administration’s completions, and counts them for that one', async () => {
    expect(await countsOf(administrations.B)).toEqual({ '2026-02 seals': 1, '2026-02 valuation': 1 })
    const other = await prisma().administration.create({ data: { code: 'CEMPTY', name: { en: 'E', ru: 'E' } } })
    const empty = await getCompletionsOverTime({ administrationId: other.id, now: NOW })
    expect(empty.counts).toEqual([])
    expect(empty.courses.map((course) => course.slug)).toEqual(['seals', 'valuation'])
  })

  it('counts a completion where it was earned, while its officer is still there', async () => {
    const mover = await person('LEARNER', administrations.A)
    await completion(mover, 'valuation', '2025-12-05T12:00:00.000Z')
    expect((await countsOf(administrations.A))['2025-12 valuation']).toBe(1)
    await prisma().user.update({ where: { id: mover.id }, data: { administrationId: administrations.B } })
    // Gone from A with the officer (as from A's matrix); B's record starts with what is earned there.
    expect((await countsOf(administrations.A))['2025-12 valuation']).toBeUndefined()
    expect((await countsOf(administrations.B))['2025-12 valuation']).toBeUndefined()
    await completion({ ...mover, administrationId: administrations.B }, 'seals', '2026-03-02T00:00:00.000Z')
    expect((await countsOf(administrations.B))['2026-03 seals']).toBe(1)
  })

  it('counts a course completed through the platform in the current month', async () => {
    const learner = await person('LEARNER', administrations.B)
    await enrolInCourse({ userId: learner.id, courseId: courseIds.seals! })
    const modules = await prisma().module.findMany({ where: { courseId: courseIds.seals! }, select: { id: true } })
    const now = new Date()
    const month = `${now.toISOString().slice(0, 7)} seals`
    const [before, beforeInA] = [
      (await countsOf(administrations.B, now))[month] ?? 0,
      await countsOf(administrations.A, now),
    ]
    for (const { id } of modules) await markModuleComplete({ userId: learner.id, moduleId: id })
    expect((await countsOf(administrations.B, now))[month]).toBe(before + 1)
    expect(await countsOf(administrations.A, now)).toEqual(beforeInA)
  })
})
