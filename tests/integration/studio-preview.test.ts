// Issue 14, "Preview as learner" (ADR 022): the preview route's loader, called as Remix calls it. It shows
// the draft in the page's language through the renderer publishing uses, to authors only, and writes
// nothing a learner has: no progress, no enrolment, no audit entry.
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { backfillFigureSizes } from '~/modules/content/media.server'
import { getModuleForReader } from '~/modules/content/reader.server'
import { markModuleComplete } from '~/modules/progress/progress.server'
import { createCourse } from '~/modules/studio/courses.server'
import { getModuleDraft, saveModuleDraft } from '~/modules/studio/drafts.server'
import { getModuleEditor } from '~/modules/studio/module-editor.server'
import { UnsafeMarkdown } from '~/modules/studio/errors'
import { addModule } from '~/modules/studio/modules.server'
import { publishModule } from '~/modules/studio/revisions.server'
import * as preview from '~/routes/$lang.studio.courses.$course.modules.$module.preview'
import { getPrisma } from '~/utils/db.server'
import { coursePackage, module } from '../support/course-package'
import { createCourseStudioUsers, studioContext, type StudioUsers } from '../support/studio-users'

const prisma = () => getPrisma()
let users: StudioUsers
let courseId = ''

beforeAll(async () => {
  const untranslated = module('untranslated', 4)
  untranslated.bodies = { en: '## Learning objectives\n\nOnly in English so far.\n' }
  untranslated.meta.title = { en: 'Untranslated' }
  const modules = ['drafted', 'published', 'unsafe'].map((slug, index) => module(slug, index + 1))
  // A figure with a size: the published page gives its <img> width and height (ADR 035), so must the preview.
  const media = [
    {
      name: 'seal.svg',
      contentType: 'image/svg+xml',
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180"/>'),
    },
  ]
  await importCoursePackages({ packages: [coursePackage('look', { modules: [...modules, untranslated], media })] })
  courseId = (await prisma().course.findUniqueOrThrow({ where: { slug: 'look' }, select: { id: true } })).id
  users = await createCourseStudioUsers({ name: 'preview', courseId })
  await enrolInCourse({ userId: users.learner.id, courseId })
})

type Page = Awaited<ReturnType<typeof preview.loader>>

/** The preview's loader as Remix calls it: the page's data, or the status of a thrown Response. */
async function look(
  user: SessionUser | null,
  moduleSlug: string,
  { locale = 'en', course = 'look' }: { locale?: 'en' | 'ru'; course?: string } = {},
): Promise<{ status: number; page: Page | null }> {
  const path = `/${locale}/studio/courses/${course}/modules/${moduleSlug}/preview`
  const args = {
    request: new Request(`http://localhost${path}`),
    params: { lang: locale, course, module: moduleSlug },
    context: studioContext(user, locale),
  }
  const result: unknown = await preview.loader(args).catch((thrown: unknown) => thrown)
  if (result instanceof Response) return { status: result.status, page: null }
  if (result instanceof Error) throw result
  return { status: 200, page: result as Page }
}

const moduleId = async (slug: string) =>
  (await prisma().module.findFirstOrThrow({ where: { courseId, slug }, select: { id: true } })).id

async function saveDraft(slug: string, locale: 'en' | 'ru', markdown: string) {
  const id = await moduleId(slug)
  const { texts } = await getModuleDraft({ moduleId: id })
  return saveModuleDraft({
    moduleId: id,
    locale,
    fields: { markdown },
    baseVersion: texts[locale].version,
    userId: users.editor.id,
  })
}

const read = (slug: string, locale: 'en' | 'ru') =>
  getModuleForReader({ courseSlug: 'look', moduleSlug: slug, locale, userId: users.learner.id })

/** Everything of a learner's that a page view could write, and the audit log. */
async function learnerFootprint() {
  const [progress, enrolments, audit, attempts] = await Promise.all([
    prisma().moduleProgress.findMany({
      orderBy: [{ userId: 'asc' }, { moduleId: 'asc' }],
      select: { userId: true, moduleId: true, completedAt: true, lastOpenedAt: true },
    }),
    prisma().enrolment.findMany({ orderBy: { id: 'asc' }, select: { id: true, userId: true, courseId: true } }),
    prisma().auditLog.count(),
    prisma().quizAttempt.count(),
  ])
  return JSON.stringify({ progress, enrolments, audit, attempts })
}

describe('the preview of a module', () => {
  it("shows the draft's text in the page's language, not the published one, which learners keep reading", async () => {
    await saveDraft('drafted', 'ru', '## Цели обучения\n\nЧерновик: проверьте две пломбы.\n')
    const ru = await look(users.editor, 'drafted', { locale: 'ru' })
    expect(ru.status).toBe(200)
    expect(ru.page?.content?.html).toContain('Черновик: проверьте две пломбы.')
    expect(ru.page?.content?.html).not.toContain('Проверьте пломбу в модуле drafted')
    expect(ru.page).toMatchObject({
      title: 'Предпросмотр: Модуль drafted',
      heading: 'Модуль drafted',
      courseTitle: 'Курс look',
      position: 1,
      moduleCount: 4,
      previous: null,
      next: { slug: 'published', title: 'Модуль published' },
      courseDraft: false,
      publication: { archived: false },
    })
    expect(ru.page?.publication?.at).toBeInstanceOf(Date)
    // The English draft is untouched: the English preview is the published text.
    expect((await look(users.editor, 'drafted')).page?.content?.html).toContain('Check the seal on module drafted')
    expect((await read('drafted', 'ru'))?.content?.html).toContain('Проверьте пломбу в модуле drafted')
  })

  it('is exactly what learners read once the draft is published, figures included', async () => {
    await saveDraft(
      'published',
      'en',
      '## Steps\n\n1. Read the [guide](https://www.wcoomd.org).\n2. Compare the numbers.\n\n![Seal diagram](../../media/seal.svg "The seal")\n',
    )
    const before = (await look(users.editor, 'published')).page
    expect(before?.content?.html).toContain('<figcaption>The seal</figcaption>')
    expect(before?.content?.html).toMatch(/src="\/media\/courses\/look\/seal\.svg\?v=[0-9a-f]{12}"/)
    expect(before?.content?.html).toMatch(/<img [^>]*width="320" height="180"/)
    // The editor's live preview draws with the same sizes.
    const editor = await getModuleEditor({ courseSlug: 'look', moduleSlug: 'published', userId: users.editor.id })
    expect(editor?.media).toEqual([expect.objectContaining({ name: 'seal.svg', width: 320, height: 180 })])
    await publishModule({ moduleId: await moduleId('published'), userId: users.editor.id })
    expect((await read('published', 'en'))?.content?.html).toBe(before?.content?.html)
    expect(
      await prisma().courseMedia.findFirstOrThrow({ where: { courseId }, select: { width: true, height: true } }),
    ).toEqual({ width: 320, height: 180 })
    // Published since: the banner says so, with the revision's date.
    const revision = await prisma().moduleRevision.findFirstOrThrow({
      where: { moduleId: await moduleId('published') },
      select: { publishedAt: true },
    })
    expect((await look(users.editor, 'published')).page?.publication).toEqual({
      at: revision.publishedAt,
      archived: false,
    })
  })

  it('writes no progress, no enrolment and no audit entry, whoever looks', async () => {
    await markModuleComplete({ userId: users.learner.id, moduleId: await moduleId('drafted') })
    await look(users.editor, 'drafted') // drafts are made on the first open, before the count
    const before = await learnerFootprint()
    for (const user of [users.editor, users.other, users.admin])
      for (const slug of ['drafted', 'published', 'untranslated'])
        for (const locale of ['en', 'ru'] as const)
          expect((await look(user, slug, { locale })).status, `${user.email} ${slug} ${locale}`).toBe(200)
    expect(await learnerFootprint()).toBe(before)
  })

  it('cannot carry raw HTML or a script link: refused at save, and dropped by the renderer anyway', async () => {
    await expect(saveDraft('unsafe', 'en', '<script>alert(1)</script>')).rejects.toBeInstanceOf(UnsafeMarkdown)
    await expect(saveDraft('unsafe', 'en', '[Open](javascript:alert(1))')).rejects.toBeInstanceOf(UnsafeMarkdown)
    // A draft row written around the save's checks (an old row, a bug elsewhere) still renders safe.
    const hostile = [
      '## Hostile',
      '<script>alert(document.cookie)</script>',
      '<img src="x" onerror="alert(1)">',
      '[Open](javascript:alert(1)) [Data](data:text/html;base64,PHNjcmlwdD4=) [Vb](vbscript:msgbox)',
      '<a href="javascript:alert(2)">raw link</a> <iframe src="https://evil.example"></iframe>',
      '![x](javascript:alert(3))',
    ].join('\n\n')
    await getModuleDraft({ moduleId: await moduleId('unsafe') })
    await prisma().moduleDraft.update({
      where: { moduleId_locale: { moduleId: await moduleId('unsafe'), locale: 'en' } },
      data: { markdown: hostile },
    })
    const html = (await look(users.editor, 'unsafe')).page?.content?.html ?? ''
    expect(html).toContain('Hostile')
    for (const bad of ['<script', 'onerror', 'javascript:', 'data:', 'vbscript:', '<iframe', '<img'])
      expect(html.toLowerCase(), bad).not.toContain(bad)
  })

  it('says a language has no text yet instead of showing an empty page', async () => {
    const { page } = await look(users.editor, 'untranslated', { locale: 'ru' })
    expect(page).toMatchObject({ content: null, missingTitle: true, heading: 'Untranslated', headingLocale: 'en' })
    expect((await look(users.editor, 'untranslated')).page).toMatchObject({
      missingTitle: false,
      headingLocale: undefined,
    })
  })
})

describe('modules and courses learners do not see', () => {
  it('previews a module added in the studio, never published, at the end of the module nav', async () => {
    expect(
      await addModule({
        actorId: users.editor.id,
        courseSlug: 'look',
        input: { intent: 'add-module', slug: 'fresh', title: { en: 'Fresh', ru: 'Новый' }, minutes: 5 },
      }),
    ).toBe('added')
    await saveDraft('fresh', 'ru', '## Цели обучения\n\nНовый модуль.\n')
    const { page } = await look(users.editor, 'fresh', { locale: 'ru' })
    expect(page).toMatchObject({
      heading: 'Новый',
      position: 5,
      moduleCount: 5,
      previous: { slug: 'untranslated' },
      next: null,
      publication: null,
    })
    expect(page?.content?.html).toContain('Новый модуль.')
    // Learners neither see it nor count it.
    expect(await read('fresh', 'ru')).toBeNull()
    expect((await read('drafted', 'en'))?.course.moduleCount).toBe(4)
  })

  it('previews the module of a draft course', async () => {
    await createCourse({
      actorId: users.editor.id,
      input: {
        intent: 'create',
        slug: 'look-draft',
        category: 'border-control',
        title: { en: 'Draft course', ru: 'Черновик курса' },
        summary: { en: 'Not yet.', ru: 'Пока нет.' },
        passMark: 70,
      },
    })
    await addModule({
      actorId: users.editor.id,
      courseSlug: 'look-draft',
      input: { intent: 'add-module', slug: 'intro', title: { en: 'Intro', ru: 'Введение' }, minutes: 5 },
    })
    const { status, page } = await look(users.other, 'intro', { course: 'look-draft' })
    expect(status).toBe(200)
    expect(page).toMatchObject({ courseDraft: true, courseTitle: 'Draft course', heading: 'Intro', content: null })
  })
})

describe('who may preview', () => {
  it('any author, the course’s editors or not', async () => {
    for (const user of [users.editor, users.other, users.admin])
      expect((await look(user, 'drafted', { locale: 'ru' })).page?.content?.html).toContain('Черновик')
  })

  it('nobody else: learners, coordinators and visitors get the 404 page, also for a draft course', async () => {
    for (const user of [users.learner, users.manager, null])
      for (const [course, slug] of [
        ['look', 'drafted'],
        ['look', 'fresh'],
        ['look-draft', 'intro'],
        ['look', 'no-such'],
      ] as const)
        expect((await look(user, slug, { course })).status, `${user?.email ?? 'visitor'} ${course}/${slug}`).toBe(404)
  })

  it('finds no unknown course or module, nor a module under another course', async () => {
    for (const [course, slug] of [
      ['look', 'no-such'],
      ['no-such', 'drafted'],
      ['look-draft', 'drafted'],
    ] as const)
      expect((await look(users.editor, slug, { course })).status, `${course}/${slug}`).toBe(404)
  })
})

describe('figures stored before their size was kept (migration 20261209090000)', () => {
  const editorMedia = async () =>
    (await getModuleEditor({ courseSlug: 'look', moduleSlug: 'drafted', userId: users.editor.id }))?.media

  it('show without a size until startup reads it from the bytes once', async () => {
    await prisma().$executeRaw`UPDATE "CourseMedia" SET "width" = NULL, "height" = NULL WHERE "courseId" = ${courseId}`
    // The pages read the stored columns, not the bytes: no size until the backfill.
    expect(await editorMedia()).toEqual([{ name: 'seal.svg', src: expect.stringContaining('seal.svg') }])
    const before = await prisma().courseMedia.findFirstOrThrow({ where: { courseId }, select: { updatedAt: true } })

    expect(await backfillFigureSizes()).toMatchObject({ sized: 1 })
    expect(await editorMedia()).toEqual([expect.objectContaining({ name: 'seal.svg', width: 320, height: 180 })])
    // Bookkeeping, not an edit of the file: its date is unchanged.
    expect(await prisma().courseMedia.findFirstOrThrow({ where: { courseId }, select: { updatedAt: true } })).toEqual(
      before,
    )
    expect(await backfillFigureSizes()).toMatchObject({ sized: 0 })
  })
})
