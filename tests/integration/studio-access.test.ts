// Issue 14, the studio's first slice: who may see and change what. The routes are called as Remix calls
// them. Learners, coordinators and visitors get the 404 of a page that does not exist on every studio
// loader and action, and nothing is written; an author who is not a course's editor may look at it but
// every change answers 404, because the write's own query finds nothing it may change.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '~/generated/prisma/enums'
import type { SessionUser } from '~/modules/auth/user'
import { getCourseOverview, listCatalogue } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { getModuleForReader } from '~/modules/content/reader.server'
import * as coursePage from '~/routes/$lang.studio.courses.$course._index'
import * as studioPage from '~/routes/$lang.studio._index'
import { getPrisma } from '~/utils/db.server'
import { coursePackage } from '../support/course-package'
import { callRoute } from '../support/studio-route'

const prisma = () => getPrisma()
const users: Record<'learner' | 'manager' | 'editor' | 'other' | 'admin', SessionUser> = {} as never

beforeAll(async () => {
  await importCoursePackages({ packages: [coursePackage('seals')] })
  const administration = await prisma().administration.create({
    data: { code: 'STUDIO', name: { en: 'Customs', ru: 'Таможня' } },
    select: { id: true },
  })
  const make = async (key: keyof typeof users, role: Role, email: string, name: string) => {
    users[key] = await prisma().user.create({
      data: {
        email,
        displayName: name,
        role,
        passwordHash: 'x',
        administrationId: role === 'LEARNER' || role === 'MANAGER' ? administration.id : null,
      },
      select: { id: true, email: true, displayName: true, role: true, administrationId: true, preferredLocale: true },
    })
  }
  await make('learner', 'LEARNER', 'learner@studio.test', 'Aram Learner')
  await make('manager', 'MANAGER', 'manager@studio.test', 'Lilit Manager')
  await make('editor', 'INSTRUCTOR', 'editor@studio.test', 'Elena Editor')
  await make('other', 'INSTRUCTOR', 'other@studio.test', 'Oleg Other')
  await make('admin', 'ADMIN', 'admin@studio.test', 'Anna Admin')
  const seals = await prisma().course.findUniqueOrThrow({ where: { slug: 'seals' }, select: { id: true } })
  await prisma().courseEditor.create({ data: { courseId: seals.id, userId: users.editor.id } })
})

const call = callRoute

const newCourse = (slug: string, overrides: Record<string, string> = {}) => ({
  intent: 'create',
  slug,
  category: 'border-control',
  'title.en': 'Risk management at the border',
  'title.ru': 'Управление рисками на границе',
  'summary.en': 'How officers select consignments for control.',
  'summary.ru': 'Как инспекторы отбирают партии товаров для контроля.',
  certificateValidityMonths: '24',
  passMark: '75',
  ...overrides,
})

const { intent: _create, slug: _slug, ...details } = newCourse('x')
const update = (overrides: Record<string, string> = {}) => ({
  ...details,
  intent: 'update',
  version: '0',
  ...overrides,
})
/** The details' one-button forms (ADR 024), at the version a first visit sees. */
const detailButtons: Record<string, string>[] = [
  { intent: 'publish-details', version: '0' },
  { intent: 'discard-details', version: '0' },
  { intent: 'confirm-details', version: '0', locale: 'ru', field: 'summary' },
]

/** Everything a studio write could leave behind. */
async function footprint() {
  const [courses, editors, audit, quizzes] = await Promise.all([
    prisma().course.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, title: true, status: true } }),
    prisma().courseEditor.count(),
    prisma().auditLog.count(),
    prisma().quiz.findMany({ orderBy: { id: 'asc' }, select: { id: true, passMark: true } }),
  ])
  return JSON.stringify({ courses, editors, audit, quizzes })
}

describe('outsiders: learners, coordinators and visitors', () => {
  it('get 404 on every studio loader and action, and nothing is written', async () => {
    await call(studioPage.action, users.editor, '/en/studio', newCourse('outsiders-draft'))
    const before = await footprint()
    const forms: Record<string, string>[] = [
      newCourse('by-an-outsider'),
      update(),
      ...detailButtons,
      { intent: 'add-editor', email: 'other@studio.test' },
      { intent: 'remove-editor', userId: users.editor.id },
      { intent: 'anything' },
      {},
    ]
    for (const [who, user] of [
      ['learner', users.learner],
      ['manager', users.manager],
      ['visitor', null],
    ] as const) {
      for (const path of [
        '/en/studio',
        '/ru/studio',
        '/en/studio/courses/seals',
        '/en/studio/courses/outsiders-draft',
      ]) {
        const page = await call(path.endsWith('studio') ? studioPage.loader : coursePage.loader, user, path)
        expect(page.status, `${who} GET ${path}`).toBe(404)
        expect(page.body).toBe('Not found')
        for (const form of forms) {
          const handler = path.endsWith('studio') ? studioPage.action : coursePage.action
          const answer = await call(handler, user, path, form)
          expect(answer.status, `${who} POST ${path} ${form.intent}`).toBe(404)
          expect(answer.body).toBe('Not found')
        }
      }
    }
    expect(await footprint()).toBe(before)
  })
})

describe('an author who is not the course’s editor', () => {
  it('may look at the course but every change answers 404 and writes nothing', async () => {
    await call(studioPage.action, users.editor, '/en/studio', newCourse('editors-draft'))
    const page = await call(coursePage.loader, users.other, '/en/studio/courses/editors-draft')
    expect(page.status).toBe(200)
    expect(JSON.parse(page.body)).toMatchObject({ course: { canEdit: false }, canManageEditors: false })
    const before = await footprint()
    const writes: Record<string, string>[] = [
      update({ 'title.en': 'Taken over' }),
      ...detailButtons,
      { intent: 'add-editor', email: 'other@studio.test' },
      { intent: 'remove-editor', userId: users.editor.id },
    ]
    for (const form of writes) {
      const answer = await call(coursePage.action, users.other, '/en/studio/courses/editors-draft', form)
      expect(answer.status, form.intent).toBe(404)
    }
    expect(await footprint()).toBe(before)
  })

  it('lists every course, with the access of each', async () => {
    const list = await call(studioPage.loader, users.other, '/en/studio')
    const courses = JSON.parse(list.body).courses as { slug: string; canEdit: boolean }[]
    expect(courses.find((course) => course.slug === 'seals')).toMatchObject({ canEdit: false })
    const mine = await call(studioPage.loader, users.editor, '/en/studio')
    expect(JSON.parse(mine.body).courses.find((course: { slug: string }) => course.slug === 'seals')).toMatchObject({
      canEdit: true,
      status: 'PUBLISHED',
      languages: { en: 'complete', ru: 'complete' },
      lastChange: { source: 'import', by: null },
    })
  })
})

describe('creating a course', () => {
  it('refuses bad input with the field’s message and writes nothing', async () => {
    const before = await footprint()
    const cases: [Record<string, string>, string, string][] = [
      [newCourse('Risk Management'), 'slug', 'course.slugInvalid'],
      [newCourse('risk--management'), 'slug', 'course.slugInvalid'],
      [newCourse(''), 'slug', 'course.slugRequired'],
      [newCourse('risk', { 'title.ru': '  ' }), 'title.ru', 'course.titleRequired'],
      [newCourse('risk', { 'summary.en': '' }), 'summary.en', 'course.summaryRequired'],
      [newCourse('risk', { passMark: '101' }), 'passMark', 'course.passMarkInvalid'],
      [newCourse('risk', { passMark: 'a lot' }), 'passMark', 'course.passMarkInvalid'],
      [newCourse('risk', { certificateValidityMonths: '0' }), 'certificateValidityMonths', 'course.validityInvalid'],
      [newCourse('risk', { category: 'smuggling' }), 'category', 'course.categoryInvalid'],
    ]
    for (const [form, field, message] of cases) {
      const answer = await call(studioPage.action, users.editor, '/en/studio', form)
      expect(answer.status, `${field}: ${message}`).toBe(400)
      expect(JSON.parse(answer.body).result.error[field], `${field}: ${message}`).toEqual([message])
    }
    expect(await footprint()).toBe(before)
  })

  it('makes a draft whose creator is its first editor, logs it, and refuses a taken slug', async () => {
    const created = await call(studioPage.action, users.editor, '/en/studio', newCourse('risk-management'))
    expect(created.status).toBe(302)
    expect(created.location).toBe('/en/studio/courses/risk-management?created=1')
    const course = await prisma().course.findUniqueOrThrow({
      where: { slug: 'risk-management' },
      select: {
        id: true,
        status: true,
        title: true,
        summary: true,
        certificateValidityMonths: true,
        editors: { select: { userId: true, addedById: true } },
        quizzes: { select: { kind: true, passMark: true } },
      },
    })
    expect(course).toMatchObject({
      status: 'DRAFT',
      title: { en: 'Risk management at the border', ru: 'Управление рисками на границе' },
      certificateValidityMonths: 24,
      editors: [{ userId: users.editor.id, addedById: null }],
      quizzes: [{ kind: 'FINAL_EXAM', passMark: 75 }],
    })
    const audit = await prisma().auditLog.findMany({
      where: { targetId: course.id },
      select: { actorId: true, action: true },
    })
    expect(audit).toEqual([{ actorId: users.editor.id, action: 'studio.course.created' }])

    const list = await call(studioPage.loader, users.editor, '/en/studio')
    expect(JSON.parse(list.body).courses.find((c: { slug: string }) => c.slug === 'risk-management')).toMatchObject({
      status: 'DRAFT',
      canEdit: true,
      lastChange: { source: 'studio', by: 'Elena Editor' },
    })

    const before = await footprint()
    const taken = await call(studioPage.action, users.other, '/en/studio', newCourse('risk-management'))
    expect(taken.status).toBe(400)
    expect(JSON.parse(taken.body).result.error.slug).toEqual(['course.slugTaken'])
    const sealsTaken = await call(studioPage.action, users.admin, '/en/studio', newCourse('seals'))
    expect(JSON.parse(sealsTaken.body).result.error.slug).toEqual(['course.slugTaken'])
    expect(await footprint()).toBe(before)
  })

  it('lets its editor change its details, applied at once while the course is a draft', async () => {
    await call(studioPage.action, users.editor, '/en/studio', newCourse('draft-details'))
    const saved = await call(
      coursePage.action,
      users.editor,
      '/en/studio/courses/draft-details',
      update({ 'title.ru': 'Новое название', passMark: '60', certificateValidityMonths: '' }),
    )
    expect(saved.status).toBe(302)
    const course = await prisma().course.findUniqueOrThrow({
      where: { slug: 'draft-details' },
      select: { id: true, title: true, certificateValidityMonths: true, quizzes: { select: { passMark: true } } },
    })
    expect(course).toMatchObject({ certificateValidityMonths: null, quizzes: [{ passMark: 60 }] })
    expect(course.title).toEqual({ en: 'Risk management at the border', ru: 'Новое название' })
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { targetId: course.id, action: 'studio.course.updated' },
    })
    expect(entry).toMatchObject({
      actorId: users.editor.id,
      details: { fields: ['title.ru', 'certificateValidityMonths', 'passMark'] },
    })

    const invalid = await call(
      coursePage.action,
      users.editor,
      '/en/studio/courses/draft-details',
      update({ 'title.en': '' }),
    )
    expect(invalid.status).toBe(400)
    expect(JSON.parse(invalid.body)).toMatchObject({
      form: 'update',
      result: { error: { 'title.en': ['course.titleRequired'] } },
    })
  })
})

describe('editors', () => {
  const path = '/en/studio/courses/seals'
  const add = (email: string) => call(coursePage.action, users.admin, path, { intent: 'add-editor', email })

  it('are added by an admin, by the e-mail of an instructor or admin, with a clear refusal otherwise', async () => {
    const before = await footprint()
    for (const [email, message] of [
      ['nobody@studio.test', 'editors.unknownEmail'],
      ['learner@studio.test', 'editors.notAnAuthor'],
      ['manager@studio.test', 'editors.notAnAuthor'],
      ['editor@studio.test', 'editors.alreadyEditor'],
      ['not an address', 'editors.emailInvalid'],
    ]) {
      const answer = await add(email!)
      expect(answer.status, email).toBe(400)
      expect(JSON.parse(answer.body), email).toMatchObject({
        form: 'add-editor',
        result: { error: { email: [message] } },
      })
    }
    expect(await footprint()).toBe(before)

    const added = await add('Other@Studio.test')
    expect(added.status).toBe(302)
    expect(added.location).toBe('/en/studio/courses/seals?added=other%40studio.test')
    const page = await call(coursePage.loader, users.other, path)
    expect(JSON.parse(page.body).course).toMatchObject({
      canEdit: true,
      editors: [{ email: 'editor@studio.test' }, { email: 'other@studio.test' }],
    })
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'studio.editor.added' },
      select: { actorId: true, details: true },
    })
    expect(entry).toEqual({ actorId: users.admin.id, details: { userId: users.other.id } })
  })

  it('are removed by an admin; removing one who is not an editor is a 404', async () => {
    const removed = await call(coursePage.action, users.admin, path, {
      intent: 'remove-editor',
      userId: users.other.id,
    })
    expect(removed.status).toBe(302)
    expect(await prisma().auditLog.count({ where: { action: 'studio.editor.removed', actorId: users.admin.id } })).toBe(
      1,
    )
    const again = await call(coursePage.action, users.admin, path, { intent: 'remove-editor', userId: users.other.id })
    expect(again.status).toBe(404)
    const unknownCourse = await call(coursePage.action, users.admin, '/en/studio/courses/nope', {
      intent: 'add-editor',
      email: 'other@studio.test',
    })
    expect(unknownCourse.status).toBe(404)
  })
})

describe('a draft course', () => {
  it('is never shown to learners, even with an enrolment row', async () => {
    await call(studioPage.action, users.editor, '/en/studio', newCourse('hidden-draft'))
    const draft = await prisma().course.findUniqueOrThrow({ where: { slug: 'hidden-draft' }, select: { id: true } })
    await prisma().module.create({
      data: {
        courseId: draft.id,
        slug: 'intro',
        position: 1,
        minutes: 5,
        title: { en: 'Intro', ru: 'Введение' },
        contents: {
          create: { locale: 'en', markdown: 'Secret', html: '<p>Secret</p>', wordCount: 1, sourceHash: 'x' },
        },
      },
    })
    // No learner can enrol in a draft; a row put there by hand must still not open it.
    await prisma().enrolment.create({ data: { userId: users.learner.id, courseId: draft.id } })
    const catalogue = await listCatalogue({ userId: users.learner.id })
    expect(catalogue.map((course) => course.slug)).not.toContain('hidden-draft')
    expect(await getCourseOverview({ slug: 'hidden-draft', userId: users.learner.id })).toBeNull()
    const reader = await getModuleForReader({
      courseSlug: 'hidden-draft',
      moduleSlug: 'intro',
      locale: 'en',
      userId: users.learner.id,
    })
    expect(reader).toBeNull()
    const list = await call(studioPage.loader, users.editor, '/en/studio')
    expect(JSON.parse(list.body).courses.find((c: { slug: string }) => c.slug === 'hidden-draft')).toMatchObject({
      languages: { en: 'complete', ru: 'missing' },
    })
  })
})
