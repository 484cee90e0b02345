// Issue 14, the studio's media page (ADR 023), through its loader and action as Remix calls them:
// uploads typed by their content and SVGs sanitised, real XSS payloads and files that lie about their
// type refused with nothing written, the delete rule, and who may do what.
import { PNG } from 'pngjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { importCoursePackages } from '~/modules/content/import.server'
import { getModuleDraft, saveModuleDraft } from '~/modules/studio/drafts.server'
import { MAX_MEDIA_BYTES } from '~/modules/studio/media.schema'
import { publishModule } from '~/modules/studio/revisions.server'
import * as mediaPage from '~/routes/$lang.studio.courses.$course.media'
import * as mediaFile from '~/routes/media.courses.$course.$name'
import { getPrisma } from '~/utils/db.server'
import { coursePackage, module } from '../support/course-package'
import { routeAnswer, type RouteAnswer } from '../support/route-answer'
import { createStudioUsers, studioContext } from '../support/studio-users'

const prisma = () => getPrisma()
const COURSE = 'figures'
let users: Record<'learner' | 'manager' | 'editor' | 'other' | 'admin', SessionUser>
let courseId = ''

beforeAll(async () => {
  await importCoursePackages({
    packages: [coursePackage(COURSE, { modules: [module('alpha', 1), module('beta', 2)] })],
  })
  users = await createStudioUsers('media', {
    learner: 'LEARNER',
    manager: 'MANAGER',
    editor: 'INSTRUCTOR',
    other: 'INSTRUCTOR',
    admin: 'ADMIN',
  })
  courseId = (await prisma().course.findUniqueOrThrow({ where: { slug: COURSE }, select: { id: true } })).id
  await prisma().courseEditor.create({ data: { courseId, userId: users.editor.id } })
})

/** Calls the loader (no form) or the action as Remix would; whatever comes back, thrown or returned. */
async function call(
  user: SessionUser | null,
  form?: FormData,
  { course = COURSE, locale = 'en' }: { course?: string; locale?: 'en' | 'ru' } = {},
): Promise<RouteAnswer> {
  const url = `http://localhost/${locale}/studio/courses/${course}/media`
  const request = new Request(url, form ? { method: 'POST', body: form } : undefined)
  const args = { request, params: { lang: locale, course }, context: studioContext(user, locale) }
  return routeAnswer(() => (form ? mediaPage.action(args) : mediaPage.loader(args)))
}

const SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
const svg = (inner: string) => `<svg ${SVG_NS} viewBox="0 0 10 10">${inner}</svg>`
const png = () => new Uint8Array(PNG.sync.write(new PNG({ width: 2, height: 2 })))
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01])

/** The upload form as the page sends it, with both alt texts unless told otherwise. */
function uploadForm(name: string, content: string | Uint8Array<ArrayBuffer>, fields: Record<string, string> = {}) {
  const form = new FormData()
  form.append('intent', 'upload')
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  // The declared type is a lie the server must not believe: always the one a browser says for `.png`.
  form.append('file', new File([bytes], name, { type: 'image/png' }))
  const values = { 'alt.en': 'A bolt seal, seen from the side', 'alt.ru': 'Болтовая пломба, вид сбоку', ...fields }
  for (const [field, value] of Object.entries(values)) form.append(field, value)
  return form
}

const deleteForm = (name: string) => {
  const form = new FormData()
  form.append('intent', 'delete')
  form.append('name', name)
  return form
}

/** Everything an upload or delete could leave behind. */
async function footprint() {
  const [media, audit] = await Promise.all([
    prisma().courseMedia.findMany({ orderBy: { name: 'asc' }, select: { name: true, sha256: true } }),
    prisma().auditLog.count(),
  ])
  return JSON.stringify({ media, audit })
}

const errors = (answer: RouteAnswer) =>
  (JSON.parse(answer.body) as { result: { error: Record<string, string[]> } }).result.error

describe('uploading', () => {
  it('stores a sanitised SVG with its alt texts and caption, audit-logged, and lists it with its snippets', async () => {
    const figure = `<?xml version="1.0"?>\n<!-- exported -->${svg('<title>Seal</title><rect width="5" height="5" fill="#1f5fa8"/>')}`
    const answer = await call(
      users.editor,
      uploadForm('Болтовая пломба.svg', figure, { 'caption.en': 'Figure 1. Bolt seal' }),
    )
    expect(answer).toMatchObject({
      status: 302,
      location: '/en/studio/courses/figures/media?uploaded=boltovaya-plomba.svg',
    })
    const stored = await prisma().courseMedia.findUniqueOrThrow({
      where: { courseId_name: { courseId, name: 'boltovaya-plomba.svg' } },
    })
    expect(stored).toMatchObject({
      contentType: 'image/svg+xml',
      alt: { en: 'A bolt seal, seen from the side', ru: 'Болтовая пломба, вид сбоку' },
      caption: { en: 'Figure 1. Bolt seal' },
      uploadedById: users.editor.id,
      size: stored.bytes.length,
      // Read once here, so the pages that show the figure never read its bytes for its size.
      width: 10,
      height: 10,
    })
    const text = new TextDecoder().decode(stored.bytes)
    expect(text).toBe(
      `<svg ${SVG_NS} viewBox="0 0 10 10"><title>Seal</title><rect width="5" height="5" fill="#1f5fa8"/></svg>\n`,
    )
    const entry = await prisma().auditLog.findFirstOrThrow({ where: { action: 'studio.media.uploaded' } })
    expect(entry).toMatchObject({
      actorId: users.editor.id,
      targetType: 'Course',
      targetId: courseId,
      details: { name: 'boltovaya-plomba.svg', contentType: 'image/svg+xml', size: stored.bytes.length },
    })

    const page = JSON.parse((await call(users.editor, undefined, { locale: 'ru' })).body)
    const listed = page.files.find((file: { name: string }) => file.name === 'boltovaya-plomba.svg')
    expect(listed.texts.en.snippet).toBe(
      '![A bolt seal, seen from the side](../../media/boltovaya-plomba.svg "Figure 1. Bolt seal")',
    )
    expect(listed.texts.ru.snippet).toBe('![Болтовая пломба, вид сбоку](../../media/boltovaya-plomba.svg)')
    expect(listed).toMatchObject({ size: stored.bytes.length, uses: [], uploadedBy: { name: 'Media editor' } })
    expect(listed.url).toMatch(/^\/media\/courses\/figures\/boltovaya-plomba\.svg\?v=[0-9a-f]{12}$/)
  })

  it('is served as stored, with headers that stop any script in it even when opened on its own', async () => {
    const request = new Request('http://localhost/media/courses/figures/boltovaya-plomba.svg')
    const response = await mediaFile.loader({
      request,
      params: { course: COURSE, name: 'boltovaya-plomba.svg' },
      context: studioContext(null, 'en'),
    })
    expect(response.status).toBe(200)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/svg+xml',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    })
    expect(await response.text()).toBe(
      `<svg ${SVG_NS} viewBox="0 0 10 10"><title>Seal</title><rect width="5" height="5" fill="#1f5fa8"/></svg>\n`,
    )
  })

  it('takes PNG and JPEG by their content, whatever type the browser declared', async () => {
    expect((await call(users.editor, uploadForm('pixel.png', png()))).status).toBe(302)
    expect((await call(users.editor, uploadForm('Photo.JPEG', JPEG, { name: 'Border post' }))).status).toBe(302)
    const stored = await prisma().courseMedia.findMany({
      where: { courseId, name: { in: ['pixel.png', 'border-post.jpg'] } },
      orderBy: { name: 'asc' },
      select: { name: true, contentType: true },
    })
    expect(stored).toEqual([
      { name: 'border-post.jpg', contentType: 'image/jpeg' },
      { name: 'pixel.png', contentType: 'image/png' },
    ])
  })

  // Real payloads; the full list of attacks and their refusals is in media-content.test.ts.
  it.each([
    ['a script element', svg('<script>alert(document.cookie)</script>'), 'media.problem.svgScript'],
    ['onload', `<svg ${SVG_NS} onload="alert(1)"><rect width="1" height="1"/></svg>`, 'media.problem.svgScript'],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><text y="5">Open</text></a>'), 'media.problem.svgScript'],
    [
      'foreignObject',
      svg(
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>',
      ),
      'media.problem.svgForeignContent',
    ],
    ['use of another site', svg('<use href="http://evil.example/sprite.svg#a"/>'), 'media.problem.svgExternal'],
    ['a CSS url()', svg('<rect style="fill:url(https://evil.example/leak)"/>'), 'media.problem.svgExternal'],
    [
      'an entity',
      `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${svg('<text>&xxe;</text>')}`,
      'media.problem.svgDoctype',
    ],
  ])('refuses an SVG with %s, writing nothing', async (_, payload, problem) => {
    const before = await footprint()
    const answer = await call(users.editor, uploadForm('attack.svg', payload), { locale: 'ru' })
    expect(answer.status).toBe(400)
    expect(errors(answer).file).toContain(problem)
    expect(await footprint()).toBe(before)
  })

  it.each([
    ['a PNG named .svg', 'figure.svg', png(), 'media.problem.typeMismatch.png'],
    ['an SVG named .png', 'figure.png', svg('<rect width="1" height="1"/>'), 'media.problem.typeMismatch.svg'],
    [
      'an HTML page named .png',
      'figure.png',
      '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>',
      'media.problem.notAnImage',
    ],
    ['a text file named .jpg', 'figure.jpg', 'not an image at all', 'media.problem.notAnImage'],
  ])('refuses %s, writing nothing', async (_, name, content, problem) => {
    const before = await footprint()
    const answer = await call(users.editor, uploadForm(name, content))
    expect(answer.status).toBe(400)
    expect(errors(answer).file).toEqual([problem])
    expect(await footprint()).toBe(before)
  })

  it('requires the alt text in both languages and an actual file', async () => {
    const before = await footprint()
    const noRussian = await call(users.editor, uploadForm('seal-2.png', png(), { 'alt.ru': '  ' }))
    expect(noRussian.status).toBe(400)
    expect(errors(noRussian)).toEqual({ 'alt.ru': ['media.altRequired'] })
    const form = uploadForm('x.png', png())
    form.set('file', new File([], '', { type: 'application/octet-stream' }))
    const noFile = await call(users.editor, form)
    expect(errors(noFile)).toEqual({ file: ['media.fileMissing'] })
    expect(await footprint()).toBe(before)
  })

  it('never overwrites a file: the same name again is refused and the stored bytes stay', async () => {
    const before = await footprint()
    const again = await call(users.editor, uploadForm('pixel.png', png(), { 'alt.en': 'Another pixel' }))
    expect(again.status).toBe(409)
    expect(errors(again)).toEqual({ name: ['media.nameTaken'] })
    const asked = await call(users.editor, uploadForm('other.png', png(), { name: 'Pixel' }))
    expect(errors(asked)).toEqual({ name: ['media.nameTaken'] })
    expect(await footprint()).toBe(before)
  })

  it('refuses a file over the size limit from the stream, before holding it whole', async () => {
    const before = await footprint()
    const big = new Uint8Array(MAX_MEDIA_BYTES + 1)
    big.set(png())
    const answer = await call(users.editor, uploadForm('big.png', big))
    expect(answer.status).toBe(413)
    expect(errors(answer)).toEqual({ file: ['media.fileTooLarge'] })
    expect(await footprint()).toBe(before)
  })
})

describe('deleting', () => {
  it('refuses a file that published modules use, naming them', async () => {
    const before = await footprint()
    const answer = await call(users.editor, deleteForm('seal.svg'))
    expect(answer.status).toBe(409)
    expect(JSON.parse(answer.body)).toMatchObject({
      form: 'delete',
      name: 'seal.svg',
      modules: [
        { slug: 'alpha', title: { en: 'Module alpha' }, published: ['en', 'ru'], draft: [] },
        { slug: 'beta', published: ['en', 'ru'], draft: [] },
      ],
    })
    expect(await footprint()).toBe(before)
  })

  it('refuses a file only an unpublished draft uses, and deletes it once no text does', async () => {
    const alpha = await prisma().module.findFirstOrThrow({ where: { courseId, slug: 'alpha' }, select: { id: true } })
    const { texts } = await getModuleDraft({ moduleId: alpha.id })
    const saved = await saveModuleDraft({
      moduleId: alpha.id,
      locale: 'ru',
      fields: { markdown: `${texts.ru.markdown}\n![Пиксель](../../media/pixel.png "Рис. 1")\n` },
      baseVersion: texts.ru.version,
      userId: users.editor.id,
    })
    const before = await footprint()
    const refused = await call(users.editor, deleteForm('pixel.png'))
    expect(refused.status).toBe(409)
    expect(JSON.parse(refused.body).modules).toEqual([
      { slug: 'alpha', title: { en: 'Module alpha', ru: 'Модуль alpha' }, published: [], draft: ['ru'] },
    ])
    expect(await footprint()).toBe(before)

    // Published, the figure has its caption in the reader's HTML; its draft and published text both use it.
    await publishModule({ moduleId: alpha.id, userId: users.editor.id })
    const content = await prisma().moduleContent.findUniqueOrThrow({
      where: { moduleId_locale: { moduleId: alpha.id, locale: 'ru' } },
      select: { html: true },
    })
    expect(content.html).toMatch(
      /<figure><a [^>]*class="figure__link"><img src="\/media\/courses\/figures\/pixel\.png\?v=[0-9a-f]{12}" alt="Пиксель"[^>]*><span[^>]*>[^<]*<\/span><\/a><figcaption>Рис\. 1<\/figcaption><\/figure>/,
    )
    const page = JSON.parse((await call(users.other)).body)
    expect(page.files.find((file: { name: string }) => file.name === 'pixel.png').uses).toEqual([
      { slug: 'alpha', title: { en: 'Module alpha', ru: 'Модуль alpha' }, published: ['ru'], draft: [] },
    ])

    const current = await getModuleDraft({ moduleId: alpha.id })
    await saveModuleDraft({
      moduleId: alpha.id,
      locale: 'ru',
      fields: { markdown: texts.ru.markdown },
      baseVersion: current.texts.ru.version,
      userId: users.editor.id,
    })
    await publishModule({ moduleId: alpha.id, userId: users.editor.id })
    expect(saved).toBeTruthy()
    const deleted = await call(users.editor, deleteForm('pixel.png'))
    expect(deleted).toMatchObject({ status: 302, location: '/en/studio/courses/figures/media?deleted=pixel.png' })
    expect(await prisma().courseMedia.count({ where: { courseId, name: 'pixel.png' } })).toBe(0)
    const entry = await prisma().auditLog.findFirstOrThrow({ where: { action: 'studio.media.deleted' } })
    expect(entry).toMatchObject({ actorId: users.editor.id, targetId: courseId, details: { name: 'pixel.png' } })
  })

  it('answers 404 for a file that is not there', async () => {
    expect((await call(users.editor, deleteForm('no-such.png'))).status).toBe(404)
  })
})

describe('who may do what', () => {
  const svgUpload = () => uploadForm('outsider.svg', svg('<rect width="1" height="1"/>'))

  it('answers 404 to learners, coordinators and visitors on the page and both forms, writing nothing', async () => {
    const before = await footprint()
    for (const user of [users.learner, users.manager, null]) {
      for (const locale of ['en', 'ru'] as const) {
        const page = await call(user, undefined, { locale })
        expect(page, `${user?.email ?? 'visitor'} GET`).toMatchObject({ status: 404, body: 'Not found' })
        for (const form of [svgUpload(), deleteForm('boltovaya-plomba.svg')]) {
          const answer = await call(user, form, { locale })
          expect(answer, `${user?.email ?? 'visitor'} POST ${String(form.get('intent'))}`).toMatchObject({
            status: 404,
            body: 'Not found',
          })
        }
      }
    }
    expect(await footprint()).toBe(before)
  })

  it('lets an author who is not an editor look, but not upload or delete; an admin is no editor either', async () => {
    const page = JSON.parse((await call(users.other)).body)
    expect(page.course).toMatchObject({ slug: COURSE, canEdit: false })
    expect(page.files.map((file: { name: string }) => file.name)).toContain('boltovaya-plomba.svg')
    const before = await footprint()
    for (const user of [users.other, users.admin]) {
      expect((await call(user, svgUpload())).status).toBe(404)
      expect((await call(user, deleteForm('boltovaya-plomba.svg'))).status).toBe(404)
    }
    expect(await footprint()).toBe(before)
  })

  it('answers 404 for an unknown course, to its would-be editor too', async () => {
    const before = await footprint()
    expect((await call(users.editor, undefined, { course: 'no-such-course' })).status).toBe(404)
    expect((await call(users.editor, svgUpload(), { course: 'no-such-course' })).status).toBe(404)
    expect((await call(users.editor, deleteForm('seal.svg'), { course: 'no-such-course' })).status).toBe(404)
    expect(await footprint()).toBe(before)
  })
})

// Last: a forced import deletes the files uploaded above.
describe('importing the course’s package again', () => {
  const changedPackage = (media = coursePackage(COURSE).media) => {
    const pkg = coursePackage(COURSE, { modules: [module('alpha', 1), module('beta', 2)], media })
    pkg.course.summary = { en: 'Seals, documents and their figures.', ru: 'Пломбы, документы и их рисунки.' }
    return pkg
  }

  it('is refused while it would delete or replace files uploaded in the studio, naming each', async () => {
    const uploaded = await prisma().courseMedia.findMany({
      where: { courseId, uploadedById: { not: null } },
      orderBy: { name: 'asc' },
      select: { name: true, bytes: true },
    })
    expect(uploaded.map((file) => file.name)).toEqual(['border-post.jpg', 'boltovaya-plomba.svg'].sort())
    const before = await footprint()
    // The package has the JPEG as uploaded (it caught up with the studio) and another SVG under the same name.
    const jpeg = uploaded.find((file) => file.name === 'border-post.jpg')!
    const media = [
      ...coursePackage(COURSE).media,
      { name: 'border-post.jpg', contentType: 'image/jpeg', bytes: Buffer.from(jpeg.bytes) },
      { name: 'boltovaya-plomba.svg', contentType: 'image/svg+xml', bytes: Buffer.from(svg('<circle r="4"/>')) },
    ]
    await expect(importCoursePackages({ packages: [changedPackage(media)] })).rejects.toMatchObject({
      overwrites: [{ course: COURSE, module: null, kind: 'media', media: 'boltovaya-plomba.svg', locales: [] }],
    })
    await expect(importCoursePackages({ packages: [changedPackage()] })).rejects.toMatchObject({
      overwrites: [
        { kind: 'media', media: 'boltovaya-plomba.svg' },
        { kind: 'media', media: 'border-post.jpg' },
      ],
    })
    expect(await footprint()).toBe(before)
  })

  it('with --force, replaces them with the package’s files and logs what it overwrote', async () => {
    const [report] = await importCoursePackages({ packages: [changedPackage()], force: true })
    expect(report?.overwritten.flatMap((item) => (item.kind === 'media' ? [item.media] : []))).toEqual([
      'boltovaya-plomba.svg',
      'border-post.jpg',
    ])
    const media = await prisma().courseMedia.findMany({
      where: { courseId },
      select: { name: true, uploadedById: true },
    })
    expect(media).toEqual([{ name: 'seal.svg', uploadedById: null }])
    const entry = await prisma().auditLog.findFirstOrThrow({
      where: { action: 'course.import_forced', targetId: courseId },
    })
    expect(entry.details).toMatchObject({
      overwritten: [{ kind: 'media', media: 'boltovaya-plomba.svg' }, { media: 'border-post.jpg' }],
    })
  })
})
