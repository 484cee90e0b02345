// "Enrolment"."modulesOpened" and "modulesCompleted" are kept by the database (migration
// 20261203130000): the course's current modules the officer has opened and completed. The completion
// matrix reads them instead of counting progress rows, so after every kind of change they must equal
// what the learner's own course page counts live.
import { beforeAll, describe, expect, it } from 'vitest'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { getCourseProgress, markModuleComplete, recordModuleOpened } from '~/modules/progress/progress.server'
import { getPrisma } from '~/utils/db.server'
import { coursePackage, module } from '../support/course-package'

const prisma = () => getPrisma()
let courseId = ''
let otherCourseId = ''

async function createLearner(key: string) {
  const user = await prisma().user.create({
    data: { email: `${key}@module-counts.test`, displayName: key, passwordHash: 'x', role: 'LEARNER' },
    select: { id: true },
  })
  return user.id
}

const moduleId = async (slug: string, course = courseId) =>
  (await prisma().module.findUniqueOrThrow({ where: { courseId_slug: { courseId: course, slug } } })).id

const keptCounts = async (userId: string, course = courseId) => {
  const { modulesOpened, modulesCompleted } = await prisma().enrolment.findUniqueOrThrow({
    where: { userId_courseId: { userId, courseId: course } },
    select: { modulesOpened: true, modulesCompleted: true },
  })
  return { opened: modulesOpened, completed: modulesCompleted }
}

/** Every enrolment whose kept counts differ from a count made now over the current modules. */
const staleEnrolments = () => prisma().$queryRaw<{ id: string }[]>`
  SELECT e."id" FROM "Enrolment" e
  CROSS JOIN LATERAL (
    SELECT count(p."moduleId")::int AS "opened", count(p."completedAt")::int AS "completed"
    FROM "Module" m LEFT JOIN "ModuleProgress" p ON p."moduleId" = m."id" AND p."userId" = e."userId"
    WHERE m."courseId" = e."courseId" AND m."archivedAt" IS NULL) live
  WHERE (e."modulesOpened", e."modulesCompleted") IS DISTINCT FROM (live."opened", live."completed")`

beforeAll(async () => {
  await importCoursePackages({ packages: [coursePackage('counted'), coursePackage('other-counted')] })
  courseId = (await prisma().course.findUniqueOrThrow({ where: { slug: 'counted' } })).id
  otherCourseId = (await prisma().course.findUniqueOrThrow({ where: { slug: 'other-counted' } })).id
})

describe('the module counts of an enrolment', () => {
  it('follow opening and completing modules, and ignore a module opened again', async () => {
    const learner = await createLearner('opener')
    await enrolInCourse({ userId: learner, courseId })
    expect(await keptCounts(learner)).toEqual({ opened: 0, completed: 0 })

    await recordModuleOpened({ userId: learner, moduleId: await moduleId('alpha') })
    await recordModuleOpened({ userId: learner, moduleId: await moduleId('beta') })
    expect(await keptCounts(learner)).toEqual({ opened: 2, completed: 0 })

    expect(await markModuleComplete({ userId: learner, moduleId: await moduleId('alpha') })).toBe(true)
    await recordModuleOpened({ userId: learner, moduleId: await moduleId('alpha') })
    expect(await keptCounts(learner)).toEqual({ opened: 2, completed: 1 })
    expect(await getCourseProgress({ userId: learner, courseId })).toMatchObject({ total: 3, completed: 1 })
  })

  it('count what was done before enrolling, and never what the app writes into them', async () => {
    const learner = await createLearner('early')
    await recordModuleOpened({ userId: learner, moduleId: await moduleId('gamma') })
    await prisma().enrolment.create({ data: { userId: learner, courseId, modulesOpened: 99, modulesCompleted: 99 } })
    expect(await keptCounts(learner)).toEqual({ opened: 1, completed: 0 })
  })

  it('count only the other course’s modules in the other course', async () => {
    const learner = await createLearner('two-courses')
    for (const course of [courseId, otherCourseId]) await enrolInCourse({ userId: learner, courseId: course })
    await markModuleComplete({ userId: learner, moduleId: await moduleId('alpha', otherCourseId) })
    expect(await keptCounts(learner, otherCourseId)).toEqual({ opened: 1, completed: 1 })
    expect(await keptCounts(learner, courseId)).toEqual({ opened: 0, completed: 0 })
  })

  it('follow a module archived by a new version of the course, and restored by the next', async () => {
    const learner = await createLearner('archive')
    await enrolInCourse({ userId: learner, courseId })
    for (const slug of ['alpha', 'gamma']) await markModuleComplete({ userId: learner, moduleId: await moduleId(slug) })
    expect(await keptCounts(learner)).toEqual({ opened: 2, completed: 2 })

    const withoutGamma = coursePackage('counted', { modules: [module('alpha', 1), module('beta', 2)] })
    await importCoursePackages({ packages: [{ ...withoutGamma, course: { ...withoutGamma.course, version: 2 } }] })
    expect(await keptCounts(learner)).toEqual({ opened: 1, completed: 1 })

    const restored = coursePackage('counted')
    await importCoursePackages({ packages: [{ ...restored, course: { ...restored.course, version: 3 } }] })
    expect(await keptCounts(learner)).toEqual({ opened: 2, completed: 2 })
  })

  it('follow progress rows deleted, alone or with their module', async () => {
    const learner = await createLearner('deleted')
    await enrolInCourse({ userId: learner, courseId: otherCourseId })
    for (const slug of ['alpha', 'beta', 'gamma']) {
      await recordModuleOpened({ userId: learner, moduleId: await moduleId(slug, otherCourseId) })
    }
    await prisma().moduleProgress.delete({
      where: { userId_moduleId: { userId: learner, moduleId: await moduleId('alpha', otherCourseId) } },
    })
    expect(await keptCounts(learner, otherCourseId)).toEqual({ opened: 2, completed: 0 })
    await prisma().module.delete({ where: { id: await moduleId('beta', otherCourseId) } })
    expect(await keptCounts(learner, otherCourseId)).toEqual({ opened: 1, completed: 0 })
  })

  it('equal a count made from scratch for every enrolment after all of the above', async () => {
    expect(await prisma().enrolment.count()).toBeGreaterThanOrEqual(6)
    expect(await staleEnrolments()).toEqual([])
  })
})
