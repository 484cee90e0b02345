import { beforeAll, describe, expect, it } from 'vitest'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { getModuleForReader } from '~/modules/content/reader.server'
import { markModuleComplete } from '~/modules/progress/progress.server'
import { getPrisma } from '~/utils/db.server'
import { coursePackage, module } from '../support/course-package'

let learnerId = ''
let strangerId = ''

beforeAll(async () => {
  const untranslated = module('beta', 2)
  untranslated.bodies = { en: '## Learning objectives\n\nOnly in English so far.\n' }
  await importCoursePackages({
    packages: [coursePackage('reading', { modules: [module('alpha', 1), untranslated, module('gamma', 3)] })],
  })
  const users = await Promise.all(
    ['reader', 'stranger'].map((name) =>
      getPrisma().user.create({
        data: { email: `${name}@example.test`, displayName: name, passwordHash: 'x' },
        select: { id: true },
      }),
    ),
  )
  learnerId = users[0]!.id
  strangerId = users[1]!.id
  const course = await getPrisma().course.findUniqueOrThrow({ where: { slug: 'reading' }, select: { id: true } })
  await enrolInCourse({ userId: learnerId, courseId: course.id })
})

const read = (moduleSlug: string, locale: 'en' | 'ru', userId = learnerId) =>
  getModuleForReader({ courseSlug: 'reading', moduleSlug, locale, userId })

describe('getModuleForReader', () => {
  it("gives an enrolled learner the body in their language, the neighbours and the course's progress", async () => {
    const alpha = await markModuleComplete({
      userId: learnerId,
      moduleId: (await read('alpha', 'en'))!.module.id,
    }).then(() => read('alpha', 'ru'))
    expect(alpha).toMatchObject({
      enrolled: true,
      content: { locale: 'ru', fallback: false },
      previous: null,
      next: { slug: 'beta' },
      progress: { total: 3, completed: 1, percent: 33 },
      course: { slug: 'reading', moduleCount: 3 },
    })
    expect(alpha?.content?.html).toContain('Проверьте пломбу')
    expect(alpha?.completedAt).toBeInstanceOf(Date)
    expect(await read('gamma', 'en')).toMatchObject({ previous: { slug: 'beta' }, next: null })
  })

  it('falls back to the other language, flagged, when a translation is missing', async () => {
    expect((await read('beta', 'ru'))?.content).toMatchObject({ locale: 'en', fallback: true })
    expect((await read('beta', 'en'))?.content).toMatchObject({ locale: 'en', fallback: false })
  })

  it('sends no body to someone who is not enrolled, and finds no unknown or archived module', async () => {
    expect(await read('alpha', 'en', strangerId)).toMatchObject({ enrolled: false, content: null })
    expect(await read('delta', 'en')).toBeNull()
    await getPrisma().module.updateMany({ where: { slug: 'gamma' }, data: { archivedAt: new Date() } })
    try {
      expect(await read('gamma', 'en')).toBeNull()
      expect(await read('beta', 'en')).toMatchObject({ next: null, progress: { total: 2 } })
    } finally {
      await getPrisma().module.updateMany({ where: { slug: 'gamma' }, data: { archivedAt: null } })
    }
  })
})
