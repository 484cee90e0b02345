import { beforeAll, describe, expect, it } from 'vitest'
import { getModuleForReader } from '~/modules/content/reader.server'
import { markModuleComplete } from '~/modules/progress/progress.server'
import { discardDraft, getModuleDraft, markUpToDate, saveModuleDraft } from '~/modules/studio/drafts.server'
import { DraftConflict, DraftTooLarge, ModuleNotFound, PublishRefused, UnsafeMarkdown } from '~/modules/studio/errors'
import { diffRevision, listRevisions, publishModule, restoreRevision } from '~/modules/studio/revisions.server'
import { getPrisma } from '~/utils/db.server'
import { module } from '../support/course-package'
import { importStudioCourse } from '../support/studio-course'

// The studio's drafts, publishing and revisions (ADR 019) on a real database. Each test works on its
// own module of one imported course, so the tests do not depend on each other's order.

const SLUGS = ['opened', 'saved', 'unsafe', 'untranslated', 'published', 'restored', 'status'] as const
let authorId = ''
let learnerId = ''
let ids: Record<string, string> = {}

beforeAll(async () => {
  const modules = SLUGS.map((slug, index) => module(slug, index + 1))
  modules[3]!.bodies = { en: '## Learning objectives\n\nOnly in English so far.\n' }
  modules[3]!.meta.title = { en: 'Untranslated' }
  // The author edits the course (ADR 018); the learner is no editor.
  ;({ authorId, learnerId, ids } = await importStudioCourse('studio', modules))
})

const draftRow = (slug: string, locale: 'en' | 'ru') =>
  getPrisma().moduleDraft.findUniqueOrThrow({ where: { moduleId_locale: { moduleId: ids[slug]!, locale } } })
const save = (slug: string, locale: 'en' | 'ru', fields: { title?: string; markdown?: string }, baseVersion: number) =>
  saveModuleDraft({ moduleId: ids[slug]!, locale, fields, baseVersion, userId: authorId })
const read = (slug: string, locale: 'en' | 'ru') =>
  getModuleForReader({ courseSlug: 'studio', moduleSlug: slug, locale, userId: learnerId })
const body = (text: string) => `## Learning objectives\n\n${text}\n\n![Seal diagram](../../media/seal.svg)\n`

describe('module drafts', () => {
  it('are created from the published text on first open, in sync, at version 1', async () => {
    const draft = await getModuleDraft({ moduleId: ids.opened! })
    expect(draft.texts.en).toMatchObject({ title: 'Module opened', version: 1 })
    expect(draft.texts.ru.markdown).toContain('Проверьте пломбу в модуле opened')
    expect(draft.status.body).toEqual({
      en: { state: 'upToDate', outOfDateAgainst: [] },
      ru: { state: 'upToDate', outOfDateAgainst: [] },
    })
    // Opening again creates nothing new.
    expect((await getModuleDraft({ moduleId: ids.opened! })).texts.en.version).toBe(1)
    const untranslated = await getModuleDraft({ moduleId: ids.untranslated! })
    expect(untranslated.texts.ru).toMatchObject({ title: '', markdown: '' })
    expect(untranslated.status.title.ru.state).toBe('missing')
    await expect(getModuleDraft({ moduleId: 'no-such-module' })).rejects.toBeInstanceOf(ModuleNotFound)
  })

  it('save a new version; a stale version is a conflict that carries their text and overwrites nothing', async () => {
    await getModuleDraft({ moduleId: ids.saved! })
    expect(await save('saved', 'en', { markdown: body('First author.\r\nSecond line.') }, 1)).toMatchObject({
      version: 2,
    })
    const saved = await draftRow('saved', 'en')
    expect(saved).toMatchObject({ version: 2, markdown: body('First author.\nSecond line.'), updatedById: authorId })
    const conflict = await save('saved', 'en', { markdown: body('Second author.') }, 1).catch((error: unknown) => error)
    expect(conflict).toBeInstanceOf(DraftConflict)
    expect((conflict as DraftConflict).current).toMatchObject({ version: 2, markdown: saved.markdown })
    expect(await draftRow('saved', 'en')).toMatchObject({ version: 2, markdown: saved.markdown })
    // The other language has its own version: a translator is not blocked by the English author.
    expect(await save('saved', 'ru', { title: 'Новое название' }, 1)).toMatchObject({ version: 2 })
    // Learners still read the published text.
    expect((await read('saved', 'en'))?.content?.html).toContain('Check the seal on module saved')
  })

  it.each([
    ['a body over 200 KB', { markdown: body('x'.repeat(200 * 1024)) }, DraftTooLarge],
    ['raw HTML', { markdown: body('<script>alert(1)</script>') }, UnsafeMarkdown],
    ['a javascript: link', { markdown: body('[Open](javascript:alert(document.cookie))') }, UnsafeMarkdown],
    ['a data: link', { markdown: body('[Open](data:text/html;base64,PHNjcmlwdD4=)') }, UnsafeMarkdown],
    ['an overlong title', { title: 'T'.repeat(201) }, DraftTooLarge],
  ])('refuse %s and write nothing', async (_name, fields, expected) => {
    await getModuleDraft({ moduleId: ids.unsafe! })
    const before = await draftRow('unsafe', 'en')
    await expect(save('unsafe', 'en', fields, before.version)).rejects.toBeInstanceOf(expected)
    expect(await draftRow('unsafe', 'en')).toEqual(before)
  })

  it('name the unsafe Markdown by code, line and field', async () => {
    const error = await save('unsafe', 'ru', { markdown: body('[x](javascript:alert(1))') }, 1).catch((e: unknown) => e)
    expect((error as UnsafeMarkdown).problems).toEqual([
      { field: 'body', locale: 'ru', code: 'unsafeLink', params: { line: 3, url: 'javascript:alert(1)' } },
    ])
  })

  it('answer someone who is not an editor of the course as if the module did not exist, and write nothing', async () => {
    const { texts } = await getModuleDraft({ moduleId: ids.opened! })
    const asLearner = { moduleId: ids.opened!, userId: learnerId }
    await expect(
      saveModuleDraft({ ...asLearner, locale: 'en', fields: { title: 'Defaced' }, baseVersion: texts.en.version }),
    ).rejects.toBeInstanceOf(ModuleNotFound)
    await expect(discardDraft(asLearner)).rejects.toBeInstanceOf(ModuleNotFound)
    await expect(publishModule(asLearner)).rejects.toBeInstanceOf(ModuleNotFound)
    expect(await draftRow('opened', 'en')).toMatchObject({ title: 'Module opened', version: texts.en.version })
  })

  it('discard back to the published text, at a new version', async () => {
    const { texts } = await getModuleDraft({ moduleId: ids.opened! })
    await save('opened', 'en', { title: 'Changed' }, texts.en.version)
    await discardDraft({ moduleId: ids.opened!, userId: authorId })
    expect(await draftRow('opened', 'en')).toMatchObject({ title: 'Module opened', version: texts.en.version + 2 })
  })
})

describe('publishModule', () => {
  it('refuses a draft missing Russian, naming each field, and writes nothing', async () => {
    await getModuleDraft({ moduleId: ids.untranslated! })
    await save('untranslated', 'en', { markdown: body('Now with a figure ![](../../media/missing.svg)') }, 1)
    const error = await publishModule({ moduleId: ids.untranslated!, userId: authorId }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PublishRefused)
    expect((error as PublishRefused).problems).toEqual([
      { field: 'title', locale: 'ru', code: 'missingTranslation', params: { locale: 'ru' } },
      { field: 'body', locale: 'en', code: 'imageAltMissing', params: { line: 3, url: '../../media/missing.svg' } },
      { field: 'body', locale: 'en', code: 'imageNotFound', params: { line: 3, url: '../../media/missing.svg' } },
      { field: 'body', locale: 'ru', code: 'missingTranslation', params: { locale: 'ru' } },
    ])
    expect(await getPrisma().moduleRevision.count({ where: { moduleId: ids.untranslated! } })).toBe(0)
    expect((await read('untranslated', 'en'))?.content?.html).toContain('Only in English so far.')
  })

  it('serves the new text to learners, records a revision and keeps their progress', async () => {
    const moduleId = ids.published!
    await markModuleComplete({ userId: learnerId, moduleId })
    const progress = await getPrisma().moduleProgress.findUniqueOrThrow({
      where: { userId_moduleId: { userId: learnerId, moduleId } },
    })
    const { texts } = await getModuleDraft({ moduleId })
    await save('published', 'en', { title: 'Seal checks', markdown: body('Check the **new** seal.') }, 1)
    const first = await publishModule({ moduleId, userId: authorId, note: '  First edit  ' })
    expect(first.revision.number).toBe(1)
    // The Russian was not brought up to date: allowed, with a warning.
    expect(first.warnings).toEqual([
      { field: 'title', locale: 'ru', against: ['en'] },
      { field: 'body', locale: 'ru', against: ['en'] },
    ])
    const reader = await read('published', 'en')
    expect(reader?.module.title).toEqual({ en: 'Seal checks', ru: 'Модуль published' })
    expect(reader?.content?.html).toContain('Check the <strong>new</strong> seal.')
    expect(reader?.content?.html).toMatch(/src="\/media\/courses\/studio\/seal\.svg\?v=[0-9a-f]{12}"/)
    expect(reader?.completedAt).toEqual(progress.completedAt)

    await save('published', 'ru', { markdown: body('Проверьте **новую** пломбу.') }, texts.ru.version)
    const second = await publishModule({ moduleId, userId: authorId })
    expect(second.revision.number).toBe(2)
    expect((await read('published', 'ru'))?.content?.html).toContain('Проверьте <strong>новую</strong> пломбу.')
    expect(await getPrisma().moduleProgress.findMany({ where: { moduleId } })).toEqual([progress])
    expect(await listRevisions({ moduleId })).toMatchObject([
      { number: 2, note: null, publishedBy: { id: authorId, displayName: 'author of studio' } },
      { number: 1, note: 'First edit', publishedBy: { id: authorId } },
    ])
  })

  it('keeps revisions immutable, whatever code tries', async () => {
    const [revision] = await listRevisions({ moduleId: ids.published! })
    await expect(
      getPrisma().moduleRevision.update({ where: { id: revision!.id }, data: { note: 'rewritten' } }),
    ).rejects.toThrow(/immutable/)
  })
})

describe('revisions', () => {
  it('restore into the draft (publishing nothing) and diff word by word against it', async () => {
    const moduleId = ids.restored!
    await getModuleDraft({ moduleId })
    await save('restored', 'en', { markdown: body('Check the seal twice.') }, 1)
    const first = await publishModule({ moduleId, userId: authorId })
    await save('restored', 'en', { markdown: body('Check the container seal once.') }, 2)
    await publishModule({ moduleId, userId: authorId })

    const diff = await diffRevision({ moduleId, revisionId: first.revision.id })
    expect(diff.en.body.filter((part) => part.change !== 'same')).toEqual([
      { text: 'container ', change: 'added' },
      { text: 'twice', change: 'removed' },
      { text: 'once', change: 'added' },
    ])
    expect(diff.ru.body.every((part) => part.change === 'same')).toBe(true)

    const restored = await restoreRevision({ moduleId, revisionId: first.revision.id, userId: authorId })
    expect(restored.texts.en).toMatchObject({ markdown: body('Check the seal twice.'), version: 4 })
    expect((await read('restored', 'en'))?.content?.html).toContain('Check the container seal once.')
    const again = await diffRevision({ moduleId, revisionId: first.revision.id })
    expect(again.en.body.every((part) => part.change === 'same')).toBe(true)
  })
})

describe('translation status', () => {
  it('flags each field in each direction and clears it with markUpToDate', async () => {
    const moduleId = ids.status!
    const { texts } = await getModuleDraft({ moduleId })
    await save('status', 'en', { markdown: body('Check the seal and the plate.') }, texts.en.version)
    let { status } = await getModuleDraft({ moduleId })
    expect([status.body.ru.state, status.body.en.state, status.title.ru.state]).toEqual([
      'outOfDate',
      'upToDate',
      'upToDate',
    ])

    ;({ status } = await markUpToDate({ moduleId, locale: 'ru', field: 'body', userId: authorId }))
    expect([status.body.ru.state, status.body.en.state]).toEqual(['upToDate', 'upToDate'])

    await save('status', 'ru', { title: 'Пломбы и таблички' }, texts.ru.version)
    ;({ status } = await getModuleDraft({ moduleId }))
    expect([status.title.en.state, status.title.ru.state, status.body.en.state]).toEqual([
      'outOfDate',
      'upToDate',
      'upToDate',
    ])
    const marked = await markUpToDate({ moduleId, locale: 'en', field: 'title', userId: authorId })
    expect(marked.status.title.en.state).toBe('upToDate')
    // The confirmed source text is kept, for the editor's "what changed since" diff.
    expect(marked.texts.en.confirmed.title.ru?.text).toBe('Пломбы и таблички')
    // Confirming changes no text, so it bumps no version: an open editor keeps saving.
    expect(marked.texts.ru.version).toBe(texts.ru.version + 1)
  })
})
