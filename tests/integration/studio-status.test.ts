import { beforeAll, describe, expect, it } from 'vitest'
import { getModuleForReader } from '~/modules/content/reader.server'
import { listStudioCourses, getStudioCourse } from '~/modules/studio/courses.server'
import { getModuleDraft, markUpToDate, saveModuleDraft } from '~/modules/studio/drafts.server'
import { publishModule } from '~/modules/studio/revisions.server'
import { getPrisma } from '~/utils/db.server'
import { module } from '../support/course-package'
import { importStudioCourse } from '../support/studio-course'

// Where translation status and publishing show (ADR 019): the studio's course list and course page,
// and the learner's reader. One course; each test leaves the state the next one starts from.

const SLUGS = ['changed', 'also-changed', 'imported', 'reader', 'untouched'] as const
let authorId = ''
let learnerId = ''
let ids: Record<string, string> = {}

beforeAll(async () => {
  ;({ authorId, learnerId, ids } = await importStudioCourse(
    'status',
    SLUGS.map((slug, index) => module(slug, index + 1)),
  ))
})

const listed = async () => (await listStudioCourses({ userId: authorId })).find((course) => course.slug === 'status')
const page = () => getStudioCourse({ slug: 'status', userId: authorId })
const read = (slug: string, locale: 'en' | 'ru') =>
  getModuleForReader({ courseSlug: 'status', moduleSlug: slug, locale, userId: learnerId })

/** Changes the English body and publishes it, the Russian left as it was (not confirmed). */
async function publishEnglishChange(slug: string) {
  const { texts } = await getModuleDraft({ moduleId: ids[slug]! })
  const markdown = texts.en.markdown.replace('Check the seal', 'Check both seals')
  await saveModuleDraft({
    moduleId: ids[slug]!,
    locale: 'en',
    fields: { markdown },
    baseVersion: texts.en.version,
    userId: authorId,
  })
  return publishModule({ moduleId: ids[slug]!, userId: authorId })
}

describe('translation status in the studio', () => {
  it('calls an imported course complete in both languages, with no module out of date', async () => {
    // Opening a module in the studio creates its drafts: still up to date.
    await getModuleDraft({ moduleId: ids.imported! })
    expect(await listed()).toMatchObject({ languages: { en: 'complete', ru: 'complete' }, outOfDate: { en: 0, ru: 0 } })
    expect((await page())?.modules.map((each) => each.outOfDate)).toEqual([[], [], [], [], []])
  })

  it('counts the modules whose Russian is out of date after English changes are published', async () => {
    const { warnings } = await publishEnglishChange('changed')
    expect(warnings).toEqual([{ field: 'body', locale: 'ru', against: ['en'] }])
    expect(await listed()).toMatchObject({
      languages: { en: 'complete', ru: 'outOfDate' },
      outOfDate: { en: 0, ru: 1 },
    })
    await publishEnglishChange('also-changed')
    expect((await listed())?.outOfDate).toEqual({ en: 0, ru: 2 })
    const modules = (await page())?.modules.map(({ slug, outOfDate }) => ({ slug, outOfDate }))
    expect(modules).toEqual([
      { slug: 'changed', outOfDate: ['ru'] },
      { slug: 'also-changed', outOfDate: ['ru'] },
      { slug: 'imported', outOfDate: [] },
      { slug: 'reader', outOfDate: [] },
      { slug: 'untouched', outOfDate: [] },
    ])
  })

  it('stops counting a module once its Russian is marked as up to date', async () => {
    await markUpToDate({ moduleId: ids.changed!, locale: 'ru', field: 'body', userId: authorId })
    expect(await listed()).toMatchObject({ languages: { ru: 'outOfDate' }, outOfDate: { en: 0, ru: 1 } })
    expect((await page())?.modules[0]?.outOfDate).toEqual([])
    await markUpToDate({ moduleId: ids['also-changed']!, locale: 'ru', field: 'body', userId: authorId })
    expect(await listed()).toMatchObject({ languages: { en: 'complete', ru: 'complete' }, outOfDate: { ru: 0 } })
  })

  it('does not count an archived module', async () => {
    await publishEnglishChange('imported')
    expect((await listed())?.outOfDate.ru).toBe(1)
    await getPrisma().module.update({ where: { id: ids.imported! }, data: { archivedAt: new Date() } })
    expect((await listed())?.outOfDate.ru).toBe(0)
    await getPrisma().module.update({ where: { id: ids.imported! }, data: { archivedAt: null } })
  })
})

describe('the published revision in the reader', () => {
  it('shows neither a date nor a notice for a module only ever imported', async () => {
    expect((await read('untouched', 'en'))?.revision).toBeNull()
    expect((await read('untouched', 'ru'))?.revision).toBeNull()
  })

  it('dates the revision, and tells the Russian reader since when the English text is newer', async () => {
    const first = await publishEnglishChange('reader')
    // A later publish that changes only the Russian title: the English body is still newer than the Russian's.
    const { texts } = await getModuleDraft({ moduleId: ids.reader! })
    await saveModuleDraft({
      moduleId: ids.reader!,
      locale: 'ru',
      fields: { title: 'Пломбы: новое название' },
      baseVersion: texts.ru.version,
      userId: authorId,
    })
    await markUpToDate({ moduleId: ids.reader!, locale: 'ru', field: 'title', userId: authorId })
    const second = await publishModule({ moduleId: ids.reader!, userId: authorId })
    expect(second.revision.publishedAt.getTime()).toBeGreaterThan(first.revision.publishedAt.getTime())

    expect((await read('reader', 'ru'))?.revision).toEqual({
      publishedAt: second.revision.publishedAt,
      outOfDate: { against: 'en', since: first.revision.publishedAt },
    })
    expect((await read('reader', 'en'))?.revision).toEqual({
      publishedAt: second.revision.publishedAt,
      outOfDate: null,
    })
  })

  it('records in each revision since when each language reads as it does, for the reader to read alone', async () => {
    const [first, second] = await getPrisma().moduleRevision.findMany({
      where: { moduleId: ids.reader! },
      orderBy: { number: 'asc' },
      select: { publishedAt: true, texts: true },
    })
    // The English body is the first revision's; the Russian title changed in the second.
    expect(second?.texts).toMatchObject({
      en: { since: first?.publishedAt.toISOString() },
      ru: { since: second?.publishedAt.toISOString() },
    })
  })

  it('drops the notice once a revision with the Russian confirmed is published', async () => {
    await markUpToDate({ moduleId: ids.reader!, locale: 'ru', field: 'body', userId: authorId })
    const { revision } = await publishModule({ moduleId: ids.reader!, userId: authorId })
    expect((await read('reader', 'ru'))?.revision).toEqual({ publishedAt: revision.publishedAt, outOfDate: null })
  })

  it('keeps the notice of the published revision while the draft alone is confirmed', async () => {
    // "changed" was confirmed in its draft above but not published again.
    expect((await read('changed', 'ru'))?.revision?.outOfDate).toMatchObject({ against: 'en' })
  })

  it('dates the notice as the revision records it, or from the history for a revision that does not', async () => {
    // Revisions as a publish before 2026-12-06 wrote them: no "since". The English changed in the
    // second; the third changed only the Russian title.
    const moduleId = ids.untouched!
    const text = (title: string, markdown: string, outOfDateAgainst: string[] = [], since?: Date) => ({
      title,
      markdown,
      confirmed: {},
      outOfDateAgainst,
      ...(since && { since: since.toISOString() }),
    })
    const day = (date: number) => new Date(Date.UTC(2026, 10, date))
    const revision = (number: number, texts: object) =>
      getPrisma().moduleRevision.create({ data: { moduleId, number, texts, publishedAt: day(number) } })
    await revision(1, { en: text('Seals', 'Check the seal.'), ru: text('Пломбы', 'Проверьте пломбу.') })
    await revision(2, { en: text('Seals', 'Check both seals.'), ru: text('Пломбы', 'Проверьте пломбу.', ['en']) })
    await revision(3, { en: text('Seals', 'Check both seals.'), ru: text('Пломбы!', 'Проверьте пломбу.', ['en']) })
    expect((await read('untouched', 'ru'))?.revision).toEqual({
      publishedAt: day(3),
      outOfDate: { against: 'en', since: day(2) },
    })

    // A revision that records it is believed as it is: the history is not read again.
    await revision(4, {
      en: text('Seals', 'Check both seals.', [], day(1)),
      ru: text('Пломбы!', 'Проверьте пломбу.', ['en'], day(3)),
    })
    expect((await read('untouched', 'ru'))?.revision).toEqual({
      publishedAt: day(4),
      outOfDate: { against: 'en', since: day(1) },
    })
  })

  it('sends nothing about revisions to someone not enrolled', async () => {
    const stranger = await getPrisma().user.create({
      data: { email: 'stranger@status.test', displayName: 'Stranger', passwordHash: 'x' },
      select: { id: true },
    })
    const found = await getModuleForReader({
      courseSlug: 'status',
      moduleSlug: 'changed',
      locale: 'ru',
      userId: stranger.id,
    })
    expect(found?.revision).toBeNull()
  })
})
