import { beforeEach, describe, expect, it } from 'vitest'
import { importCoursesFromDisk } from '~/modules/content/course-import.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { findCoursePackageDirs } from '~/modules/content/package-loader.server'
import type { Question } from '~/modules/content/package.schema'
import { getDatabase, getPrisma } from '~/utils/db.server'
import { coursePackage, module, question, quiz } from '../support/course-package'

const CONTENT_TABLES = ['Course', 'Module', 'ModuleContent', 'CourseMedia', 'Quiz', 'Question']

/** Every row of every content table, timestamps included: equal snapshots mean nothing was written. */
async function snapshot() {
  const tables: Record<string, unknown[]> = {}
  for (const table of CONTENT_TABLES) {
    tables[table] = await getDatabase().sql.query(`SELECT * FROM "${table}" ORDER BY 1, 2`)
  }
  return tables
}

async function modulesOf(slug: string) {
  return getPrisma().module.findMany({
    where: { course: { slug } },
    orderBy: { slug: 'asc' },
    select: { id: true, slug: true, position: true, archivedAt: true },
  })
}

beforeEach(async () => {
  await getDatabase().sql.exec('TRUNCATE "Course" CASCADE')
})

describe('importCoursePackages', () => {
  it('creates the course with its modules, bodies in each language, figures and quizzes', async () => {
    const [report] = await importCoursePackages({ packages: [coursePackage('seals')] })
    expect(report).toMatchObject({
      course: 'seals',
      outcome: 'created',
      modules: { created: 3 },
      questions: { created: 6 },
    })
    const contents = await getPrisma().moduleContent.findMany({
      where: { module: { slug: 'alpha' } },
      orderBy: { locale: 'asc' },
    })
    expect(contents.map((content) => content.locale)).toEqual(['en', 'ru'])
    expect(contents[1]?.html).toContain('Проверьте пломбу')
    expect(contents[0]?.html).toMatch(/<img[^>]+src="\/media\/courses\/seals\/seal\.svg\?v=[0-9a-f]{12}"/)
    expect(contents[0]?.wordCount).toBeGreaterThan(5)
    expect(await getPrisma().courseMedia.count()).toBe(1)
    expect(await getPrisma().quiz.count({ where: { kind: 'MODULE' } })).toBe(3)
  })

  it('changes nothing when the same package is imported again', async () => {
    const packages = [coursePackage('seals', { finalExam: quiz(['exam-1', 'exam-2', 'exam-3']) })]
    await importCoursePackages({ packages })
    const before = await snapshot()
    const [report] = await importCoursePackages({
      packages: [coursePackage('seals', { finalExam: quiz(['exam-1', 'exam-2', 'exam-3']) })],
    })
    expect(report?.outcome).toBe('unchanged')
    expect(await snapshot()).toEqual(before)
  })

  it('matches modules by slug, so re-ordering keeps their rows and a removed module is archived', async () => {
    await importCoursePackages({ packages: [coursePackage('seals')] })
    const before = await modulesOf('seals')
    const reordered = coursePackage('seals', { modules: [module('gamma', 1), module('alpha', 2)] })
    const [report] = await importCoursePackages({ packages: [reordered] })
    expect(report?.modules).toEqual({ created: 0, updated: 2, archived: 1 })
    const after = await modulesOf('seals')
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id))
    expect(after.map((m) => [m.slug, m.position, m.archivedAt !== null])).toEqual([
      ['alpha', 2, false],
      ['beta', 2, true],
      ['gamma', 1, false],
    ])
    // Bringing the module back restores the same row.
    await importCoursePackages({ packages: [coursePackage('seals')] })
    expect((await modulesOf('seals')).map((m) => [m.id, m.archivedAt])).toEqual(before.map((m) => [m.id, null]))
  })

  it('rewrites only what changed', async () => {
    await importCoursePackages({ packages: [coursePackage('seals')] })
    const before = await getPrisma().moduleContent.findMany({ orderBy: [{ moduleId: 'asc' }, { locale: 'asc' }] })
    const edited = coursePackage('seals')
    edited.modules[1]!.bodies.ru = '## Цели обучения\n\nНовый текст о проверке пломб.\n'
    const [report] = await importCoursePackages({ packages: [edited] })
    expect(report).toMatchObject({ outcome: 'updated', modules: { created: 0, updated: 0, archived: 0 } })
    const after = await getPrisma().moduleContent.findMany({ orderBy: [{ moduleId: 'asc' }, { locale: 'asc' }] })
    const changed = after.filter((row, index) => row.updatedAt.getTime() !== before[index]?.updatedAt.getTime())
    expect(changed.map((row) => row.locale)).toEqual(['ru'])
    expect(changed[0]?.html).toContain('Новый текст')
    expect(changed[0]?.sourceHash).not.toBe(
      before.find((row) => row.moduleId === changed[0]?.moduleId && row.locale === 'ru')?.sourceHash,
    )
  })

  it('archives questions that left the pool and restores them when they return', async () => {
    await importCoursePackages({ packages: [coursePackage('seals')] })
    const smaller = coursePackage('seals')
    smaller.modules[0]!.quiz = quiz(['alpha-q2'])
    const [report] = await importCoursePackages({ packages: [smaller] })
    expect(report?.questions).toEqual({ created: 0, updated: 1, archived: 1 })
    const archived = await getPrisma().question.findMany({
      where: { archivedAt: { not: null } },
      select: { slug: true },
    })
    expect(archived).toEqual([{ slug: 'alpha-q1' }])
    const [again] = await importCoursePackages({ packages: [coursePackage('seals')] })
    expect(again?.questions).toEqual({ created: 0, updated: 2, archived: 0 })
  })

  it('writes nothing at all when one package of several fails', async () => {
    const broken = coursePackage('broken')
    broken.modules[0]!.quiz = quiz(['x-1'], {
      questions: [question('x-1', { type: 'essay' } as unknown as Partial<Question>)],
    })
    await expect(importCoursePackages({ packages: [coursePackage('seals'), broken] })).rejects.toThrow()
    expect(await snapshot()).toEqual(Object.fromEntries(CONTENT_TABLES.map((table) => [table, []])))
  })

  it('keeps one course when two imports run at once', async () => {
    const reports = await Promise.all([
      importCoursePackages({ packages: [coursePackage('seals')] }),
      importCoursePackages({ packages: [coursePackage('seals')] }),
    ])
    expect(reports.map(([report]) => report?.outcome).sort()).toEqual(['created', 'unchanged'])
    expect(await getPrisma().module.count()).toBe(3)
  })
})

describe('importCoursesFromDisk', () => {
  it('imports nothing when one of the packages is invalid', async () => {
    const result = await importCoursesFromDisk({
      dirs: ['tests/fixtures/courses/valid-minimal', 'tests/fixtures/courses/broken-quiz'],
    })
    expect(result.status).toBe('invalid')
    expect(await getPrisma().course.count()).toBe(0)
  })

  it('imports the shipped curriculum with every module body in both languages', async () => {
    const result = await importCoursesFromDisk({ dirs: await findCoursePackageDirs({ dir: 'courses' }) })
    expect(result.status).toBe('imported')
    const contents = await getPrisma().moduleContent.findMany({
      select: { locale: true, html: true, module: { select: { slug: true, course: { select: { slug: true } } } } },
    })
    const courses = new Set(contents.map((content) => content.module.course.slug))
    expect([...courses].sort()).toEqual(['aeo', 'cargo-container-control', 'single-window'])
    expect(contents.length).toBeGreaterThanOrEqual(3 * 5 * 2)
    for (const content of contents) {
      // What the reader page shows: the rendered text, markup stripped.
      const words = content.html
        .replace(/<[^>]+>/g, ' ')
        .split(/\s+/)
        .filter((word) => /[\p{L}\p{N}]/u.test(word))
      expect(
        words.length,
        `${content.module.course.slug}/${content.module.slug} (${content.locale})`,
      ).toBeGreaterThanOrEqual(600)
      expect(content.html).not.toMatch(/<script|\son\w+=|javascript:/i)
    }
    const figures = await getPrisma().moduleContent.count({ where: { html: { contains: '<figure>' } } })
    expect(figures).toBeGreaterThanOrEqual(3 * 2)
  })
})
