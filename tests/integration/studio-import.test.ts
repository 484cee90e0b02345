import { readFileSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { importCoursesFromDisk } from '~/modules/content/course-import.server'
import { importCoursePackages } from '~/modules/content/import.server'
import type { CoursePackage } from '~/modules/content/package.schema'
import { getModuleDraft, saveModuleDraft } from '~/modules/studio/drafts.server'
import { publishCourseDetails, saveCourseDetails } from '~/modules/studio/course-details.server'
import { createCourse, listStudioCourses } from '~/modules/studio/courses.server'
import { StudioWorkWouldBeOverwritten } from '~/modules/studio/errors'
import { addModule, moveModule, setModuleArchived } from '~/modules/studio/modules.server'
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

describe('importing over the module list as changed in the studio (ADR 024)', () => {
  const course = 'guarded'
  /** The author's arguments for a module list write, the author made the course's editor first (ADR 018). */
  const asEditor = async () => {
    const { id } = await getPrisma().course.findUniqueOrThrow({ where: { slug: course }, select: { id: true } })
    await getPrisma().courseEditor.createMany({ data: [{ courseId: id, userId: authorId }], skipDuplicates: true })
    return { actorId: authorId, courseSlug: course }
  }
  const move = async (moduleSlug: string, direction: 'up' | 'down') =>
    expect(await moveModule({ ...(await asEditor()), moduleSlug, direction })).toBe('moved')
  const archive = async (moduleSlug: string, archived: boolean) =>
    expect(await setModuleArchived({ ...(await asEditor()), moduleSlug, archived })).toBe('done')
  /** A package that changes only what the studio does not edit: the course's objectives. */
  const next = (version: number, modules = coursePackage(course).modules): CoursePackage => {
    const pkg = coursePackage(course, { modules })
    pkg.course.version = version
    pkg.course.objectives = { en: [`Objective of version ${version}.`], ru: [`Цель версии ${version}.`] }
    return pkg
  }
  const positions = async () =>
    (
      await getPrisma().module.findMany({
        where: { course: { slug: course } },
        orderBy: { position: 'asc' },
        select: { slug: true, position: true, archivedAt: true },
      })
    ).map(({ slug, position, archivedAt }) => `${position}:${slug}${archivedAt ? ' (archived)' : ''}`)

  it('refuses to put back the order the studio changed, naming each module moved, and writes nothing', async () => {
    await move('gamma', 'up')
    const before = await snapshot()
    expect(await refusal(importCoursePackages({ packages: [next(2)] }))).toEqual([
      { course, module: 'gamma', kind: 'structure', changes: [{ change: 'order', studio: 2, package: 3 }] },
      { course, module: 'beta', kind: 'structure', changes: [{ change: 'order', studio: 3, package: 2 }] },
    ])
    expect(await snapshot()).toEqual(before)
  })

  it('refuses to put back minutes changed in the studio', async () => {
    // The module editor's minutes field writes this column; the list has none.
    await getPrisma().module.updateMany({ where: { slug: 'alpha' }, data: { minutes: 35 } })
    expect(await refusal(importCoursePackages({ packages: [next(2)] }))).toEqual([
      { course, module: 'alpha', kind: 'structure', changes: [{ change: 'minutes', studio: 35, package: 20 }] },
    ])
  })

  it('refuses to make a module archived in the studio current again', async () => {
    await archive('beta', true)
    expect(await refusal(importCoursePackages({ packages: [next(2)] }))).toEqual([
      { course, module: 'beta', kind: 'structure', changes: [{ change: 'archived' }] },
    ])
  })

  it('refuses to archive a module restored in the studio that the package still lacks', async () => {
    const withoutGamma = coursePackage(course).modules.filter((module) => module.meta.slug !== 'gamma')
    await importCoursePackages({ packages: [next(2, withoutGamma)] })
    await archive('gamma', false)
    expect(await refusal(importCoursePackages({ packages: [next(3, withoutGamma)] }))).toEqual([
      { course, module: 'gamma', kind: 'structure', changes: [{ change: 'restored' }] },
    ])
  })

  it('refuses to archive a module added and published in the studio, not one still unpublished', async () => {
    const add = async (slug: string) =>
      expect(await addModule({ ...(await asEditor()), input: moduleInput(slug) })).toBe('added')
    await add('delta')
    await add('epsilon')
    const id = await moduleId('delta')
    const { texts } = await getModuleDraft({ moduleId: id })
    const bodies = { en: '## Learning objectives\n\nDelta.\n', ru: '## Цели обучения\n\nДельта.\n' }
    for (const locale of ['en', 'ru'] as const)
      await saveModuleDraft({
        moduleId: id,
        locale,
        fields: { markdown: bodies[locale] },
        baseVersion: texts[locale].version,
        userId: authorId,
      })
    await publishModule({ moduleId: id, userId: authorId })
    expect(await refusal(importCoursePackages({ packages: [next(2)] }))).toEqual([
      { course, module: 'delta', kind: 'structure', changes: [{ change: 'added' }] },
    ])
  })

  it('with force puts the package’s module list back, audits what it undid, and is the list’s last word', async () => {
    await move('gamma', 'up')
    await archive('alpha', true)
    const [report] = await importCoursePackages({ packages: [next(2)], force: true })
    expect(report?.overwritten.map((item) => item.module)).toEqual(['alpha', 'gamma', 'beta'])
    expect(await positions()).toEqual(['1:alpha', '2:beta', '3:gamma'])
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: 'course.import_forced' } })
    expect(audit).toMatchObject({
      actorId: null,
      details: {
        version: 2,
        overwritten: expect.arrayContaining([
          { module: 'alpha', kind: 'structure', changes: [{ change: 'archived' }] },
          { module: 'gamma', kind: 'structure', changes: [{ change: 'order', studio: 2, package: 3 }] },
        ]),
      },
    })
    // Nothing changed since this import: the next one needs no force.
    expect((await importCoursePackages({ packages: [next(3)] }))[0]).toMatchObject({ outcome: 'updated' })
  })

  it('lets through the package’s own reordering, and a studio move taken back', async () => {
    await move('beta', 'up')
    await move('beta', 'down')
    const reordered = coursePackage(course).modules.reverse()
    const [report] = await importCoursePackages({ packages: [next(2, reordered)] })
    expect(report).toMatchObject({ outcome: 'updated', overwritten: [] })
    expect(await positions()).toEqual(['1:gamma', '2:beta', '3:alpha'])
  })
})

describe('importing over the course details as edited in the studio (ADR 024)', () => {
  const course = 'guarded'
  const published = { en: 'Seals and documents at the border.', ru: 'Пломбы и документы на границе.' }
  const objectives = { en: ['Check a seal.'], ru: ['Проверять пломбу.'] }
  const details = (
    overrides: Partial<{
      title: Record<'en' | 'ru', string>
      summary: Record<'en' | 'ru', string>
      objectives: Record<'en' | 'ru', string[]>
    }>,
  ) => ({
    category: 'border-control',
    title: { en: `Course ${course}`, ru: `Курс ${course}` },
    summary: published,
    objectives,
    ...overrides,
  })
  /** Saves the details form as the course's editor, at the draft's current version. */
  async function saveDetails(overrides: Parameters<typeof details>[0]) {
    const { id, detailsDraft } = await getPrisma().course.findUniqueOrThrow({
      where: { slug: course },
      select: { id: true, detailsDraft: { select: { version: true } } },
    })
    await getPrisma().courseEditor.createMany({ data: [{ courseId: id, userId: authorId }], skipDuplicates: true })
    const version = detailsDraft?.version ?? 0
    expect(await saveCourseDetails({ userId: authorId, courseSlug: course, version, input: details(overrides) })).toBe(
      'saved',
    )
    return version + 1
  }
  /** The package at a new version with its Russian summary rewritten. */
  const next = (version: number) => {
    const pkg = coursePackage(course)
    pkg.course.version = version
    pkg.course.summary = { ...pkg.course.summary, ru: `Версия ${version}: пломбы и документы.` }
    return pkg
  }

  it('refuses to reset an unpublished draft of the details, naming the fields it changes', async () => {
    await saveDetails({ title: { en: 'Seals at the border', ru: `Курс ${course}` } })
    const before = await snapshot()
    expect(await refusal(importCoursePackages({ packages: [next(2)] }))).toEqual([
      { course, module: null, kind: 'details-draft', fields: ['title.en'] },
    ])
    expect(await snapshot()).toEqual(before)
  })

  it('refuses to overwrite details published in the studio, naming who published them and when', async () => {
    const version = await saveDetails({ summary: { ...published, ru: 'Изменено в студии.' } })
    expect(await publishCourseDetails({ userId: authorId, courseSlug: course, version })).toBe('published')
    expect(await refusal(importCoursePackages({ packages: [next(2)] }))).toEqual([
      {
        course,
        module: null,
        kind: 'details-published',
        fields: ['summary.ru'],
        published: { at: expect.any(Date), by: 'Import author' },
      },
    ])
  })

  it('names the objectives as details: published in the studio, or changed in a draft', async () => {
    const studio = { ...objectives, ru: ['Проверять пломбу.', 'Составлять акт о нарушении пломбы.'] }
    const version = await saveDetails({ objectives: studio })
    expect(await publishCourseDetails({ userId: authorId, courseSlug: course, version })).toBe('published')
    await saveDetails({ objectives: { ...studio, en: ['Check a seal and its number.'] } })
    const pkg = coursePackage(course)
    pkg.course.version = 2
    pkg.course.objectives = { en: ['Check two seals.'], ru: ['Проверять две пломбы.'] }
    const before = await snapshot()
    expect(await refusal(importCoursePackages({ packages: [pkg] }))).toEqual([
      {
        course,
        module: null,
        kind: 'details-published',
        fields: ['objectives.en', 'objectives.ru'],
        published: { at: expect.any(Date), by: 'Import author' },
      },
      { course, module: null, kind: 'details-draft', fields: ['objectives.en'] },
    ])
    expect(await snapshot()).toEqual(before)
    // With force the package's objectives reach learners and the draft, confirmed as a whole.
    await importCoursePackages({ packages: [pkg], force: true })
    const stored = await getPrisma().course.findUniqueOrThrow({
      where: { slug: course },
      select: { objectives: true, detailsDraft: { select: { objectives: true, confirmed: true } } },
    })
    expect(stored.objectives).toEqual(pkg.course.objectives)
    expect(stored.detailsDraft?.objectives).toEqual(pkg.course.objectives)
    expect(stored.detailsDraft?.confirmed).toMatchObject({ ru: { objectives: { en: { text: 'Check two seals.' } } } })
  })

  it('lets a package through that leaves the details alone, the draft with it', async () => {
    await saveDetails({ title: { en: 'Seals at the border', ru: `Курс ${course}` } })
    const pkg = coursePackage(course)
    pkg.course.version = 2
    pkg.modules[0]!.meta.title = { en: 'Alpha, revised', ru: 'Альфа, новая редакция' }
    expect((await importCoursePackages({ packages: [pkg] }))[0]).toMatchObject({ outcome: 'updated', overwritten: [] })
    const draft = await getPrisma().courseDraft.findFirstOrThrow()
    expect(draft).toMatchObject({ version: 1, title: { en: 'Seals at the border' } })
  })

  it('with force writes the package’s details, resets the draft to them, audits it, and has the last word', async () => {
    const summary = { ...published, ru: 'Изменено в студии.' }
    const version = await saveDetails({ summary })
    await publishCourseDetails({ userId: authorId, courseSlug: course, version })
    await saveDetails({ summary, title: { en: 'Seals at the border', ru: `Курс ${course}` } })
    const [report] = await importCoursePackages({ packages: [next(2)], force: true })
    expect(report?.overwritten.map((item) => item.kind)).toEqual(['details-published', 'details-draft'])

    const stored = await getPrisma().course.findUniqueOrThrow({
      where: { slug: course },
      select: { summary: true, detailsPublishedById: true, detailsDraft: true },
    })
    expect(stored).toMatchObject({
      summary: { ru: 'Версия 2: пломбы и документы.' },
      detailsPublishedById: null,
      detailsDraft: { version: 3, title: { en: `Course ${course}` }, summary: { ru: 'Версия 2: пломбы и документы.' } },
    })
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: 'course.import_forced' } })
    expect(audit.details).toMatchObject({
      overwritten: [
        { kind: 'details-published', fields: ['summary.ru'], published: { by: 'Import author' } },
        { kind: 'details-draft', fields: ['title.en'] },
      ],
    })
    expect((await importCoursePackages({ packages: [next(3)] }))[0]).toMatchObject({ outcome: 'updated' })
  })
})

describe('the migration that brought the module list’s baseline (20261207110000)', () => {
  it('takes every module as the last import left it, except those added in the studio since', async () => {
    const { id: courseId } = await getPrisma().course.findUniqueOrThrow({ where: { slug: 'guarded' } })
    await getPrisma().courseEditor.create({ data: { courseId, userId: authorId } })
    const studio = { actorId: authorId, courseSlug: 'guarded' }
    await addModule({ ...studio, input: moduleInput('delta') })
    await moveModule({ ...studio, moduleSlug: 'gamma', direction: 'up' })
    await getPrisma().module.updateMany({
      data: { importedPosition: null, importedMinutes: null, importedArchived: null },
    })
    const file = readFileSync(
      'prisma/migrations/20261207110000_course_details_drafts_and_import_structure/migration.sql',
      'utf8',
    )
    const backfill = file.split(';').find((statement) => statement.includes('UPDATE "Module"'))
    await getDatabase().sql.exec(backfill!)
    const modules = await getPrisma().module.findMany({
      orderBy: { slug: 'asc' },
      select: { slug: true, importedPosition: true, importedArchived: true },
    })
    expect(modules).toEqual([
      { slug: 'alpha', importedPosition: 1, importedArchived: false },
      { slug: 'beta', importedPosition: 3, importedArchived: false },
      { slug: 'delta', importedPosition: null, importedArchived: null },
      { slug: 'gamma', importedPosition: 2, importedArchived: false },
    ])
  })
})

const moduleInput = (slug: string) => ({
  intent: 'add-module' as const,
  slug,
  title: { en: `Added ${slug}`, ru: `Добавленный ${slug}` },
  minutes: 15,
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
