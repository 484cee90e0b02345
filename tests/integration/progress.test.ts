import { beforeAll, describe, expect, it } from 'vitest'
import { enrolInCourse, getCourseOverview, listCatalogue } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import {
  getCourseProgress,
  listLearnerCourses,
  markModuleComplete,
  recordModuleOpened,
} from '~/modules/progress/progress.server'
import { getPrisma } from '~/utils/db.server'
import { coursePackage, module, quiz } from '../support/course-package'

let counter = 0
async function newLearner() {
  counter += 1
  return getPrisma().user.create({
    data: { email: `officer${counter}@example.test`, displayName: `Officer ${counter}`, passwordHash: 'x' },
    select: { id: true },
  })
}

async function moduleId(courseSlug: string, slug: string) {
  const row = await getPrisma().module.findFirstOrThrow({
    where: { slug, course: { slug: courseSlug } },
    select: { id: true },
  })
  return row.id
}

async function courseId(slug: string) {
  return (await getPrisma().course.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id
}

beforeAll(async () => {
  await importCoursePackages({
    packages: [
      coursePackage('seals'),
      coursePackage('exam-course', {
        course: { ...coursePackage('exam-course').course, completion: { modules: 'all', finalExam: 'required' } },
        modules: [module('one', 1), module('two', 2)],
        finalExam: quiz(['final-1', 'final-2']),
      }),
    ],
  })
})

describe('enrolment', () => {
  it('is idempotent and only for published courses', async () => {
    const learner = await newLearner()
    const seals = await courseId('seals')
    expect(await enrolInCourse({ userId: learner.id, courseId: seals })).toBe(true)
    expect(await enrolInCourse({ userId: learner.id, courseId: seals })).toBe(true)
    expect(await getPrisma().enrolment.count({ where: { userId: learner.id } })).toBe(1)
    expect(await enrolInCourse({ userId: learner.id, courseId: 'no-such-course' })).toBe(false)
  })
})

describe('module progress', () => {
  it('keeps one row per learner and module under concurrent requests, with the first timestamps kept', async () => {
    const learner = await newLearner()
    await enrolInCourse({ userId: learner.id, courseId: await courseId('seals') })
    const alpha = await moduleId('seals', 'alpha')
    await recordModuleOpened({ userId: learner.id, moduleId: alpha })
    const first = await getPrisma().moduleProgress.findUniqueOrThrow({
      where: { userId_moduleId: { userId: learner.id, moduleId: alpha } },
    })
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2
          ? recordModuleOpened({ userId: learner.id, moduleId: alpha })
          : markModuleComplete({ userId: learner.id, moduleId: alpha }),
      ),
    )
    const rows = await getPrisma().moduleProgress.findMany({ where: { userId: learner.id } })
    expect(rows).toHaveLength(1)
    expect(rows[0]?.firstOpenedAt).toEqual(first.firstOpenedAt)
    expect(rows[0]?.completedAt).not.toBeNull()
    const completedAt = rows[0]?.completedAt
    await markModuleComplete({ userId: learner.id, moduleId: alpha })
    expect((await getPrisma().moduleProgress.findFirstOrThrow({ where: { userId: learner.id } })).completedAt).toEqual(
      completedAt,
    )
  })

  it('writes nothing for a learner who is not enrolled', async () => {
    const learner = await newLearner()
    expect(await markModuleComplete({ userId: learner.id, moduleId: await moduleId('seals', 'alpha') })).toBe(false)
    expect(await getPrisma().moduleProgress.count({ where: { userId: learner.id } })).toBe(0)
  })

  it('counts the percentage in the database, over current modules only, per learner', async () => {
    const [learner, colleague] = [await newLearner(), await newLearner()]
    const seals = await courseId('seals')
    for (const user of [learner, colleague]) await enrolInCourse({ userId: user.id, courseId: seals })
    await markModuleComplete({ userId: learner.id, moduleId: await moduleId('seals', 'alpha') })
    expect(await getCourseProgress({ userId: learner.id, courseId: seals })).toEqual({
      total: 3,
      completed: 1,
      percent: 33,
    })
    expect(await getCourseProgress({ userId: colleague.id, courseId: seals })).toEqual({
      total: 3,
      completed: 0,
      percent: 0,
    })
    const [mine] = await listLearnerCourses({ userId: learner.id })
    expect(mine).toMatchObject({ slug: 'seals', progress: { completed: 1, total: 3 }, nextModule: { slug: 'beta' } })
  })

  it('completes the enrolment when every module is done and no exam is required', async () => {
    const learner = await newLearner()
    const seals = await courseId('seals')
    await enrolInCourse({ userId: learner.id, courseId: seals })
    for (const slug of ['gamma', 'alpha'])
      await markModuleComplete({ userId: learner.id, moduleId: await moduleId('seals', slug) })
    expect((await listLearnerCourses({ userId: learner.id }))[0]).toMatchObject({
      completedAt: null,
      nextModule: { slug: 'beta' },
    })
    await markModuleComplete({ userId: learner.id, moduleId: await moduleId('seals', 'beta') })
    const [done] = await listLearnerCourses({ userId: learner.id })
    expect(done?.completedAt).toBeInstanceOf(Date)
    expect(done).toMatchObject({ nextModule: null, progress: { percent: 100 } })
  })

  it('waits for the final exam when the course requires one', async () => {
    const learner = await newLearner()
    await enrolInCourse({ userId: learner.id, courseId: await courseId('exam-course') })
    for (const slug of ['one', 'two'])
      await markModuleComplete({ userId: learner.id, moduleId: await moduleId('exam-course', slug) })
    const [course] = await listLearnerCourses({ userId: learner.id })
    expect(course).toMatchObject({ completedAt: null, progress: { percent: 100 }, nextModule: null })
  })
})

describe('catalogue and course page', () => {
  it('show each user only their own status', async () => {
    const [learner, colleague] = [await newLearner(), await newLearner()]
    await enrolInCourse({ userId: learner.id, courseId: await courseId('seals') })
    await markModuleComplete({ userId: learner.id, moduleId: await moduleId('seals', 'beta') })
    const mine = (await listCatalogue({ userId: learner.id })).find((course) => course.slug === 'seals')
    const theirs = (await listCatalogue({ userId: colleague.id })).find((course) => course.slug === 'seals')
    const anonymous = (await listCatalogue({ userId: null })).find((course) => course.slug === 'seals')
    expect(mine).toMatchObject({ moduleCount: 3, minutes: 60, status: 'in-progress', progress: { completed: 1 } })
    expect(theirs).toMatchObject({ status: 'not-enrolled', progress: null })
    expect(anonymous).toMatchObject({ status: 'not-enrolled', progress: null })
    const overview = await getCourseOverview({ slug: 'seals', userId: colleague.id })
    expect(overview?.enrolment).toBeNull()
    expect(overview?.modules.every((m) => m.completedAt === null)).toBe(true)
  })

  it('hides an archived course from newcomers but keeps it for enrolled learners', async () => {
    const learner = await newLearner()
    const seals = await courseId('seals')
    await enrolInCourse({ userId: learner.id, courseId: seals })
    await getPrisma().course.update({ where: { id: seals }, data: { status: 'ARCHIVED' } })
    try {
      const stranger = await newLearner()
      expect((await listCatalogue({ userId: null })).map((course) => course.slug)).not.toContain('seals')
      expect(await getCourseOverview({ slug: 'seals', userId: stranger.id })).toBeNull()
      expect(await getCourseOverview({ slug: 'seals', userId: learner.id })).not.toBeNull()
      expect(await enrolInCourse({ userId: stranger.id, courseId: seals })).toBe(false)
    } finally {
      await getPrisma().course.update({ where: { id: seals }, data: { status: 'PUBLISHED' } })
    }
  })
})

describe('re-import', () => {
  it('keeps learner progress when modules are re-ordered, removed and added', async () => {
    await importCoursePackages({ packages: [coursePackage('reimport')] })
    const learner = await newLearner()
    const id = await courseId('reimport')
    await enrolInCourse({ userId: learner.id, courseId: id })
    for (const slug of ['alpha', 'gamma']) {
      await markModuleComplete({ userId: learner.id, moduleId: await moduleId('reimport', slug) })
    }
    const revised = coursePackage('reimport', {
      modules: [module('gamma', 1), module('delta', 2), module('alpha', 3)],
    })
    await importCoursePackages({ packages: [revised] })
    expect(await getCourseProgress({ userId: learner.id, courseId: id })).toEqual({
      total: 3,
      completed: 2,
      percent: 66,
    })
    const [course] = (await listLearnerCourses({ userId: learner.id })).filter((c) => c.slug === 'reimport')
    expect(course?.nextModule?.slug).toBe('delta')
    // The archived module's row stays, so restoring it brings the learner's record back with it.
    expect(await getPrisma().moduleProgress.count({ where: { userId: learner.id } })).toBe(2)
  })
})
