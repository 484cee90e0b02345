import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { importCoursesFromDisk } from '~/modules/content/course-import.server'
import { importCoursePackages } from '~/modules/content/import.server'
import type { CoursePackage } from '~/modules/content/package.schema'
import { getModuleDraft, saveModuleDraft } from '~/modules/studio/drafts.server'
import { createCourse, listStudioCourses } from '~/modules/studio/courses.server'
import { StudioWorkWouldBeOverwritten } from '~/modules/studio/errors'
import { listRevisions, publishModule } from '~/modules/studio/revisions.server'
import { getDatabase, getPrisma } from '~/utils/db.server'
import { coursePackage } from '../support/course-package'

// `courses:import` against work done in the studio since the last import (ADR 019, "Importer").

const TABLES = ['Course', 'Module', 'ModuleContent', 'ModuleDraft', 'ModuleRevision', 'Question', 'AuditLog']
let authorId = ''

/** Every row of the tables an import may write, timestamps included: equal snapshots mean nothing was written. */
async function snapshot() {
  const tables: Record<string, unknown[]> = {}
  for (const table of TABLES) tables[table] = await getDatabase().sql.query(`SELECT * FROM "${table}" ORDER BY 1, 2`)
  return tables
}

const moduleId = async (slug: string) =>
  (await getPrisma().module.findFirstOrThrow({ where: { slug }, select: { id: true } })).id
const publishedEn = async (slug: string) =>
  (await getPrisma().moduleContent.findFirstOrThrow({ where: { module: { slug }, locale: 'en' } })).markdown

/** Edits a module's draft in the studio, and publishes it unless told not to. */
async function editInStudio(slug: string, locale: 'en' | 'ru', markdown: string, { publish = true } = {}) {
  const { id, courseId } = await getPrisma().module.findFirstOrThrow({ where: { slug } })
  // The author edits the course (ADR 018).
  await getPrisma().courseEditor.createMany({ data: [{ courseId, userId: authorId }], skipDuplicates: true })
  const { texts } = await getModuleDraft({ moduleId: id })
  await saveModuleDraft({
    moduleId: id,
    locale,
    fields: { markdown },
    baseVersion: texts[locale].version,
    userId: authorId,
  })
  if (publish) await publishModule({ moduleId: id, userId: authorId })
}

/** The package at a new version with one module's English body rewritten. */
function nextVersion(version: number, slug = 'alpha'): CoursePackage {
  const pkg = coursePackage('guarded')
  pkg.course.version = version
  const module = pkg.modules.find((each) => each.meta.slug === slug)!
  module.bodies.en = `## Learning objectives\n\nPackage version ${version} of module ${slug}.\n`
  return pkg
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('the import was not refused'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(StudioWorkWouldBeOverwritten)
      return (error as StudioWorkWouldBeOverwritten).overwrites
    },
  )

beforeAll(async () => {
  const author = await getPrisma().user.create({
    data: { email: 'author@import.test', displayName: 'Import author', passwordHash: 'x' },
    select: { id: true },
  })
  authorId = author.id
})

beforeEach(async () => {
  await getDatabase().sql.exec('TRUNCATE "Course", "AuditLog" CASCADE')
  await importCoursePackages({ packages: [coursePackage('guarded')] })
})

describe('importing over studio work', () => {
  it('refuses a module published in the studio since, naming it and its languages, and writes nothing at all', async () => {
    await editInStudio('beta', 'en', '## Learning objectives\n\nRewritten in the studio.\n')
    const before = await snapshot()
    // Another course in the same run is not imported either: one run, one outcome.
    const overwrites = await refusal(importCoursePackages({ packages: [nextVersion(2), coursePackage('other')] }))
    expect(overwrites).toEqual([
      {
        course: 'guarded',
        module: 'beta',
        kind: 'published',
        locales: ['en'],
        revision: { number: 1, publishedAt: expect.any(Date), publishedBy: 'Import author' },
      },
    ])
    expect(await snapshot()).toEqual(before)
  })

  it('with force writes the package, records an "imported" revision, resets the drafts and audits it', async () => {
    await editInStudio('beta', 'en', '## Learning objectives\n\nRewritten in the studio.\n')
    const id = await moduleId('beta')
    const versions = (await getModuleDraft({ moduleId: id })).texts
    const pkg = nextVersion(2, 'beta')
    const [report] = await importCoursePackages({ packages: [pkg], force: true })
    expect(report?.overwritten).toMatchObject([{ module: 'beta', kind: 'published', locales: ['en'] }])

    expect(await publishedEn('beta')).toBe(pkg.modules[1]!.bodies.en)
    expect(await listRevisions({ moduleId: id })).toMatchObject([
      { number: 2, publishedBy: null },
      { number: 1, publishedBy: { id: authorId } },
    ])
    // The reader's notice dates: the English is the import's, the Russian still reads as in revision 1.
    const [first, second] = await getPrisma().moduleRevision.findMany({
      where: { moduleId: id },
      orderBy: { number: 'asc' },
      select: { publishedAt: true, texts: true },
    })
    expect(second?.texts).toMatchObject({
      en: { since: second?.publishedAt.toISOString() },
      ru: { since: first?.publishedAt.toISOString() },
    })
    const draft = await getModuleDraft({ moduleId: id })
    expect(draft.texts.en).toMatchObject({ markdown: pkg.modules[1]!.bodies.en, version: versions.en.version + 1 })
    expect(draft.texts.ru.version).toBe(versions.ru.version + 1)
    // A package says its languages match: nothing is flagged out of date by the import.
    expect(draft.status.body.ru.state).toBe('upToDate')
    const audit = await getPrisma().auditLog.findMany({ where: { action: 'course.import_forced' } })
    expect(audit).toMatchObject([
      {
        actorId: null,
        targetType: 'Course',
        details: { version: 2, overwritten: [{ module: 'beta', kind: 'published', locales: ['en'], revision: 1 }] },
      },
    ])

    // The studio's course list tells the import from an author's change.
    const listed = (await listStudioCourses({ userId: authorId })).find((course) => course.slug === 'guarded')
    expect(listed?.lastChange).toMatchObject({ source: 'import', by: null, at: audit[0]!.at })

    // The import is now the module's last word: the next changed package goes in without --force.
    const [next] = await importCoursePackages({ packages: [nextVersion(3, 'beta')] })
    expect(next).toMatchObject({ outcome: 'updated', overwritten: [] })
    expect(await listRevisions({ moduleId: id })).toHaveLength(3)
  })

  it('still skips an unchanged package, leaving the studio text learners read', async () => {
    await editInStudio('beta', 'en', '## Learning objectives\n\nRewritten in the studio.\n')
    const before = await snapshot()
    const [report] = await importCoursePackages({ packages: [coursePackage('guarded')] })
    expect(report?.outcome).toBe('unchanged')
    expect(await snapshot()).toEqual(before)
  })

  it('refuses over an unpublished draft of a module the package changes, naming the draft languages', async () => {
    await editInStudio('beta', 'ru', '## Цели обучения\n\nЧерновик в студии.\n', { publish: false })
    const overwrites = await refusal(importCoursePackages({ packages: [nextVersion(2, 'beta')] }))
    expect(overwrites).toEqual([{ course: 'guarded', module: 'beta', kind: 'draft', locales: ['ru'] }])
  })

  it('lets a package through that leaves the edited modules alone, and moves untouched drafts along', async () => {
    await editInStudio('beta', 'ru', '## Цели обучения\n\nЧерновик в студии.\n', { publish: false })
    const opened = (await getModuleDraft({ moduleId: await moduleId('alpha') })).texts.en
    const [report] = await importCoursePackages({ packages: [nextVersion(2, 'alpha')] })
    expect(report).toMatchObject({ outcome: 'updated', overwritten: [] })
    // Opened in the studio but never edited: the draft follows the package, so it is no "edit" next time.
    const alpha = (await getModuleDraft({ moduleId: await moduleId('alpha') })).texts.en
    expect(alpha).toMatchObject({ markdown: await publishedEn('alpha'), version: opened.version + 1 })
    // A module without a studio history gets none from an import.
    expect(await getPrisma().moduleRevision.count()).toBe(0)
    expect((await getModuleDraft({ moduleId: await moduleId('beta') })).texts.ru.markdown).toContain('Черновик')
  })
})

describe('a course created in the studio', () => {
  it('is not taken over by a package of the same slug without force', async () => {
    const input = {
      intent: 'create' as const,
      slug: 'made-in-studio',
      category: 'border-control' as const,
      title: { en: 'Made in the studio', ru: 'Сделан в студии' },
      summary: { en: 'Written by an instructor.', ru: 'Написан преподавателем.' },
      passMark: 80,
    }
    expect(await createCourse({ actorId: authorId, input })).toEqual({ status: 'created', slug: 'made-in-studio' })
    const before = await snapshot()
    const overwrites = await refusal(importCoursePackages({ packages: [coursePackage('made-in-studio')] }))
    expect(overwrites).toEqual([{ course: 'made-in-studio', module: null, kind: 'course', locales: [] }])
    expect(await snapshot()).toEqual(before)

    const [report] = await importCoursePackages({ packages: [coursePackage('made-in-studio')], force: true })
    expect(report).toMatchObject({ outcome: 'updated', overwritten: [{ kind: 'course' }] })
    const course = await getPrisma().course.findUniqueOrThrow({
      where: { slug: 'made-in-studio' },
      select: { status: true, title: true, editors: { select: { userId: true } } },
    })
    // The package's text, published as every package is; its editors stay.
    expect(course).toEqual({
      status: 'PUBLISHED',
      title: { en: 'Course made-in-studio', ru: 'Курс made-in-studio' },
      editors: [{ userId: authorId }],
    })
  })
})

describe('importCoursesFromDisk (what `npm run courses:import` runs)', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'studio-import-'))
    await cp('tests/fixtures/courses/valid-minimal', dir, { recursive: true })
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('answers "refused" with what would be overwritten, and imports with force', async () => {
    expect((await importCoursesFromDisk({ dirs: [dir] })).status).toBe('imported')
    await editInStudio('seal-types', 'en', '## Learning objectives\n\nA studio edit.\n')
    const file = path.join(dir, 'modules/01-seal-types/en.md')
    await writeFile(file, `${await readFile(file, 'utf8')}\nOne more paragraph from the files.\n`)

    const refused = await importCoursesFromDisk({ dirs: [dir] })
    expect(refused).toMatchObject({
      status: 'refused',
      overwrites: [{ course: 'seal-basics', module: 'seal-types', kind: 'published', locales: ['en'] }],
    })
    expect(await publishedEn('seal-types')).toContain('A studio edit.')

    expect(await importCoursesFromDisk({ dirs: [dir], force: true })).toMatchObject({ status: 'imported' })
    expect(await publishedEn('seal-types')).toContain('One more paragraph from the files.')
  })
})
