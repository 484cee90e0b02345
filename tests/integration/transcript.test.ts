// An officer's transcript: courses, modules, attempts with scores, certificates — of one administration only.
import { beforeAll, describe, expect, it } from 'vitest'
import { importCoursePackages } from '~/modules/content/import.server'
import { assignCourse } from '~/modules/manage/assignments.server'
import { transcriptTable } from '~/modules/manage/transcript-table'
import { getOfficerTranscript } from '~/modules/manage/transcript.server'
import { markModuleComplete } from '~/modules/progress/progress.server'
import { getPrisma } from '~/utils/db.server'
import { coursePackage } from '../support/course-package'

const prisma = () => getPrisma()
const now = new Date('2026-11-23T12:00:00Z')
const ids = { a: '', b: '', officer: '', foreign: '' }
const t = (key: string, options?: Record<string, unknown>) => (options ? `${key}${JSON.stringify(options)}` : key)

beforeAll(async () => {
  await importCoursePackages({ packages: [coursePackage('seals')] })
  for (const code of ['TA', 'TB'] as const) {
    const { id } = await prisma().administration.create({ data: { code, name: { en: code, ru: code } } })
    ids[code === 'TA' ? 'a' : 'b'] = id
  }
  const create = (email: string, displayName: string, administrationId: string) =>
    prisma().user.create({
      data: { email, displayName, passwordHash: 'x', role: 'LEARNER', administrationId },
      select: { id: true },
    })
  ids.officer = (await create('olga@ta.test', 'Olga Transcript', ids.a)).id
  ids.foreign = (await create('marker@tb.test', 'MARKER-TB Officer', ids.b)).id
  await assignCourse({
    administrationId: ids.a,
    courseSlug: 'seals',
    officerIds: [ids.officer],
    unitId: null,
    dueAt: new Date('2030-06-30T23:59:59Z'),
    actorId: 'manager',
  })
  const modules = await prisma().module.findMany({
    where: { course: { slug: 'seals' } },
    orderBy: { position: 'asc' },
    select: { id: true, quiz: { select: { id: true } } },
  })
  await markModuleComplete({ userId: ids.officer, moduleId: modules[0]!.id })
  for (const [number, score, passed] of [
    [1, 40, false],
    [2, 90, true],
  ] as const) {
    await prisma().quizAttempt.create({
      data: {
        quizId: modules[0]!.quiz!.id,
        userId: ids.officer,
        number,
        status: 'SUBMITTED',
        questions: [],
        submittedAt: new Date(`2026-11-0${number}T10:00:00Z`),
        score,
        passed,
        closedBy: 'learner',
      },
    })
  }
  const course = await prisma().course.findUniqueOrThrow({ where: { slug: 'seals' }, select: { id: true } })
  for (const [userId, learnerName, code] of [
    [ids.officer, 'Olga Transcript', 'TRANSCRPTC0DE000000000000001'],
    [ids.foreign, 'MARKER-TB Officer', 'TRANSCRPTC0DE000000000000002'],
  ] as const) {
    await prisma().certificate.create({
      data: {
        code,
        userId,
        courseId: course.id,
        learnerName,
        courseSlug: 'seals',
        courseTitle: { en: 'Seals', ru: 'Пломбы' },
        courseVersion: 1,
        finalScore: 90,
        completedAt: new Date('2025-01-10T00:00:00Z'),
        expiresAt: new Date('2026-01-10T00:00:00Z'),
      },
    })
  }
})

describe('an officer’s transcript', () => {
  it('holds their course, each module with its attempts, and their certificates', async () => {
    const transcript = await getOfficerTranscript({
      administrationId: ids.a,
      officerId: ids.officer,
      locale: 'ru',
      now,
    })
    expect(transcript).toMatchObject({ displayName: 'Olga Transcript', status: 'active' })
    const [course] = transcript!.courses
    expect(course).toMatchObject({ slug: 'seals', title: 'Курс seals', assigned: true })
    expect(course!.cell).toMatchObject({ state: 'in-progress', progress: { completed: 1, total: 3 } })
    expect(course!.modules.map((module) => [Boolean(module.completedAt), module.attempts.map((a) => a.score)])).toEqual(
      [
        [true, [40, 90]],
        [false, []],
        [false, []],
      ],
    )
    expect(transcript!.certificates).toEqual([
      expect.objectContaining({ course: 'Пломбы', status: 'expired', code: expect.stringMatching(/^TRAN-SCRP-/) }),
    ])
    expect(JSON.stringify(transcript)).not.toContain('MARKER-TB')
  })

  it('is nobody’s for another administration, a manager or an unknown id', async () => {
    expect(await getOfficerTranscript({ administrationId: ids.a, officerId: ids.foreign, locale: 'en' })).toBeNull()
    expect(await getOfficerTranscript({ administrationId: ids.b, officerId: ids.officer, locale: 'en' })).toBeNull()
    expect(await getOfficerTranscript({ administrationId: ids.a, officerId: 'no-such-id', locale: 'en' })).toBeNull()
  })

  it('exports as one line per course, module, attempt and certificate, dates and scores typed', async () => {
    const transcript = await getOfficerTranscript({
      administrationId: ids.a,
      officerId: ids.officer,
      locale: 'en',
      now,
    })
    const table = transcriptTable(transcript!, { t, locale: 'en' })
    expect(table.headers).toHaveLength(10)
    expect(table.rows.map((row) => row[1])).toEqual([
      'transcript.kind.course',
      'transcript.kind.module',
      'transcript.kind.attempt',
      'transcript.kind.attempt',
      'transcript.kind.module',
      'transcript.kind.module',
      'transcript.kind.certificate',
    ])
    const secondAttempt = table.rows[3]!
    expect(secondAttempt.slice(3, 5)).toEqual(['passed', 'transcript.attempt.passed'])
    expect(secondAttempt[6]).toEqual(new Date('2026-11-02T10:00:00Z'))
    expect(secondAttempt[7]).toBe(90)
    expect(table.rows[0]![9]).toEqual(new Date('2030-06-30T23:59:59Z'))
  })
})
