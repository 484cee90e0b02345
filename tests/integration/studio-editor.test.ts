// The module editor's page and its draft endpoint (issue 14, ADR 021), called as Remix calls them:
// who may use them (outsiders and a non-editor get 404 and write nothing), the form that saves and acts
// in one post, conflicts that keep the author's text, refusals next to their fields in the author's
// language, and the audit log.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { getModuleDraft, saveModuleDraft } from '~/modules/studio/drafts.server'
import * as draftEndpoint from '~/routes/$lang.studio.courses.$course.modules.$module.draft'
import * as editorPage from '~/routes/$lang.studio.courses.$course.modules.$module._index'
import { getPrisma } from '~/utils/db.server'
import { module } from '../support/course-package'
import { routeAnswer } from '../support/route-answer'
import { importStudioCourse } from '../support/studio-course'
import { studioContext } from '../support/studio-users'

const COURSE = 'editing'
const SLUGS = ['outsiders', 'form', 'conflict', 'publish', 'endpoint'] as const
const users: Record<'author' | 'learner' | 'manager' | 'other', SessionUser> = {} as never
let ids: Record<string, string> = {}

const sessionUser = (id: string) =>
  getPrisma().user.findUniqueOrThrow({
    where: { id },
    select: { id: true, email: true, displayName: true, role: true, administrationId: true, preferredLocale: true },
  })

beforeAll(async () => {
  const made = await importStudioCourse(
    COURSE,
    SLUGS.map((slug, index) => module(slug, index + 1)),
  )
  ids = made.ids
  await getPrisma().user.update({ where: { id: made.authorId }, data: { role: 'INSTRUCTOR' } })
  users.author = await sessionUser(made.authorId)
  users.learner = await sessionUser(made.learnerId)
  const other = await getPrisma().user.create({
    data: { email: 'other@editing.test', displayName: 'Oleg Other', role: 'INSTRUCTOR', passwordHash: 'x' },
    select: { id: true },
  })
  users.other = await sessionUser(other.id)
  const manager = await getPrisma().user.create({
    data: { email: 'manager@editing.test', displayName: 'Lilit Manager', role: 'MANAGER', passwordHash: 'x' },
    select: { id: true },
  })
  users.manager = await sessionUser(manager.id)
})

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown> | unknown

/** A loader or action called as Remix would; whatever comes back, thrown or returned, as status and body. */
async function call(
  handler: Handler,
  user: SessionUser | null,
  {
    slug,
    form,
    lang = 'en',
    query = '',
  }: { slug: string; form?: Record<string, string>; lang?: 'en' | 'ru'; query?: string },
) {
  let body: FormData | undefined
  if (form) {
    body = new FormData()
    for (const [name, value] of Object.entries(form)) body.append(name, value)
  }
  const url = `http://localhost/${lang}/studio/courses/${COURSE}/modules/${slug}${query}`
  const request = new Request(url, body ? { method: 'POST', body } : undefined)
  return routeAnswer(() =>
    handler({ request, params: { lang, course: COURSE, module: slug }, context: studioContext(user, lang) }),
  )
}

/** The editor's main form with each language's text as the draft holds it, some fields replaced. */
async function editorForm(slug: string, intent: string, overrides: Record<string, string> = {}) {
  const { texts } = await getModuleDraft({ moduleId: ids[slug]! })
  const form: Record<string, string> = { intent }
  for (const locale of ['en', 'ru'] as const) {
    form[`${locale}.title`] = texts[locale].title
    form[`${locale}.markdown`] = texts[locale].markdown
    form[`${locale}.version`] = String(texts[locale].version)
  }
  return { ...form, ...overrides }
}

async function footprint() {
  const [drafts, revisions, audit, contents] = await Promise.all([
    getPrisma().moduleDraft.findMany({ orderBy: [{ moduleId: 'asc' }, { locale: 'asc' }] }),
    getPrisma().moduleRevision.count(),
    getPrisma().auditLog.count(),
    getPrisma().moduleContent.findMany({
      orderBy: [{ moduleId: 'asc' }, { locale: 'asc' }],
      select: { markdown: true },
    }),
  ])
  return JSON.stringify({ drafts, revisions, audit, contents })
}

describe('who may use the editor', () => {
  it('learners, coordinators and visitors get 404 on the page, its forms and the draft endpoint, and nothing is written', async () => {
    await getModuleDraft({ moduleId: ids.outsiders! })
    const before = await footprint()
    const forms = [
      await editorForm('outsiders', 'save', { 'en.title': 'Taken over' }),
      await editorForm('outsiders', 'publish'),
      await editorForm('outsiders', 'mark:ru:body'),
      { intent: 'discard' },
      { intent: 'restore', revision: 'x' },
      {},
    ]
    for (const user of [users.learner, users.manager, null]) {
      const who = user?.email ?? 'visitor'
      expect((await call(editorPage.loader, user, { slug: 'outsiders' })).status, who).toBe(404)
      for (const form of forms)
        expect((await call(editorPage.action, user, { slug: 'outsiders', form })).status, `${who} ${form.intent}`).toBe(
          404,
        )
      const save = await call(draftEndpoint.action, user, {
        slug: 'outsiders',
        form: { locale: 'en', version: '1', title: 'Taken over', markdown: 'x' },
      })
      expect(save.status, who).toBe(404)
    }
    expect(await footprint()).toBe(before)
  })

  it('an author who is not an editor may read the editor; every write answers 404', async () => {
    const page = await call(editorPage.loader, users.other, { slug: 'outsiders' })
    expect(page.status).toBe(200)
    expect(JSON.parse(page.body)).toMatchObject({ canEdit: false })
    const before = await footprint()
    for (const form of [
      await editorForm('outsiders', 'save', { 'en.title': 'Taken over' }),
      await editorForm('outsiders', 'save'), // nothing changed: still not theirs to save
      await editorForm('outsiders', 'publish'),
      await editorForm('outsiders', 'mark:en:title'),
      { intent: 'discard' },
    ])
      expect((await call(editorPage.action, users.other, { slug: 'outsiders', form })).status, form.intent).toBe(404)
    const save = await call(draftEndpoint.action, users.other, {
      slug: 'outsiders',
      form: { locale: 'en', version: '1', title: 'Taken over', markdown: 'x' },
    })
    expect(save.status).toBe(404)
    expect(await footprint()).toBe(before)
  })

  it('unknown modules and revisions are 404', async () => {
    expect((await call(editorPage.loader, users.author, { slug: 'no-such' })).status).toBe(404)
    expect((await call(editorPage.loader, users.author, { slug: 'form', query: '?compare=nope' })).status).toBe(404)
    const restore = await call(editorPage.action, users.author, {
      slug: 'form',
      form: { intent: 'restore', revision: 'nope' },
    })
    expect(restore.status).toBe(404)
  })
})

describe('the editor form', () => {
  it('saves the languages that changed and comes back to the page', async () => {
    const form = await editorForm('form', 'save', { 'ru.markdown': '## Цели обучения\r\n\r\nНовый текст.\r\n' })
    const answer = await call(editorPage.action, users.author, { slug: 'form', form })
    expect(answer).toMatchObject({ status: 302, location: `/en/studio/courses/${COURSE}/modules/form?saved=1` })
    const { texts, status } = await getModuleDraft({ moduleId: ids.form! })
    expect(texts.ru).toMatchObject({ markdown: '## Цели обучения\n\nНовый текст.\n', version: 2 })
    expect(texts.en.version).toBe(1) // unchanged: not saved again
    expect(status.body.en.state).toBe('outOfDate')

    // The English body marked up to date against the new Russian, through the form.
    const mark = await call(editorPage.action, users.author, {
      slug: 'form',
      form: await editorForm('form', 'mark:en:body'),
    })
    expect(mark.location).toContain('marked=en.body')
    expect((await getModuleDraft({ moduleId: ids.form! })).status.body.en.state).toBe('upToDate')
  })

  it('refuses raw HTML and oversized text next to the field, in the author’s language, saving no language', async () => {
    const before = await footprint()
    const html = await call(editorPage.action, users.author, {
      slug: 'form',
      lang: 'ru',
      form: await editorForm('form', 'save', {
        'en.markdown': '## Objectives\n\nFine.\n',
        'ru.markdown': '## Цели\n\n<img src=x onerror=alert(1)>\n',
      }),
    })
    expect(html.status).toBe(400)
    const refused = JSON.parse(html.body)
    expect(refused).toMatchObject({
      refused: 'save',
      problems: [{ field: 'body', locale: 'ru', message: 'problems.rawHtml' }],
    })
    expect(refused.texts.ru.markdown).toContain('onerror') // the author's text comes back to the page
    const long = await call(editorPage.action, users.author, {
      slug: 'form',
      form: await editorForm('form', 'save', { 'en.title': 'x'.repeat(201) }),
    })
    expect(JSON.parse(long.body).problems).toEqual([
      { field: 'title', locale: 'en', message: 'editor.tooLarge.title', params: { limit: 200, size: 201 } },
    ])
    expect(await footprint()).toBe(before)
  })

  it('a stale version is a 409 that keeps the author’s text and offers theirs; saving again replaces it knowingly', async () => {
    const stale = await editorForm('conflict', 'save', { 'en.markdown': '## Objectives\n\nMine.\n' })
    await saveModuleDraft({
      moduleId: ids.conflict!,
      locale: 'en',
      fields: { markdown: '## Objectives\n\nTheirs.\n' },
      baseVersion: 1,
      userId: users.author.id, // the same author in another tab: a conflict all the same
    })
    const answer = await call(editorPage.action, users.author, { slug: 'conflict', form: stale })
    expect(answer.status).toBe(409)
    const body = JSON.parse(answer.body)
    // The author's own text comes back to the page (as a browser posts it, CRLF), at their version.
    expect(body.texts.en.markdown).toContain('Mine.')
    expect(body.texts.en.version).toBe(2)
    expect(body.conflicts).toEqual([
      expect.objectContaining({
        locale: 'en',
        markdown: '## Objectives\n\nTheirs.\n',
        version: 2,
        updatedBy: users.author.displayName,
      }),
    ])
    expect((await getModuleDraft({ moduleId: ids.conflict! })).texts.en.markdown).toBe('## Objectives\n\nTheirs.\n')

    const again = await call(editorPage.action, users.author, {
      slug: 'conflict',
      form: { ...stale, 'en.version': String(body.texts.en.version) },
    })
    expect(again.status).toBe(302)
    expect((await getModuleDraft({ moduleId: ids.conflict! })).texts.en.markdown).toBe('## Objectives\n\nMine.\n')
  })

  it('publishes what the form holds, or names each problem at its field', async () => {
    const refused = await call(editorPage.action, users.author, {
      slug: 'publish',
      lang: 'ru',
      form: await editorForm('publish', 'publish', { 'ru.title': '', 'ru.markdown': '' }),
    })
    expect(refused.status).toBe(400)
    const { problems, refused: what } = JSON.parse(refused.body)
    expect(what).toBe('publish')
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', locale: 'ru', message: 'problems.missingTranslation' }),
        expect.objectContaining({ field: 'body', locale: 'ru', message: 'problems.missingTranslation' }),
      ]),
    )
    expect(await getPrisma().moduleRevision.count({ where: { moduleId: ids.publish! } })).toBe(0)

    const form = await editorForm('publish', 'publish', {
      'ru.title': 'Модуль publish',
      'ru.markdown': '## Цели обучения\n\nОпубликованный текст.\n',
      note: 'Русский текст',
    })
    const published = await call(editorPage.action, users.author, { slug: 'publish', form })
    expect(published.location).toContain('published=1')
    const revision = await getPrisma().moduleRevision.findFirstOrThrow({ where: { moduleId: ids.publish! } })
    expect(revision).toMatchObject({ number: 1, note: 'Русский текст', publishedById: users.author.id })
    const actions = await getPrisma().auditLog.findMany({
      where: { actorId: users.author.id, details: { path: ['module'], equals: 'publish' } },
      orderBy: { at: 'asc' },
      select: { action: true, details: true },
    })
    expect(actions.map((entry) => entry.action)).toEqual(['studio.draft.saved', 'studio.module.published'])

    const page = JSON.parse((await call(editorPage.loader, users.author, { slug: 'publish' })).body)
    expect(page.revisions).toEqual([expect.objectContaining({ number: 1, note: 'Русский текст' })])
  })
})

describe('the draft endpoint', () => {
  const save = (form: Record<string, string>, lang: 'en' | 'ru' = 'en') =>
    call(draftEndpoint.action, users.author, { slug: 'endpoint', form, lang })

  it('saves one language and answers with the new version; a stale one is a 409 with their text', async () => {
    await getModuleDraft({ moduleId: ids.endpoint! })
    const first = await save({ locale: 'en', version: '1', title: 'Endpoint', markdown: '## A\n\nOne.\n' })
    expect(first.status).toBe(200)
    expect(JSON.parse(first.body)).toMatchObject({ version: 2 })
    const second = await save({ locale: 'en', version: '2', title: 'Endpoint', markdown: '## A\n\nTwo.\n' })
    expect(JSON.parse(second.body)).toMatchObject({ version: 3 })
    // Saves while typing: one audit entry per author, module and language for a stretch of editing.
    const entries = await getPrisma().auditLog.count({
      where: { action: 'studio.draft.saved', details: { path: ['module'], equals: 'endpoint' } },
    })
    expect(entries).toBe(1)

    const stale = await save({ locale: 'en', version: '2', title: 'Endpoint', markdown: '## A\n\nStale.\n' })
    expect(stale.status).toBe(409)
    expect(JSON.parse(stale.body).conflict).toMatchObject({ version: 3, markdown: '## A\n\nTwo.\n' })
  })

  it('refuses unsafe or oversized text with messages in the author’s language, and unreadable forms', async () => {
    const before = await footprint()
    const link = await save({ locale: 'ru', version: '1', title: 'Т', markdown: '[ссылка](javascript:alert(1))' }, 'ru')
    expect(link.status).toBe(400)
    expect(JSON.parse(link.body).problems[0].text).toMatch(/^Строка 1: ссылка javascript:alert\(1\)/)
    const big = await save({ locale: 'ru', version: '1', title: 'Т', markdown: 'я'.repeat(110 * 1024) }, 'ru')
    expect(JSON.parse(big.body).problems[0].text).toBe(
      'Объём текста — 220 КБ; допускается не более 200 КБ. Разделите модуль на два.',
    )
    const broken = await save({ locale: 'de', version: '1', title: 'x', markdown: 'x' })
    expect(broken.status).toBe(400)
    expect(await footprint()).toBe(before)
  })
})
