// A published course's details through a draft (issue 14, ADR 024), through the studio course page's
// loader and action as Remix calls them: saved to a draft learners do not see, published or discarded
// by an editor, a stale save refused with 409, every write audit-logged, and nobody else writes at all.
import { readFileSync } from 'node:fs'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { enrolInCourse, getCourseOverview, listCatalogue } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import * as coursePage from '~/routes/$lang.studio.courses.$course._index'
import * as studioPage from '~/routes/$lang.studio._index'
import { getDatabase, getPrisma } from '~/utils/db.server'
import { coursePackage, quiz } from '../support/course-package'
import { callRoute } from '../support/studio-route'
import { createCourseStudioUsers, type StudioUsers } from '../support/studio-users'

const prisma = () => getPrisma()
const PATH = '/en/studio/courses/details'
let users: StudioUsers
let courseId = ''

const SUMMARY = { en: 'Seals and documents at the border.', ru: 'Пломбы и документы на границе.' }
const NEW_RU = 'Пломбы, документы и досмотр на границе.'
/** As the course package has them (tests/support/course-package.ts). */
const OBJECTIVES = { en: ['Check a seal.'], ru: ['Проверять пломбу.'] }

/** The details form as the page fills it in, with what the test changes. */
const form = (version: number, overrides: Record<string, string> = {}) => ({
  intent: 'update',
  version: String(version),
  category: 'border-control',
  'title.en': 'Course details',
  'title.ru': 'Курс details',
  'summary.en': SUMMARY.en,
  'summary.ru': SUMMARY.ru,
  'objectives.en': OBJECTIVES.en.join('\n'),
  'objectives.ru': OBJECTIVES.ru.join('\n'),
  certificateValidityMonths: '',
  passMark: '70',
  ...overrides,
})

const post = (user: SessionUser | null, fields: Record<string, string>) =>
  callRoute(coursePage.action, user, PATH, fields)
const page = async (user: SessionUser = users.editor) =>
  JSON.parse((await callRoute(coursePage.loader, user, PATH)).body) as {
    details: {
      published: { summary: Record<string, string>; passMark: number | null }
      draft: { summary: Record<string, string>; title: Record<string, string>; objectives: Record<string, string[]> }
      version: number
      changed: string[]
      status: Record<'summary' | 'objectives', Record<string, { state: string }>>
      updatedBy: string | null
    }
  }

/** What learners read: the catalogue entry and the course page. */
async function learnerSees() {
  const entry = (await listCatalogue({ userId: users.learner.id })).find((course) => course.slug === 'details')
  const overview = await getCourseOverview({ slug: 'details', userId: users.learner.id })
  return {
    catalogue: entry?.summary,
    page: overview?.summary,
    title: overview?.title,
    objectives: overview?.objectives,
  }
}

/** Everything a details write could leave behind. */
async function footprint() {
  const [course, draft, audit, exam] = await Promise.all([
    prisma().course.findUniqueOrThrow({ where: { id: courseId } }),
    prisma().courseDraft.findUnique({ where: { courseId } }),
    prisma().auditLog.count(),
    prisma().quiz.findFirst({ where: { courseId, kind: 'FINAL_EXAM' }, select: { passMark: true } }),
  ])
  return JSON.stringify({ course, draft, audit, exam })
}

const audit = (action: string) =>
  prisma().auditLog.findMany({
    where: { targetId: courseId, action: `studio.course.${action}` },
    select: { actorId: true, details: true },
  })

/** The course as imported, with a final exam; its editors: `editor`, and `admin` as a second one. */
async function importCourse() {
  await importCoursePackages({ packages: [coursePackage('details', { finalExam: quiz(['exam-q1', 'exam-q2']) })] })
  return (await prisma().course.findUniqueOrThrow({ where: { slug: 'details' } })).id
}

beforeAll(async () => {
  users = await createCourseStudioUsers({ name: 'details', courseId: await importCourse() })
})

beforeEach(async () => {
  await getDatabase().sql.exec('TRUNCATE "Course", "AuditLog" CASCADE')
  courseId = await importCourse()
  await prisma().courseEditor.createMany({
    data: [
      { courseId, userId: users.editor.id },
      { courseId, userId: users.admin.id },
    ],
  })
  await enrolInCourse({ userId: users.learner.id, courseId })
})

describe('a published course’s details', () => {
  it('are saved to a draft: learners keep the published details, and the other language is flagged', async () => {
    const saved = await post(users.editor, form(0, { 'summary.ru': NEW_RU, passMark: '80' }))
    expect(saved).toMatchObject({ status: 302, location: `${PATH}?draftSaved=1` })
    expect(await learnerSees()).toMatchObject({ catalogue: SUMMARY, page: SUMMARY })
    expect(await prisma().quiz.findFirst({ where: { courseId, kind: 'FINAL_EXAM' } })).toMatchObject({ passMark: 70 })

    const { details } = await page()
    expect(details).toMatchObject({
      published: { summary: SUMMARY, passMark: 70 },
      draft: { summary: { ...SUMMARY, ru: NEW_RU } },
      version: 1,
      changed: ['summary.ru', 'passMark'],
      updatedBy: 'Details editor',
    })
    // The English summary was confirmed against the old Russian one.
    expect(details.status.summary).toMatchObject({ en: { state: 'outOfDate' }, ru: { state: 'upToDate' } })
    const list = JSON.parse((await callRoute(studioPage.loader, users.editor, '/en/studio')).body)
    expect(list.courses[0]).toMatchObject({ languages: { en: 'outOfDate', ru: 'complete' }, detailsOutOfDate: ['en'] })
    expect(await audit('details_saved')).toEqual([
      { actorId: users.editor.id, details: { fields: ['summary.ru', 'passMark'] } },
    ])
  })

  it('reach learners when an editor publishes them, audit-logged, with the final exam’s pass mark', async () => {
    await post(users.editor, form(0, { 'summary.ru': NEW_RU, passMark: '80' }))
    const published = await post(users.admin, { intent: 'publish-details', version: '1' })
    expect(published).toMatchObject({ status: 302, location: `${PATH}?detailsPublished=1` })
    const expected = { ...SUMMARY, ru: NEW_RU }
    expect(await learnerSees()).toMatchObject({ catalogue: expected, page: expected })
    expect(await prisma().quiz.findFirst({ where: { courseId, kind: 'FINAL_EXAM' } })).toMatchObject({ passMark: 80 })
    const course = await prisma().course.findUniqueOrThrow({ where: { id: courseId } })
    expect(course).toMatchObject({ detailsPublishedById: users.admin.id, detailsPublishedAt: expect.any(Date) })
    expect(await audit('details_published')).toEqual([
      { actorId: users.admin.id, details: { fields: ['summary.ru', 'passMark'] } },
    ])
    expect((await page()).details.changed).toEqual([])

    // Nothing left to publish: nothing is written.
    const before = await footprint()
    expect(await post(users.editor, { intent: 'publish-details', version: '1' })).toMatchObject({
      status: 302,
      location: `${PATH}?unchanged=1`,
    })
    expect(await footprint()).toBe(before)
  })

  it('are put back by Discard, at a new version, without learners seeing anything', async () => {
    await post(users.editor, form(0, { 'title.en': 'Seals at the border' }))
    const discarded = await post(users.editor, { intent: 'discard-details', version: '1' })
    expect(discarded).toMatchObject({ status: 302, location: `${PATH}?detailsDiscarded=1` })
    const { details } = await page()
    expect(details).toMatchObject({ version: 2, changed: [], draft: { title: { en: 'Course details' } } })
    expect(await learnerSees()).toMatchObject({ title: { en: 'Course details', ru: 'Курс details' } })
    expect(await audit('details_discarded')).toEqual([{ actorId: users.editor.id, details: { fields: ['title.en'] } }])
  })

  it('are marked as up to date per language and field, both ways, keeping the version', async () => {
    await post(users.editor, form(0, { 'summary.ru': NEW_RU }))
    const marked = await post(users.editor, { intent: 'confirm-details', version: '1', locale: 'en', field: 'summary' })
    expect(marked).toMatchObject({ status: 302, location: `${PATH}?confirmed=summary.en` })
    const { details } = await page()
    expect(details.version).toBe(1)
    expect(details.status.summary).toMatchObject({ en: { state: 'upToDate' }, ru: { state: 'upToDate' } })
    expect(await audit('details_confirmed')).toEqual([
      { actorId: users.editor.id, details: { locale: 'en', field: 'summary' } },
    ])
  })

  it('refuse a stale save with 409, keeping the author’s input and showing the other author’s values', async () => {
    await post(users.admin, form(0, { 'title.en': 'Their title' }))
    const before = await footprint()
    const stale = await post(users.editor, form(0, { 'title.en': 'My title', 'summary.en': 'My summary.' }))
    expect(stale.status).toBe(409)
    const answer = JSON.parse(stale.body)
    expect(answer).toMatchObject({
      form: 'update',
      result: { initialValue: { title: { en: 'My title' } }, error: { '': ['details.conflict'] } },
      conflict: { version: 1, updatedBy: 'Details admin', theirs: { title: { en: 'Their title' } } },
    })
    expect(answer.conflict.differs).toEqual(['title.en', 'summary.en'])
    expect(await footprint()).toBe(before)

    // Saving again at the version shown replaces theirs.
    expect((await post(users.editor, form(1, { 'title.en': 'My title' }))).status).toBe(302)
    expect((await page()).details.draft.title.en).toBe('My title')

    // A publish from a page opened before that save is stale too: nothing is published.
    const beforePublish = await footprint()
    const publish = await post(users.admin, { intent: 'publish-details', version: '1' })
    expect(publish.status).toBe(409)
    expect(JSON.parse(publish.body)).toMatchObject({
      form: 'details',
      error: 'details.stale',
      conflict: { version: 2 },
    })
    expect(await footprint()).toBe(beforePublish)
  })

  it('refuse bad input on its field in the author’s language, and a publish the package rules refuse', async () => {
    const before = await footprint()
    const tooLong = await post(users.editor, form(0, { 'summary.ru': 'д'.repeat(1001), passMark: '' }))
    expect(tooLong.status).toBe(400)
    expect(JSON.parse(tooLong.body).result.error).toMatchObject({
      'summary.ru': ['course.summaryTooLong'],
      passMark: ['course.passMarkInvalid'],
    })
    expect(await footprint()).toBe(before)

    // A draft stored otherwise (an older limit, a hand edit) is checked again at publish.
    await post(users.editor, form(0, { 'title.en': 'Seals' }))
    await prisma().courseDraft.update({ where: { courseId }, data: { title: { en: 'Seals', ru: ' ' } } })
    const beforePublish = await footprint()
    const refused = await post(users.editor, { intent: 'publish-details', version: '1' })
    expect(refused.status).toBe(400)
    expect(JSON.parse(refused.body)).toEqual({ form: 'details', error: 'details.publishRefused', fields: ['title.ru'] })
    expect(await footprint()).toBe(beforePublish)
  })

  it('are 404 to a learner, a coordinator, a visitor and an author who is not an editor, writing nothing', async () => {
    await post(users.editor, form(0, { 'summary.ru': NEW_RU }))
    const before = await footprint()
    const forms: Record<string, string>[] = [
      form(1, { 'title.en': 'Taken over' }),
      { intent: 'publish-details', version: '1' },
      { intent: 'discard-details', version: '1' },
      { intent: 'confirm-details', version: '1', locale: 'en', field: 'summary' },
    ]
    for (const [who, user] of [
      ['learner', users.learner],
      ['manager', users.manager],
      ['visitor', null],
      ['non-editor', users.other],
    ] as const) {
      for (const fields of forms) {
        const answer = await post(user, fields)
        expect(answer, `${who} ${fields.intent}`).toMatchObject({ status: 404, body: 'Not found' })
      }
      if (who !== 'non-editor') expect((await callRoute(coursePage.loader, user, PATH)).status).toBe(404)
    }
    expect(await footprint()).toBe(before)
    expect(await learnerSees()).toMatchObject({ catalogue: SUMMARY })
  })
})

describe('a course’s learning objectives', () => {
  const EN = ['Check a seal and its number.', 'Record a broken seal in a report.']
  const RU = ['Проверять пломбу и её номер.', 'Составлять акт о нарушении пломбы.']
  const objectivesOf = async () =>
    (await prisma().course.findUniqueOrThrow({ where: { id: courseId }, select: { objectives: true } })).objectives

  it('are edited one a line, flagged in the other language, published to the learner’s course page', async () => {
    // Blank lines and surrounding spaces are dropped; the learners keep the published objectives.
    const saved = await post(users.editor, form(0, { 'objectives.en': `  ${EN[0]}\r\n\r\n${EN[1]}  \n` }))
    expect(saved).toMatchObject({ status: 302, location: `${PATH}?draftSaved=1` })
    expect(await learnerSees()).toMatchObject({ objectives: OBJECTIVES })
    const { details } = await page()
    expect(details).toMatchObject({ draft: { objectives: { ...OBJECTIVES, en: EN } }, changed: ['objectives.en'] })
    expect(details.status.objectives).toMatchObject({ en: { state: 'upToDate' }, ru: { state: 'outOfDate' } })
    expect(await audit('details_saved')).toEqual([{ actorId: users.editor.id, details: { fields: ['objectives.en'] } }])

    // The Russian ones rewritten, then marked as up to date (they were flagged by the English change).
    await post(users.editor, form(1, { 'objectives.en': EN.join('\n'), 'objectives.ru': RU.join('\n') }))
    const marked = await post(users.editor, {
      intent: 'confirm-details',
      version: '2',
      locale: 'ru',
      field: 'objectives',
    })
    expect(marked).toMatchObject({ status: 302, location: `${PATH}?confirmed=objectives.ru` })
    expect((await page()).details.status.objectives).toMatchObject({
      en: { state: 'upToDate' },
      ru: { state: 'upToDate' },
    })

    const published = await post(users.admin, { intent: 'publish-details', version: '2' })
    expect(published).toMatchObject({ status: 302, location: `${PATH}?detailsPublished=1` })
    expect(await learnerSees()).toMatchObject({ objectives: { en: EN, ru: RU } })
    expect(await audit('details_published')).toEqual([
      { actorId: users.admin.id, details: { fields: ['objectives.en', 'objectives.ru'] } },
    ])
  })

  it('refuse more than 8, or one over 300 characters, in the author’s language, writing nothing', async () => {
    const before = await footprint()
    const nine = Array.from({ length: 9 }, (_, n) => `Цель ${n + 1}.`).join('\n')
    const refused = await callRoute(
      coursePage.action,
      users.editor,
      '/ru/studio/courses/details',
      form(0, { 'objectives.ru': nine, 'objectives.en': `${'x'.repeat(301)}\nCheck a seal.` }),
    )
    expect(refused.status).toBe(400)
    expect(JSON.parse(refused.body).result.error).toEqual({
      'objectives.en': ['course.objectiveTooLong'],
      'objectives.ru': ['course.objectivesTooMany'],
    })
    expect(await footprint()).toBe(before)
    // What the Russian page shows next to the fields.
    const ru = JSON.parse(readFileSync('app/locales/ru/studio.json', 'utf8')).course
    expect([ru.objectiveTooLong, ru.objectivesTooMany]).toEqual([
      'Каждая цель обучения может быть не длиннее 300 символов.',
      'Укажите не более 8 целей обучения, по одной в строке.',
    ])
    // Exactly at the limits is fine.
    const eight = Array.from({ length: 8 }, (_, n) => `${n + 1}. ${'я'.repeat(297)}`).join('\n')
    expect((await post(users.editor, form(0, { 'objectives.ru': eight }))).status).toBe(302)
  })

  it('show the other author’s objectives on a conflict, and a draft without them in a language is not published', async () => {
    await post(users.admin, form(0, { 'objectives.ru': RU.join('\n') }))
    const stale = await post(users.editor, form(0, { 'objectives.ru': 'Проверять пломбу.\nДругая цель.' }))
    expect(stale.status).toBe(409)
    expect(JSON.parse(stale.body).conflict).toMatchObject({
      differs: ['objectives.ru'],
      theirs: { objectives: { ru: RU } },
    })

    expect((await post(users.editor, form(1, { 'objectives.en': '' }))).status).toBe(302)
    const before = await footprint()
    const refused = await post(users.editor, { intent: 'publish-details', version: '2' })
    expect(JSON.parse(refused.body)).toEqual({
      form: 'details',
      error: 'details.publishRefused',
      fields: ['objectives.en'],
    })
    expect(await footprint()).toBe(before)
    expect(await objectivesOf()).toEqual(OBJECTIVES)
  })

  it('came into existing drafts with the migration, confirmed as a whole (20261207160000)', async () => {
    await post(users.editor, form(0, { 'title.en': 'Seals' }))
    // A draft as it was before the migration: no objectives, nothing confirmed about them.
    await getDatabase().sql.exec(`
      ALTER TABLE "CourseDraft" ALTER COLUMN "objectives" DROP NOT NULL;
      UPDATE "CourseDraft" SET "objectives" = NULL,
        "confirmed" = jsonb_build_object('en', ("confirmed"->'en') - 'objectives', 'ru', ("confirmed"->'ru') - 'objectives');
      ALTER TABLE "CourseDraft" DROP COLUMN "objectives";`)
    const migration = readFileSync('prisma/migrations/20261207160000_course_objectives_draft/migration.sql', 'utf8')
    await getDatabase().sql.exec(migration)
    const { details } = await page()
    expect(details.draft.objectives).toEqual(OBJECTIVES)
    expect(details.status.objectives).toMatchObject({ en: { state: 'upToDate' }, ru: { state: 'upToDate' } })
    expect(details.changed).toEqual(['title.en'])
    // Changing one language now flags the other, as for a draft made by the studio itself.
    await post(users.editor, form(1, { 'title.en': 'Seals', 'objectives.en': 'Check two seals.' }))
    expect((await page()).details.status.objectives).toMatchObject({ ru: { state: 'outOfDate' } })
  })
})

describe('a course without a final exam', () => {
  it('asks for no pass mark and stores none', async () => {
    await importCoursePackages({ packages: [coursePackage('no-exam')] })
    const { id } = await prisma().course.findUniqueOrThrow({ where: { slug: 'no-exam' } })
    await prisma().courseEditor.create({ data: { courseId: id, userId: users.editor.id } })
    const { passMark: _passMark, ...fields } = form(0, { 'summary.en': 'Seals only.' })
    const saved = await callRoute(coursePage.action, users.editor, '/en/studio/courses/no-exam', fields)
    expect(saved.status).toBe(302)
    expect(await prisma().courseDraft.findUniqueOrThrow({ where: { courseId: id } })).toMatchObject({ passMark: null })
  })
})
