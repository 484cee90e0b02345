// Issue 15: "download → upload into an empty database → download again gives the same bytes", for every
// shipped course, through the studio's own functions (ADR 026 download, ADR 027 upload); and a course edited
// in the studio and then published from its quiz editor makes the same round trip.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SessionUser } from '~/modules/auth/user'
import { importCoursesFromDisk } from '~/modules/content/course-import.server'
import { exportCoursePackage } from '~/modules/content/package-export.server'
import { findCoursePackageDirs, loadCoursePackage } from '~/modules/content/package-loader.server'
import { zipPackage } from '~/modules/content/package-zip'
import { checkPackageUpload, importUploadedPackage } from '~/modules/studio/package-upload.server'
import { openQuizDraft } from '~/modules/studio/quiz-drafts.server'
import { publishQuizDraft } from '~/modules/studio/quiz-publish.server'
import { saveQuestion } from '~/modules/studio/quiz-questions.server'
import { getPrisma } from '~/utils/db.server'
import { createStudioUsers } from '../support/studio-users'

const SHIPPED = await findCoursePackageDirs({ dir: 'courses' })
let users: Record<'author', SessionUser>

beforeAll(async () => {
  expect((await importCoursesFromDisk({ dirs: SHIPPED })).status).toBe('imported')
  users = await createStudioUsers('round-trip', { author: 'INSTRUCTOR' })
})

async function download(slug: string) {
  const exported = await exportCoursePackage({ courseSlug: slug })
  if (!exported) throw new Error(`no course ${slug}`)
  return zipPackage(exported.files)
}

/** Deletes the course and everything that hangs on it, so the upload meets a database without it. */
async function forget(slug: string) {
  await getPrisma().course.delete({ where: { slug } })
}

async function upload(bytes: Buffer) {
  const checked = await checkPackageUpload({ bytes, fileName: 'course.zip', userId: users.author.id })
  expect(checked.problems.filter((problem) => problem.severity === 'error')).toEqual([])
  expect(checked.uploadId).not.toBeNull()
  return importUploadedPackage({ uploadId: checked.uploadId!, userId: users.author.id, mode: 'new' })
}

describe('a package makes the round trip byte for byte', () => {
  for (const dir of SHIPPED) {
    const slug = dir.split('/').at(-1)!
    it(`${slug}: downloaded, uploaded into a database without it, downloaded again`, async () => {
      const first = await download(slug)
      await forget(slug)
      expect(await upload(first)).toMatchObject({ status: 'imported', mode: 'new', slug })
      const second = await download(slug)
      expect(second.equals(first)).toBe(true)
    })
  }

  it('a quiz changed and published in the studio comes back the same way, and its package passes the strict validator', async () => {
    const ref = { course: 'aeo', module: 'safe-framework' }
    // The upload above made the author the course's editor.
    const draft = await openQuizDraft({ ref, userId: users.author.id })
    const [first] = draft!.document.questions
    await saveQuestion({
      ref,
      userId: users.author.id,
      question: { ...first!, points: 2 },
      version: draft!.document.versions[first!.slug] ?? 0,
      isNew: false,
      confirm: false,
    })
    await publishQuizDraft({ ref, userId: users.author.id, note: null })
    const edited = await download('aeo')
    const dir = await mkdtemp(path.join(tmpdir(), 'lms-round-trip-'))
    try {
      const files = unzipSync(edited)
      const quizFile = Object.keys(files).find((name) => name.endsWith('safe-framework/quiz.yaml'))!
      expect(new TextDecoder().decode(files[quizFile])).toMatch(/points: 2/)
      for (const [name, bytes] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
        await writeFile(path.join(dir, name), bytes)
      }
      const { problems } = await loadCoursePackage({ dir, strict: true })
      expect(problems.filter((problem) => problem.severity === 'error')).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    await forget('aeo')
    await upload(edited)
    expect((await download('aeo')).equals(edited)).toBe(true)
  })
})
