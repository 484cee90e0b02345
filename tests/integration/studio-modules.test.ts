// Issue 14, the studio's module list (ADR 020): add, reorder, archive and restore, through the course
// page's action as Remix calls it. A module added in the studio stays out of learners' sight and out of
// their completion until its first publish; archiving and restoring keep their progress.
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { enrolInCourse, getCourseOverview } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { getModuleForReader } from '~/modules/content/reader.server'
import { markModuleComplete } from '~/modules/progress/progress.server'
import { listStudioCourses } from '~/modules/studio/courses.server'
import { getModuleDraft, saveModuleDraft } from '~/modules/studio/drafts.server'
import { publishModule } from '~/modules/studio/revisions.server'
import * as coursePage from '~/routes/$lang.studio.courses.$course._index'
import { getPrisma } from '~/utils/db.server'
import { coursePackage, module } from '../support/course-package'
import { createCourseStudioUsers, studioContext, type StudioUsers } from '../support/studio-users'

const prisma = () => getPrisma()
let users: StudioUsers
let courseId = ''

beforeAll(async () => {
  const modules = ['alpha', 'beta', 'gamma'].map((slug, index) => module(slug, index + 1))
  await importCoursePackages({ packages: [coursePackage('mods', { modules })] })
  courseId = (await prisma().course.findUniqueOrThrow({ where: { slug: 'mods' }, select: { id: true } })).id
  users = await createCourseStudioUsers({ name: 'modules', courseId })
  await enrolInCourse({ userId: users.learner.id, courseId })
})

/** Posts a form to the course page's action; the status and body of whatever comes back, thrown or returned. */
async function post(user: SessionUser | null, form: Record<string, string>, locale: 'en' | 'ru' = 'en') {
  const body = new FormData()
  for (const [name, value] of Object.entries(form)) body.append(name, value)
  const request = new Request(`http://localhost/${locale}/studio/courses/mods`, { method: 'POST', body })
  const args = { request, params: { lang: locale, course: 'mods' }, context: studioContext(user, locale) }
  const result: unknown = await coursePage.action(args).catch((thrown: unknown) => thrown)
  if (result instanceof Response) return { status: result.status, body: await result.text() }
  if (result instanceof Error) throw result
  const { data, init } = result as { data: unknown; init: { status?: number } | null }
  return { status: init?.status ?? 200, body: JSON.stringify(data) }
}

const newModule = (slug: string, overrides: Record<string, string> = {}) => ({
  intent: 'add-module',
  slug,
  'title.en': `Added ${slug}`,
  'title.ru': `Добавленный ${slug}`,
  minutes: '15',
  ...overrides,
})

const order = async () =>
  await prisma().module.findMany({
    where: { courseId },
    orderBy: { position: 'asc' },
    select: { slug: true, position: true },
  })

/** Everything a module write could leave behind. */
async function footprint() {
  const [modules, audit] = await Promise.all([
    prisma().module.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, position: true, archivedAt: true } }),
    prisma().auditLog.count(),
  ])
  return JSON.stringify({ modules, audit })
}

const read = (slug: string) =>
  getModuleForReader({ courseSlug: 'mods', moduleSlug: slug, locale: 'en', userId: users.learner.id })

describe('adding a module', () => {
  it('refuses bad input with field errors in the author’s language, writing nothing', async () => {
    const before = await footprint()
    const bad = await post(users.editor, newModule('Bad Slug', { 'title.ru': ' ', minutes: '0' }), 'ru')
    expect(bad.status).toBe(400)
    expect(bad.body).toContain('module.slugInvalid')
    expect(bad.body).toContain('module.titleRequired')
    expect(bad.body).toContain('module.minutesInvalid')
    const taken = await post(users.editor, newModule('beta'))
    expect(taken.status).toBe(400)
    expect(taken.body).toContain('module.slugTaken')
    expect(await footprint()).toBe(before)
  })

  it('appends it, audit-logged on the course, invisible to learners and not needed for completion', async () => {
    const added = await post(users.editor, newModule('delta'))
    expect(added.status).toBe(302)
    expect((await order()).at(-1)).toEqual({ slug: 'delta', position: 4 })
    const entry = await prisma().auditLog.findFirstOrThrow({ where: { action: 'studio.module.added' } })
    expect(entry).toMatchObject({ actorId: users.editor.id, targetType: 'Course', targetId: courseId })
    const listed = (await listStudioCourses({ userId: users.editor.id })).find((course) => course.slug === 'mods')
    expect(listed?.lastChange).toMatchObject({ source: 'studio', by: 'Modules editor' })
    expect(await read('delta')).toBeNull()
    const overview = await getCourseOverview({ slug: 'mods', userId: users.learner.id })
    expect(overview?.modules.map((m) => m.slug)).toEqual(['alpha', 'beta', 'gamma'])

    const ids = await prisma().module.findMany({ where: { courseId, slug: { not: 'delta' } }, select: { id: true } })
    for (const { id } of ids) await markModuleComplete({ userId: users.learner.id, moduleId: id })
    const enrolment = await prisma().enrolment.findFirstOrThrow({ where: { userId: users.learner.id, courseId } })
    expect(enrolment.completedAt).not.toBeNull()
  })

  it('shows it to learners once published, its text empty until then', async () => {
    const moduleId = (await prisma().module.findFirstOrThrow({ where: { slug: 'delta' }, select: { id: true } })).id
    const { texts } = await getModuleDraft({ moduleId })
    expect(texts.en).toMatchObject({ title: 'Added delta', markdown: '' })
    const bodies = { en: '## Learning objectives\n\nNew text.\n', ru: '## Цели обучения\n\nНовый текст.\n' }
    for (const locale of ['en', 'ru'] as const)
      await saveModuleDraft({
        moduleId,
        locale,
        fields: { markdown: bodies[locale] },
        baseVersion: texts[locale].version,
        userId: users.editor.id,
      })
    await publishModule({ moduleId, userId: users.editor.id })
    expect((await read('delta'))?.content?.html).toContain('New text.')
  })
})

describe('reordering', () => {
  it('swaps with the neighbour, keeps positions contiguous, and does nothing at either end', async () => {
    await prisma().module.updateMany({ where: { slug: 'gamma' }, data: { position: 7 } }) // a gap, as an import may leave
    expect((await post(users.editor, { intent: 'move-up', module: 'delta' })).status).toBe(302)
    expect(await order()).toEqual([
      { slug: 'alpha', position: 1 },
      { slug: 'delta', position: 2 },
      { slug: 'beta', position: 3 },
      { slug: 'gamma', position: 4 },
    ])
    const before = await footprint()
    expect((await post(users.editor, { intent: 'move-up', module: 'alpha' })).status).toBe(302)
    expect((await post(users.editor, { intent: 'move-down', module: 'gamma' })).status).toBe(302)
    expect(await footprint()).toBe(before)
  })
})

describe('archiving and restoring', () => {
  it('keeps learners’ progress, and the module counts again once restored', async () => {
    const beta = await prisma().module.findFirstOrThrow({ where: { slug: 'beta' }, select: { id: true } })
    const progress = await prisma().moduleProgress.findMany({ where: { moduleId: beta.id } })
    expect(progress).toHaveLength(1)
    expect((await post(users.editor, { intent: 'archive-module', module: 'beta' })).status).toBe(302)
    expect(await read('beta')).toBeNull()
    expect(await prisma().moduleProgress.findMany({ where: { moduleId: beta.id } })).toEqual(progress)
    expect((await post(users.editor, { intent: 'restore-module', module: 'beta' })).status).toBe(302)
    expect(await read('beta')).not.toBeNull()
    expect(await prisma().moduleProgress.findMany({ where: { moduleId: beta.id } })).toEqual(progress)
    const enrolment = await prisma().enrolment.findFirstOrThrow({ where: { userId: users.learner.id, courseId } })
    expect(enrolment.modulesCompleted).toBe(3) // alpha, beta, gamma; delta not read yet
    const actions = await prisma().auditLog.findMany({ where: { targetId: courseId }, select: { action: true } })
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining(['studio.module.archived', 'studio.module.restored']),
    )
  })

  it('refuses to restore a module never published, in the author’s language', async () => {
    await post(users.editor, newModule('epsilon'))
    const before = await footprint()
    const answer = await post(users.editor, { intent: 'restore-module', module: 'epsilon' }, 'ru')
    expect(answer).toEqual({ status: 400, body: 'studio:module.neverPublished' })
    expect(await footprint()).toBe(before)
  })
})

describe('who may write', () => {
  it('answers 404 to a non-editor, a learner, a coordinator and a visitor, writing nothing', async () => {
    const before = await footprint()
    const forms = [
      newModule('intruder'),
      { intent: 'move-up', module: 'gamma' },
      { intent: 'move-down', module: 'alpha' },
      { intent: 'archive-module', module: 'alpha' },
      { intent: 'restore-module', module: 'alpha' },
    ]
    for (const user of [users.other, users.learner, users.manager, null])
      for (const form of forms) expect((await post(user, form)).status, `${user?.email} ${form.intent}`).toBe(404)
    expect(await footprint()).toBe(before)
  })

  it('answers 404 to an editor naming a module the course does not have', async () => {
    expect((await post(users.editor, { intent: 'archive-module', module: 'nowhere' })).status).toBe(404)
    expect((await post(users.editor, { intent: 'move-up', module: 'nowhere' })).status).toBe(404)
  })
})
