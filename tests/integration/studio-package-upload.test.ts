// Issue 15, uploading a course package in the studio (ADR 027), through the page's loader and action as
// Remix calls them: the validator's report in the author's language, nothing written before the author
// confirms, a new draft course, a draft of an existing course while learners keep the published text,
// another author's course refused, every archive attack refused with a 4xx, and who may do what.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { listCatalogue } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { loadCoursePackage } from '~/modules/content/package-loader.server'
import { getModuleForReader } from '~/modules/content/reader.server'
import { getModuleDraft } from '~/modules/studio/drafts.server'
import { MAX_PACKAGE_BYTES } from '~/modules/studio/limits'
import * as uploadPage from '~/routes/$lang.studio.upload'
import { getPrisma } from '~/utils/db.server'
import { routeAnswer, type RouteAnswer } from '../support/route-answer'
import { createStudioUsers, studioContext } from '../support/studio-users'
import { zipBytes, zipFolder, type ZipEntry } from '../support/zip-bytes'

const prisma = () => getPrisma()
const FOLDER = 'tests/fixtures/courses/valid-minimal'
const SLUG = 'seal-basics'
const RU_BODY = 'modules/01-seal-types/ru.md'
const publishedRu = readFileSync(join(FOLDER, RU_BODY), 'utf8')
const changedRu = publishedRu.replace('## Болтовые пломбы', '## Болтовые пломбы высокой защищённости')
const courseYaml = readFileSync(join(FOLDER, 'course.yaml'), 'utf8')
const examYaml = readFileSync(join(FOLDER, 'final-exam.yaml'), 'utf8')
const RECORDS_QUESTION = `  - slug: seal-record-kept
    module: seal-records
    type: single
    prompt: { en: "Which seals are recorded?", ru: "Какие пломбы учитываются?" }
    options:
      - { id: a, text: { en: "Every seal", ru: "Каждая пломба" }, correct: true }
      - { id: b, text: { en: "Only broken seals", ru: "Только повреждённые пломбы" } }
    explanation: { en: "Every seal is recorded.", ru: "Учитывается каждая пломба." }
`
let users: Record<'learner' | 'manager' | 'editor' | 'other', SessionUser>

beforeAll(async () => {
  const { pkg } = await loadCoursePackage({ dir: FOLDER, strict: true })
  if (!pkg) throw new Error('the fixture must load')
  await importCoursePackages({ packages: [pkg] })
  users = await createStudioUsers('upload', {
    learner: 'LEARNER',
    manager: 'MANAGER',
    editor: 'INSTRUCTOR',
    other: 'INSTRUCTOR',
  })
  const course = await prisma().course.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } })
  await prisma().courseEditor.create({ data: { courseId: course.id, userId: users.editor.id } })
  await prisma().enrolment.create({ data: { userId: users.learner.id, courseId: course.id } })
})

async function call(user: SessionUser | null, form?: FormData, locale: 'en' | 'ru' = 'en'): Promise<RouteAnswer> {
  const request = new Request(
    `http://localhost/${locale}/studio/upload`,
    form ? { method: 'POST', body: form } : undefined,
  )
  const args = { request, params: { lang: locale }, context: studioContext(user, locale) }
  return routeAnswer(() => (form ? uploadPage.action(args) : uploadPage.loader(args)))
}

function checkForm(bytes: Uint8Array, name = 'course.zip') {
  const form = new FormData()
  form.append('intent', 'check')
  form.append('file', new File([new Uint8Array(bytes)], name, { type: 'application/zip' }))
  return form
}

function form(fields: Record<string, string>) {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  return body
}

const renamed = (slug: string, changes: Record<string, string> = {}) =>
  zipFolder(FOLDER, {
    prefix: `${slug}/`,
    changes: { 'course.yaml': courseYaml.replace(`slug: ${SLUG}`, `slug: ${slug}`), ...changes },
  })

/** Everything an upload could write into the courses, apart from its own waiting archive. */
async function footprint() {
  const [courses, modules, drafts, details, media, audit] = await Promise.all([
    prisma().course.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, status: true, updatedAt: true } }),
    prisma().module.count(),
    prisma().moduleDraft.findMany({
      orderBy: [{ moduleId: 'asc' }, { locale: 'asc' }],
      select: { version: true, markdown: true },
    }),
    prisma().courseDraft.count(),
    prisma().courseMedia.count(),
    prisma().auditLog.count(),
  ])
  return JSON.stringify({ courses, modules, drafts, details, media, audit })
}

const body = (answer: RouteAnswer) => JSON.parse(answer.body)

describe('the report', () => {
  it('names every problem as file: field: message in Russian, and writes nothing', async () => {
    const before = await footprint()
    const quiz = readFileSync(join(FOLDER, 'modules/01-seal-types/quiz.yaml'), 'utf8')
    const answer = await call(
      users.editor,
      checkForm(
        renamed('seal-report', {
          'modules/01-seal-types/quiz.yaml': quiz.replace('passMark: 70', 'passMark: 170'),
          'modules/02-seal-verification/module.yaml': 'slug: seal-verification\nminutes: 10\n',
        }),
      ),
      'ru',
    )
    expect(answer.status).toBe(422)
    const { report, uploadId } = body(answer)
    expect(uploadId).toBeNull()
    expect(report).toContainEqual({
      file: 'modules/01-seal-types/quiz.yaml',
      path: 'passMark',
      message: 'Не больше 100.',
      severity: 'error',
    })
    expect(report).toContainEqual({
      file: 'modules/02-seal-verification/module.yaml',
      path: 'title',
      message: 'Обязательное поле.',
      severity: 'error',
    })
    expect(await footprint()).toBe(before)
    expect(await prisma().packageUpload.count()).toBe(0)
  })

  it('says what a module body lacks in English for an English author, with its line', async () => {
    const answer = await call(
      users.editor,
      checkForm(renamed('seal-lines', { 'modules/01-seal-types/en.md': '# Title\n\nText.\n' })),
    )
    expect(answer.status).toBe(422)
    expect(body(answer).report).toContainEqual(
      expect.objectContaining({
        file: 'modules/01-seal-types/en.md',
        path: '',
        message: expect.stringMatching(/^Line 1: .*level-1 heading/),
      }),
    )
  })
})

describe('a new course', () => {
  it('is checked without writing, then created as a draft with the uploader as its editor', async () => {
    const before = await footprint()
    const checked = await call(users.other, checkForm(renamed('seal-new')))
    expect(checked.status).toBe(200)
    const { uploadId, plan } = body(checked)
    expect(plan).toMatchObject({ mode: 'new', slug: 'seal-new', modules: 2, media: 1 })
    expect(await footprint()).toBe(before)

    // Another author cannot confirm it: their id is as unknown as an expired one.
    const stolen = await call(users.editor, form({ intent: 'confirm', uploadId, mode: 'new' }))
    expect(stolen.status).toBe(404)
    expect(await footprint()).toBe(before)

    const confirmed = await call(users.other, form({ intent: 'confirm', uploadId, mode: 'new' }))
    expect(confirmed.status).toBe(302)
    expect(confirmed.location).toBe('/en/studio/upload?imported=seal-new&mode=new')
    const course = await prisma().course.findUniqueOrThrow({
      where: { slug: 'seal-new' },
      select: {
        status: true,
        packageHash: true,
        editors: { select: { userId: true } },
        _count: { select: { modules: true, media: true } },
        media: { select: { width: true, height: true } },
      },
    })
    expect(course).toMatchObject({
      status: 'DRAFT',
      packageHash: '',
      editors: [{ userId: users.other.id }],
      _count: { modules: 2, media: 1 },
      media: [{ width: expect.any(Number), height: expect.any(Number) }],
    })
    expect((await listCatalogue({ userId: users.learner.id })).map((entry) => entry.slug)).not.toContain('seal-new')
    const audit = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'studio.package.uploaded' },
      orderBy: { at: 'desc' },
    })
    expect(audit).toMatchObject({
      actorId: users.other.id,
      details: expect.objectContaining({ mode: 'new', file: 'course.zip' }),
    })
    expect(await prisma().packageUpload.count()).toBe(0)
  })
})

describe('a draft of an existing course', () => {
  it('puts the changed text into the module draft, while learners still read the published one', async () => {
    const quiz = readFileSync(join(FOLDER, 'modules/01-seal-types/quiz.yaml'), 'utf8')
    const changes = {
      [RU_BODY]: changedRu,
      'modules/01-seal-types/quiz.yaml': quiz.replace('passMark: 70', 'passMark: 80'),
    }
    const checked = await call(users.editor, checkForm(zipFolder(FOLDER, { changes })))
    expect(checked.status).toBe(200)
    const { uploadId, plan } = body(checked)
    expect(plan.quizzes).toEqual(['Types of customs seals'])
    expect(plan).toMatchObject({
      mode: 'draft',
      slug: SLUG,
      changed: [{ slug: 'seal-types', replacesDraft: false }],
      added: [],
      missing: [],
    })
    const moduleId = (
      await prisma().module.findFirstOrThrow({
        where: { slug: 'seal-types', course: { slug: SLUG } },
        select: { id: true },
      })
    ).id
    const before = (await getModuleDraft({ moduleId })).texts.ru.version

    const confirmed = await call(users.editor, form({ intent: 'confirm', uploadId, mode: 'draft' }))
    expect(confirmed.status).toBe(302)
    const draft = await getModuleDraft({ moduleId })
    expect(draft.texts.ru.markdown).toBe(changedRu)
    expect(draft.texts.ru.version).toBeGreaterThan(before)
    expect(draft.texts.en.markdown).toBe(readFileSync(join(FOLDER, 'modules/01-seal-types/en.md'), 'utf8'))
    const reader = await getModuleForReader({
      courseSlug: SLUG,
      moduleSlug: 'seal-types',
      locale: 'ru',
      userId: users.learner.id,
    })
    expect(reader?.content?.html).toContain('Болтовые пломбы</h2>')
    expect(reader?.content?.html).not.toContain('высокой защищённости</h2>')
    const stored = await prisma().moduleContent.findFirstOrThrow({
      where: { moduleId, locale: 'ru' },
      select: { markdown: true },
    })
    expect(stored.markdown).toBe(publishedRu)
    expect(await prisma().course.findUniqueOrThrow({ where: { slug: SLUG }, select: { status: true } })).toEqual({
      status: 'PUBLISHED',
    })
    // The quiz goes to its draft; learners draw from the published one.
    const quizDraft = await prisma().quizDraft.findFirstOrThrow({
      where: { moduleId },
      select: { settings: true, updatedById: true },
    })
    expect(quizDraft).toMatchObject({
      settings: expect.objectContaining({ passMark: 80 }),
      updatedById: users.editor.id,
    })
    expect(await prisma().quiz.findFirstOrThrow({ where: { moduleId }, select: { passMark: true } })).toEqual({
      passMark: 70,
    })
  })

  it('adds a new module unpublished and lists the modules the package lacks', async () => {
    const checked = await call(
      users.editor,
      checkForm(
        zipFolder(FOLDER, {
          changes: {
            'modules/03-seal-records/module.yaml':
              'slug: seal-records\ntitle: { en: "Seal records", ru: "Учёт пломб" }\nminutes: 5\n',
            'modules/03-seal-records/en.md': '## Records\n\nEvery seal is recorded.\n',
            'modules/03-seal-records/ru.md': '## Учёт\n\nКаждая пломба учитывается.\n',
            // The final exam draws one question per module, so the new module brings its own.
            'final-exam.yaml': `${examYaml.replace('questionsPerAttempt: 2', 'questionsPerAttempt: 3')}${RECORDS_QUESTION}`,
          },
        }),
      ),
    )
    expect(checked.status, JSON.stringify(body(checked))).toBe(200)
    const { uploadId, plan } = body(checked)
    expect(plan.added).toEqual([{ slug: 'seal-records', title: 'Seal records' }])
    await call(users.editor, form({ intent: 'confirm', uploadId, mode: 'draft' }))
    const added = await prisma().module.findFirstOrThrow({
      where: { slug: 'seal-records', course: { slug: SLUG } },
      select: { archivedAt: true, _count: { select: { contents: true, drafts: true } } },
    })
    expect(added.archivedAt).not.toBeNull()
    expect(added._count).toEqual({ contents: 0, drafts: 2 })
  })

  it('refuses another author’s course with the same slug, writing nothing', async () => {
    const before = await footprint()
    const answer = await call(
      users.other,
      checkForm(zipFolder(FOLDER, { changes: { [RU_BODY]: 'Чужой текст.\n' } })),
      'ru',
    )
    expect(answer.status).toBe(422)
    expect(body(answer).report).toContainEqual(
      expect.objectContaining({
        file: 'course.yaml',
        message: expect.stringContaining('вы не входите в число его редакторов'),
      }),
    )
    expect(await footprint()).toBe(before)
  })

  it('refuses a figure that would change under a name the course already has', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>\n'
    const answer = await call(users.editor, checkForm(zipFolder(FOLDER, { changes: { 'media/bolt-seal.svg': svg } })))
    expect(answer.status).toBe(422)
    expect(body(answer).report).toContainEqual(
      expect.objectContaining({ file: 'media/bolt-seal.svg', severity: 'error' }),
    )
  })
})

describe('attacks', () => {
  const course = { name: 'course.yaml', data: courseYaml }
  const attacks: [string, ZipEntry[]][] = [
    ['zip-slip', [course, { name: '../../../tmp/evil.yaml', data: 'x' }]],
    ['an absolute path', [course, { name: '/etc/cron.d/evil', data: 'x' }]],
    ['a backslash path', [course, { name: '..\\..\\evil.yaml', data: 'x' }]],
    ['a symlink', [course, { name: 'modules/01-a/en.md', data: '/etc/passwd', unixMode: 0o120777 }]],
    ['an encrypted entry', [course, { name: 'modules/01-a/en.md', data: 'x', flags: 1 }]],
    ['a zip bomb', [course, { name: 'media/bomb.png', data: Buffer.alloc(2_000_000) }]],
    ['non-UTF-8 text', [course, { name: 'modules/01-a/ru.md', data: Buffer.from([0xcf, 0xf0, 0xe8]) }]],
    ['an unknown file', [course, { name: 'run.sh', data: '#!/bin/sh\n' }]],
    [
      'a script in an SVG',
      [
        course,
        { name: 'media/x.svg', data: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' },
      ],
    ],
  ]

  it.each(attacks)('%s is refused with a 4xx and a message, writing nothing', async (_name, entries) => {
    const before = await footprint()
    const answer = await call(users.editor, checkForm(zipBytes(entries)), 'ru')
    expect(answer.status).toBe(422)
    const { report } = body(answer)
    expect(report.length).toBeGreaterThan(0)
    for (const line of report) expect(line.message).toMatch(/[а-яё]/i)
    expect(await footprint()).toBe(before)
  })

  it('refuses an archive over the size limit with a 413, and what is not a zip with a 422', async () => {
    expect((await call(users.editor, checkForm(new Uint8Array(MAX_PACKAGE_BYTES + 1)))).status).toBe(413)
    expect((await call(users.editor, checkForm(new TextEncoder().encode('not a zip')))).status).toBe(422)
  })
})

describe('who may', () => {
  it.each(['learner', 'manager', 'anonymous'] as const)('%s gets 404 on the page and every form', async (who) => {
    const user = who === 'anonymous' ? null : users[who]
    const before = await footprint()
    expect((await call(user)).status).toBe(404)
    expect((await call(user, checkForm(renamed('seal-outsider')))).status).toBe(404)
    expect((await call(user, form({ intent: 'confirm', uploadId: 'x', mode: 'new' }))).status).toBe(404)
    expect((await call(user, form({ intent: 'cancel', uploadId: 'x' }))).status).toBe(404)
    expect(await footprint()).toBe(before)
  })

  it('an author may cancel a waiting upload, and it cannot be confirmed afterwards', async () => {
    const { uploadId } = body(await call(users.editor, checkForm(renamed('seal-cancelled'))))
    expect((await call(users.editor, form({ intent: 'cancel', uploadId }))).status).toBe(302)
    expect((await call(users.editor, form({ intent: 'confirm', uploadId, mode: 'new' }))).status).toBe(404)
    expect(await prisma().course.count({ where: { slug: 'seal-cancelled' } })).toBe(0)
  })

  it('answers bad forms with a 400', async () => {
    expect((await call(users.editor, form({ intent: 'confirm', uploadId: 'x', mode: 'publish' }))).status).toBe(400)
    expect((await call(users.editor, form({ intent: 'check' }))).status).toBe(400)
    expect((await call(users.editor, form({ intent: 'other' }))).status).toBe(400)
  })
})
