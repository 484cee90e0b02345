// Issue 15, downloading a course as a package (ADR 026): a shipped course nobody changed comes back as the
// shipped folder's very bytes; a course edited in the studio comes back as a package `courses:validate
// --strict` accepts, with the published edits and without the drafts; and only authors may download.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { importCoursesFromDisk } from '~/modules/content/course-import.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { findCoursePackageDirs, loadCoursePackage } from '~/modules/content/package-loader.server'
import { canonicalJson, hashPackage } from '~/modules/content/package-hash'
import { zipPackage } from '~/modules/content/package-zip'
import { createCourse } from '~/modules/studio/courses.server'
import { publishCourseDetails, saveCourseDetails } from '~/modules/studio/course-details.server'
import { getModuleDraft, saveModuleDraft } from '~/modules/studio/drafts.server'
import { uploadCourseMedia } from '~/modules/studio/media.server'
import { addModule, moveModule, setModuleArchived } from '~/modules/studio/modules.server'
import { publishModule } from '~/modules/studio/revisions.server'
import * as download from '~/routes/$lang.studio.courses.$course.package[.]zip'
import { getPrisma } from '~/utils/db.server'
import { coursePackage, module, question, quiz } from '../support/course-package'
import { createStudioUsers, studioContext } from '../support/studio-users'
import {
  asAuthorsPackage,
  asShippedCourse,
  errors,
  exported,
  removeWrittenPackages,
  text,
} from '../support/exported-package'

const SHIPPED = await findCoursePackageDirs({ dir: 'courses' })
let users: Record<'learner' | 'manager' | 'editor' | 'other' | 'admin', SessionUser>

beforeAll(async () => {
  const imported = await importCoursesFromDisk({ dirs: SHIPPED })
  expect(imported.status).toBe('imported')
  users = await createStudioUsers('export', {
    learner: 'LEARNER',
    manager: 'MANAGER',
    editor: 'INSTRUCTOR',
    other: 'INSTRUCTOR',
    admin: 'ADMIN',
  })
  const courses = await getPrisma().course.findMany({ select: { id: true } })
  await getPrisma().courseEditor.createMany({
    data: courses.map(({ id }) => ({ courseId: id, userId: users.editor.id })),
  })
})
afterAll(removeWrittenPackages)

/** Every file under `dir` by its path inside it, with `/`. */
async function folderFiles(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(dir, file))] as const)))
}

async function callDownload(user: SessionUser | null, courseSlug: string, locale: 'en' | 'ru' = 'en') {
  const request = new Request(`http://localhost/${locale}/studio/courses/${courseSlug}/package.zip`)
  const args = { request, params: { lang: locale, course: courseSlug }, context: studioContext(user, locale) }
  return download.loader(args)
}

describe('a shipped course nobody changed', () => {
  it.each(SHIPPED.map((dir) => [path.basename(dir), dir]))(
    '%s downloads as the shipped folder, byte for byte, with no other file',
    async (slug, dir) => {
      const files = await exported(slug)
      const shipped = await folderFiles(dir)
      expect([...files.keys()]).toEqual([...shipped.keys()])
      for (const [file, bytes] of shipped) expect(Buffer.from(files.get(file)!).equals(bytes), file).toBe(true)
    },
  )

  it('is the same archive at every download, and unzips to the same files', async () => {
    const [first, second] = [await callDownload(users.other, 'aeo'), await callDownload(users.admin, 'aeo')]
    const [a, b] = [Buffer.from(await first.arrayBuffer()), Buffer.from(await second.arrayBuffer())]
    expect(a.equals(b)).toBe(true)
    const unzipped = unzipSync(new Uint8Array(a))
    const shipped = await folderFiles('courses/aeo')
    expect(Object.keys(unzipped)).toEqual([...shipped.keys()])
    for (const [file, bytes] of shipped) expect(Buffer.from(unzipped[file]!).equals(bytes), file).toBe(true)
  })
})

describe('a course imported before its files were kept', () => {
  it('is written afresh, saying what the shipped package says; the next import keeps the files again', async () => {
    const course = await getPrisma().course.findUniqueOrThrow({
      where: { slug: 'single-window' },
      select: { id: true },
    })
    await getPrisma().coursePackageFile.deleteMany({ where: { courseId: course.id } })
    const files = await exported('single-window')
    const shipped = await folderFiles('courses/single-window')
    expect([...files.keys()]).toEqual([...shipped.keys()])
    // Written afresh: the shipped quizzes' layout (options on one line or several) is not all the writer's.
    const rewritten = [...shipped].filter(([file, bytes]) => !Buffer.from(files.get(file)!).equals(bytes))
    expect(rewritten.map(([file]) => file)).toContain('final-exam.yaml')
    const [written, original] = [
      await asShippedCourse(files),
      await loadCoursePackage({ dir: 'courses/single-window' }),
    ]
    expect(errors(written)).toEqual([])
    expect(hashPackage(written.pkg!)).toBe(hashPackage(original.pkg!))

    // An unchanged package writes nothing else, but gives the course its files back.
    expect(await importCoursesFromDisk({ dirs: ['courses/single-window'] })).toMatchObject({
      status: 'imported',
      reports: [{ outcome: 'unchanged' }],
    })
    const again = await exported('single-window')
    for (const [file, bytes] of shipped) expect(Buffer.from(again.get(file)!).equals(bytes), file).toBe(true)
  })
})

describe('a shipped course edited in the studio', () => {
  const COURSE = 'cargo-container-control'
  const EDITED = 'An officer compares the number on the door with the one on the transit document.'
  const DRAFTED = 'A sentence saved as a draft and never published.'
  let files = new Map<string, Uint8Array>()
  let shipped = new Map<string, Buffer>()

  beforeAll(async () => {
    const editor = users.editor.id
    shipped = await folderFiles(`courses/${COURSE}`)
    const seals = await getPrisma().module.findFirstOrThrow({
      where: { slug: 'seals', course: { slug: COURSE } },
      select: { id: true },
    })
    // A figure uploaded in the studio, shown by the published English text of module "seals".
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
    const upload = await uploadCourseMedia({
      actorId: editor,
      courseSlug: COURSE,
      fileName: 'door-check.svg',
      bytes: new TextEncoder().encode(svg),
      input: { name: '', alt: { en: 'A container door', ru: 'Дверь контейнера' }, caption: {} },
    })
    expect(upload.status).toBe('uploaded')
    const draft = await getModuleDraft({ moduleId: seals.id })
    const markdown = `${draft.texts.en.markdown}\n${EDITED}\n\n![A container door](../../media/door-check.svg "Figure 9. A container door")\n`
    await saveModuleDraft({
      moduleId: seals.id,
      locale: 'en',
      fields: { markdown },
      baseVersion: draft.texts.en.version,
      userId: editor,
    })
    await publishModule({ moduleId: seals.id, userId: editor })
    const published = await getModuleDraft({ moduleId: seals.id })
    await saveModuleDraft({
      moduleId: seals.id,
      locale: 'en',
      fields: { markdown: `${markdown}\n${DRAFTED}\n` },
      baseVersion: published.texts.en.version,
      userId: editor,
    })
    // The course's English title, published; the first module moved below the second.
    const course = await getPrisma().course.findUniqueOrThrow({
      where: { slug: COURSE },
      select: { title: true, summary: true, objectives: true, category: true, certificateValidityMonths: true },
    })
    const details = {
      category: course.category as 'border-control',
      title: { ...(course.title as { en: string; ru: string }), en: 'Cargo and container control at the border' },
      summary: course.summary as { en: string; ru: string },
      objectives: course.objectives as { en: string[]; ru: string[] },
      certificateValidityMonths: course.certificateValidityMonths ?? undefined,
    }
    expect(await saveCourseDetails({ userId: editor, courseSlug: COURSE, version: 0, input: details })).toBe('saved')
    expect(await publishCourseDetails({ userId: editor, courseSlug: COURSE, version: 1 })).toBe('published')
    expect(
      await moveModule({
        actorId: editor,
        courseSlug: COURSE,
        moduleSlug: 'container-identification',
        direction: 'down',
      }),
    ).toBe('moved')
    files = await exported(COURSE)
  })

  it('passes `courses:validate --strict` and holds what was published, not the draft', async () => {
    const result = await asShippedCourse(files)
    expect(errors(result)).toEqual([])
    expect(text(files, 'course.yaml')).toContain('en: "Cargo and container control at the border"')
    expect(text(files, 'modules/01-seals/en.md')).toContain(EDITED)
    expect(text(files, 'modules/01-seals/en.md')).not.toContain(DRAFTED)
    expect(text(files, 'media/door-check.svg')).toContain('<rect')
    // Every module under its new number, as the loader orders them.
    expect(result.pkg?.modules.map((m) => m.folder).slice(0, 2)).toEqual(['01-seals', '02-container-identification'])
  })

  it('gives back the files the edits did not touch as shipped, under the module’s new folder', () => {
    expect(text(files, 'final-exam.yaml')).toBe(text(shipped, 'final-exam.yaml'))
    expect(text(files, 'modules/01-seals/ru.md')).toBe(text(shipped, 'modules/02-seals/ru.md'))
    expect(text(files, 'modules/01-seals/quiz.yaml')).toBe(text(shipped, 'modules/02-seals/quiz.yaml'))
    expect(text(files, 'modules/02-container-identification/module.yaml')).toBe(
      text(shipped, 'modules/01-container-identification/module.yaml'),
    )
    // Rewritten where it changed: the course's title.
    expect(text(files, 'course.yaml')).not.toBe(text(shipped, 'course.yaml'))
  })
})

describe('courses that never came from a package', () => {
  it('writes a final exam drawn per module and leaves out a module archived in the studio', async () => {
    const exam = quiz(['exam-a1', 'exam-a2', 'exam-b1', 'exam-b2'], {
      questionsPerAttempt: 2,
      questionsPerModule: 1,
      timeLimitMinutes: 30,
      maxAttempts: 3,
      review: 'after-pass',
    })
    exam.questions = exam.questions.map((q) => ({ ...q, module: q.slug.startsWith('exam-a') ? 'alpha' : 'beta' }))
    exam.questions[1] = question('exam-a2', { type: 'numeric', answer: 42, tolerance: 0.5, module: 'alpha' } as never)
    const pkg = coursePackage('drawn', {
      course: { ...coursePackage('drawn').course, completion: { modules: 'all', finalExam: 'required' } },
      modules: [module('alpha', 1), module('beta', 2), module('gamma', 3)],
      finalExam: exam,
    })
    await importCoursePackages({ packages: [pkg] })
    const courseId = (await getPrisma().course.findUniqueOrThrow({ where: { slug: 'drawn' }, select: { id: true } })).id
    await getPrisma().courseEditor.create({ data: { courseId, userId: users.editor.id } })
    const archived = await setModuleArchived({
      actorId: users.editor.id,
      courseSlug: 'drawn',
      moduleSlug: 'gamma',
      archived: true,
    })
    expect(archived).toBe('done')

    const files = await exported('drawn')
    const result = await asAuthorsPackage(files)
    expect(errors(result)).toEqual([])
    expect(result.pkg?.modules.map((m) => m.folder)).toEqual(['01-alpha', '02-beta'])
    // Read back, the package says what was imported, less the archived module.
    expect(canonicalJson(result.pkg?.finalExam)).toBe(canonicalJson(exam))
    expect(canonicalJson(result.pkg?.modules[1])).toBe(canonicalJson(pkg.modules[1]))
    expect(text(files, 'final-exam.yaml')).toContain('questionsPerModule: 1')
    expect(text(files, 'final-exam.yaml')).toContain('module: alpha')
    // Written twice, the same bytes.
    expect(zipPackage(files).equals(zipPackage(await exported('drawn')))).toBe(true)
  })

  it('writes a module added in the studio once published; the validator names the exam questions it lacks', async () => {
    const editor = users.editor.id
    const title = { en: 'Delta: seals on rail wagons', ru: 'Дельта: пломбы на железнодорожных вагонах' }
    const input = { intent: 'add-module' as const, slug: 'delta', title, minutes: 15 }
    expect(await addModule({ actorId: editor, courseSlug: 'drawn', input })).toBe('added')
    const delta = await getPrisma().module.findFirstOrThrow({
      where: { slug: 'delta', course: { slug: 'drawn' } },
      select: { id: true },
    })
    const draft = await getModuleDraft({ moduleId: delta.id })
    for (const [locale, heading] of [
      ['en', 'Learning objectives'],
      ['ru', 'Цели обучения'],
    ] as const)
      await saveModuleDraft({
        moduleId: delta.id,
        locale,
        fields: { markdown: `## ${heading}\n\nRail seals.\n` },
        baseVersion: draft.texts[locale].version,
        userId: editor,
      })
    await publishModule({ moduleId: delta.id, userId: editor })

    const files = await exported('drawn')
    expect(text(files, 'modules/03-delta/module.yaml')).toBe(
      'slug: delta\ntitle:\n  en: "Delta: seals on rail wagons"\n  ru: "Дельта: пломбы на железнодорожных вагонах"\nminutes: 15\n',
    )
    expect(text(files, 'modules/03-delta/ru.md')).toBe('## Цели обучения\n\nRail seals.\n')
    // The studio publishes a module without looking at the final exam's per-module draw: the package says so.
    expect(errors(await asAuthorsPackage(files)).map((problem) => problem.message)).toEqual([
      'draws 1 questions per module but module "delta" has only 0',
      'must be 3: 1 questions from each of 3 modules',
    ])
  })

  it('writes no final-exam.yaml for a course whose rule is "none"', async () => {
    await importCoursePackages({ packages: [coursePackage('no-exam')] })
    const files = await exported('no-exam')
    expect(files.has('final-exam.yaml')).toBe(false)
    expect(text(files, 'course.yaml')).toContain('completion: { modules: all, finalExam: none }')
    expect(errors(await asAuthorsPackage(files))).toEqual([])
  })

  it('downloads a course made in the studio as it stands; the validator names what it still lacks', async () => {
    const created = await createCourse({
      actorId: users.editor.id,
      input: {
        intent: 'create',
        slug: 'made-here',
        category: 'digital-customs',
        title: { en: 'Made here', ru: 'Сделан здесь' },
        summary: { en: 'A course made in the studio.', ru: 'Курс, созданный в студии.' },
        passMark: 75,
      },
    })
    expect(created).toMatchObject({ status: 'created' })
    const files = await exported('made-here')
    expect([...files.keys()]).toEqual(['course.yaml', 'final-exam.yaml'])
    expect(text(files, 'final-exam.yaml')).toContain('passMark: 75')
    const problems = errors(await asAuthorsPackage(files)).map((problem) => `${problem.path}: ${problem.message}`)
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^objectives/), expect.stringMatching(/^questions/)]),
    )
  })
})

describe('who may download', () => {
  it('gives every author, editor or not, the archive named after the course, never cached', async () => {
    for (const user of [users.editor, users.other, users.admin]) {
      const response = await callDownload(user, 'single-window', 'ru')
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('application/zip')
      expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="single-window.zip"')
      expect(response.headers.get('Cache-Control')).toBe('private, no-store')
      const body = new Uint8Array(await response.arrayBuffer())
      expect(Object.keys(unzipSync(body))).toContain('course.yaml')
    }
  })

  it('answers 404 to learners, coordinators and visitors, as for a course that does not exist', async () => {
    for (const user of [users.learner, users.manager, null]) {
      const response = await callDownload(user, 'single-window')
      expect(response.status).toBe(404)
      expect(response.headers.get('Content-Disposition')).toBeNull()
      expect(await response.text()).toBe('Course not found.')
    }
    const unknown = await callDownload(users.editor, 'no-such-course', 'ru')
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toBe('Курс не найден.')
  })
})
