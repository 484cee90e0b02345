// Managers work on their own administration only: officers, invitations and deactivation.
import { translatorFor } from '~/i18n/i18n.server'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '~/generated/prisma/enums'
import { attemptLogin } from '~/modules/auth/login.server'
import type { SessionUser } from '~/modules/auth/user'
import {
  EmailTaken,
  INVITATION_LIFETIME_MS,
  UnknownUnit,
  acceptInvitation,
  findOpenInvitation,
  inviteOfficer,
} from '~/modules/manage/invitations.server'
import { AssignmentTargetNotFound, assignCourse } from '~/modules/manage/assignments.server'
import { confirmOfficerImport, previewOfficerImport } from '~/modules/manage/bulk-invite.server'
import { getCompletionMatrix, getCourseSummary } from '~/modules/manage/matrix.server'
import { getAdministrationOverview } from '~/modules/manage/overview.server'
import { markModuleComplete } from '~/modules/progress/progress.server'
import { listOfficers, setOfficerActive } from '~/modules/manage/officers.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { listLearnerCourses } from '~/modules/progress/progress.server'
import { coursePackage } from '../support/course-package'
import { managedAdministration } from '~/modules/manage/scope.server'
import { getPrisma } from '~/utils/db.server'

const prisma = () => getPrisma()
const A = { id: '', unitId: '' }
const B = { id: '', unitId: '', code: 'BB' }
let counter = 0

async function person(role: Role, administrationId: string | null, displayName = `Officer ${++counter}`) {
  return prisma().user.create({
    data: { email: `m${++counter}@example.test`, displayName, passwordHash: 'x', role, administrationId },
    select: { id: true, email: true, displayName: true, role: true, administrationId: true, preferredLocale: true },
  }) satisfies Promise<SessionUser>
}

beforeAll(async () => {
  for (const [target, code] of [
    [A, 'AA'],
    [B, 'BB'],
  ] as const) {
    const administration = await prisma().administration.create({
      data: { code, name: { en: code, ru: code }, units: { create: [{ name: `Post of ${code}` }] } },
      select: { id: true, units: { select: { id: true } } },
    })
    target.id = administration.id
    target.unitId = administration.units[0]!.id
  }
  await importCoursePackages({ packages: [coursePackage('seals')] })
  // Recognisable names in B: no answer given to A's manager may contain them.
  await person('LEARNER', B.id, 'MARKER-B Officer One')
  await person('LEARNER', B.id, 'MARKER-B Officer Two')
})

describe('the administration a manager works on', () => {
  it('is their own; naming another one gives nothing; an admin may name any', async () => {
    const managerA = await person('MANAGER', A.id)
    expect((await managedAdministration({ user: managerA, requestedCode: null, locale: 'en' }))?.id).toBe(A.id)
    expect((await managedAdministration({ user: managerA, requestedCode: 'AA', locale: 'en' }))?.id).toBe(A.id)
    expect(await managedAdministration({ user: managerA, requestedCode: B.code, locale: 'en' })).toBeNull()
    const learner = await person('LEARNER', A.id)
    expect(await managedAdministration({ user: learner, requestedCode: null, locale: 'en' })).toBeNull()
    const admin = await person('ADMIN', null)
    expect((await managedAdministration({ user: admin, requestedCode: B.code, locale: 'en' }))?.id).toBe(B.id)
    expect(await managedAdministration({ user: admin, requestedCode: null, locale: 'en' })).toBeNull()
  })
})

describe('officers', () => {
  it('lists only the administration’s learners, filtered by text, unit and status', async () => {
    const inUnit = await person('LEARNER', A.id, 'Anna Unit')
    await prisma().user.update({ where: { id: inUnit.id }, data: { unitId: A.unitId } })
    await person('MANAGER', A.id, 'Manager Not Listed')
    const all = await listOfficers({ administrationId: A.id })
    expect(JSON.stringify(all)).not.toContain('MARKER-B')
    expect(all.officers.map((o) => o.displayName)).not.toContain('Manager Not Listed')
    expect((await listOfficers({ administrationId: A.id, query: 'MARKER' })).total).toBe(0)
    expect((await listOfficers({ administrationId: A.id, query: 'anna unit' })).officers).toHaveLength(1)
    const byUnit = await listOfficers({ administrationId: A.id, unitId: A.unitId })
    expect(byUnit.officers.map((o) => o.displayName)).toEqual(['Anna Unit'])
    expect(byUnit.officers[0]).toMatchObject({ unit: 'Post of AA', status: 'active' })
    // Another administration's unit filters to nothing rather than to B's officers.
    expect((await listOfficers({ administrationId: A.id, unitId: B.unitId })).total).toBe(0)
  })

  it('deactivates and reactivates an officer of the administration, never one of another', async () => {
    const actor = await person('MANAGER', A.id)
    const officer = await person('LEARNER', A.id)
    await prisma().session.create({
      data: { id: `s-${officer.id}`, userId: officer.id, expiresAt: new Date(Date.now() + 60_000) },
    })
    expect(
      await setOfficerActive({ administrationId: A.id, officerId: officer.id, active: false, actorId: actor.id }),
    ).toBe(true)
    expect(await prisma().session.count({ where: { userId: officer.id } })).toBe(0)
    expect((await listOfficers({ administrationId: A.id, status: 'deactivated' })).officers.map((o) => o.id)).toContain(
      officer.id,
    )
    expect(
      await setOfficerActive({ administrationId: A.id, officerId: officer.id, active: true, actorId: actor.id }),
    ).toBe(true)

    const foreign = await prisma().user.findFirstOrThrow({ where: { administrationId: B.id } })
    expect(
      await setOfficerActive({ administrationId: A.id, officerId: foreign.id, active: false, actorId: actor.id }),
    ).toBe(false)
    expect((await prisma().user.findUniqueOrThrow({ where: { id: foreign.id } })).disabledAt).toBeNull()
    const log = await prisma().auditLog.findMany({ where: { targetId: officer.id }, orderBy: { at: 'asc' } })
    expect(log.map((entry) => entry.action)).toEqual(['officer.deactivate', 'officer.reactivate'])
  })
})

describe('invitations', () => {
  const invite = (email: string, unitId: string | null = A.unitId) =>
    inviteOfficer({
      administrationId: A.id,
      email,
      displayName: 'Invited Officer',
      unitId,
      preferredLocale: 'ru',
      actorId: 'manager',
    })

  it('create an officer who cannot log in until the single-use link sets a password', async () => {
    const { userId, token } = await invite('Invited.One@Example.test')
    const officer = await prisma().user.findUniqueOrThrow({ where: { id: userId } })
    expect(officer).toMatchObject({
      email: 'invited.one@example.test',
      administrationId: A.id,
      unitId: A.unitId,
      passwordHash: null,
    })
    expect((await listOfficers({ administrationId: A.id, status: 'invited' })).officers.map((o) => o.id)).toContain(
      userId,
    )
    const stored = await prisma().invitation.findFirstOrThrow({ where: { userId } })
    expect(stored.tokenHash).not.toContain(token)
    expect(await attemptLogin({ email: officer.email, password: '', ip: '192.0.2.1' })).toMatchObject({
      status: 'invalid',
    })

    expect((await findOpenInvitation({ token }))?.user.id).toBe(userId)
    const [first, second] = await Promise.all([
      acceptInvitation({ token, password: 'a-long-new-password' }),
      acceptInvitation({ token, password: 'another-long-password' }),
    ])
    expect([first, second].filter(Boolean)).toEqual([userId])
    expect(await findOpenInvitation({ token })).toBeNull()
    expect(await acceptInvitation({ token, password: 'yet-another-password' })).toBeNull()
  })

  it('expire after 7 days', async () => {
    const { token } = await invite('invited.two@example.test')
    const later = new Date(Date.now() + INVITATION_LIFETIME_MS + 1000)
    expect(await findOpenInvitation({ token, now: later })).toBeNull()
    expect(await acceptInvitation({ token, password: 'a-long-new-password', now: later })).toBeNull()
  })

  it('refuse a taken e-mail and another administration’s unit, writing nothing', async () => {
    const users = await prisma().user.count()
    await invite('invited.three@example.test')
    await expect(invite('INVITED.three@example.test')).rejects.toThrow(EmailTaken)
    await expect(invite('invited.four@example.test', B.unitId)).rejects.toThrow(UnknownUnit)
    expect(await prisma().user.count()).toBe(users + 1)
    expect(await prisma().user.count({ where: { email: 'invited.four@example.test' } })).toBe(0)
  })
})

describe('assignments', () => {
  const due = new Date('2030-06-30T23:59:59.999Z')
  const assign = (more: { officerIds?: string[]; unitId?: string | null; courseSlug?: string }) =>
    assignCourse({
      administrationId: A.id,
      courseSlug: 'seals',
      officerIds: [],
      unitId: null,
      dueAt: due,
      actorId: 'manager',
      ...more,
    })
  const enrolmentOf = (userId: string) =>
    prisma().enrolment.findFirst({
      where: { userId, course: { slug: 'seals' } },
      select: { dueAt: true, assignedById: true, enrolledAt: true },
    })

  it('enrols the chosen officers with a due date; an enrolled one keeps the enrolment and gets the date', async () => {
    const fresh = await person('LEARNER', A.id)
    const enrolled = await person('LEARNER', A.id)
    const course = await prisma().course.findUniqueOrThrow({ where: { slug: 'seals' }, select: { id: true } })
    await enrolInCourse({ userId: enrolled.id, courseId: course.id })
    const before = await enrolmentOf(enrolled.id)
    expect(await assign({ officerIds: [fresh.id, enrolled.id] })).toBe(2)
    expect(await enrolmentOf(fresh.id)).toMatchObject({ dueAt: due, assignedById: 'manager' })
    expect(await enrolmentOf(enrolled.id)).toMatchObject({
      dueAt: due,
      assignedById: 'manager',
      enrolledAt: before!.enrolledAt,
    })
    const [listed] = await listLearnerCourses({ userId: fresh.id })
    expect(listed).toMatchObject({ slug: 'seals', dueAt: due, assigned: true })
  })

  it('assigns a whole unit: its active officers only', async () => {
    const inUnit = await person('LEARNER', A.id)
    const gone = await person('LEARNER', A.id)
    await prisma().user.updateMany({ where: { id: { in: [inUnit.id, gone.id] } }, data: { unitId: A.unitId } })
    await prisma().user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } })
    expect(await assign({ unitId: A.unitId })).toBeGreaterThanOrEqual(1)
    expect(await enrolmentOf(inUnit.id)).not.toBeNull()
    expect(await enrolmentOf(gone.id)).toBeNull()
  })

  it('writes nothing when an officer, unit or course is not the manager’s to assign', async () => {
    const own = await person('LEARNER', A.id)
    const foreign = await prisma().user.findFirstOrThrow({ where: { administrationId: B.id } })
    await expect(assign({ officerIds: [own.id, foreign.id] })).rejects.toThrow(AssignmentTargetNotFound)
    await expect(assign({ unitId: B.unitId })).rejects.toThrow(AssignmentTargetNotFound)
    await expect(assign({ officerIds: [own.id], courseSlug: 'nope' })).rejects.toThrow(AssignmentTargetNotFound)
    expect(await enrolmentOf(own.id)).toBeNull()
    expect(await enrolmentOf(foreign.id)).toBeNull()
  })
})

describe('bulk invitation from a CSV file', () => {
  const csv = [
    'E-mail;ФИО;Подразделение;Язык',
    'bulk.one@example.test;Артур Мкртчян;Post of AA;ru',
    'not-an-email;Somebody;Post of AA;en',
    'bulk.two@example.test;Lusine Avetisyan;Post of BB;en',
    'bulk.one@example.test;Twice Listed;Post of AA;en',
    'bulk.three@example.test;Hovhannes Petrosyan;Post of AA;',
  ].join('\r\n')

  it('reports every line and writes nothing; the confirmation writes the valid lines only, in one go', async () => {
    const users = await prisma().user.count()
    const { report } = await previewOfficerImport({ administrationId: A.id, input: new TextEncoder().encode(csv) })
    expect(report.ok).toBe(true)
    if (!report.ok) return
    expect(report.rows.map((row) => [row.line, row.problems])).toEqual([
      [2, []],
      [3, ['import.emailInvalid']],
      // Another administration's unit is unknown here.
      [4, ['import.unitUnknown']],
      [5, ['import.emailDuplicate']],
      [6, []],
    ])
    expect(await prisma().user.count()).toBe(users)

    const { invited } = await confirmOfficerImport({
      administrationId: A.id,
      text: csv,
      actorId: 'manager',
      translate: translatorFor('mail'),
    })
    expect(invited.map((officer) => officer.email)).toEqual(['bulk.one@example.test', 'bulk.three@example.test'])
    // No SMTP server here: every link comes back to be shown, each in the officer's language.
    expect(invited.map((officer) => [officer.delivery, new URL(officer.link).pathname.split('/')[1]])).toEqual([
      ['not-configured', 'ru'],
      ['not-configured', 'en'],
    ])
    expect(await prisma().user.count()).toBe(users + 2)
    const created = await prisma().user.findMany({
      where: { email: { startsWith: 'bulk.' } },
      orderBy: { email: 'asc' },
    })
    expect(created.map((u) => [u.administrationId, u.unitId, u.passwordHash, u.preferredLocale])).toEqual([
      [A.id, A.unitId, null, 'ru'],
      [A.id, A.unitId, null, 'en'],
    ])
    for (const officer of invited) {
      const token = officer.link.split('/').pop()!
      expect((await findOpenInvitation({ token }))?.user.email).toBe(officer.email)
    }

    // The same file again: everyone valid is now taken, so nothing more is written.
    const again = await confirmOfficerImport({
      administrationId: A.id,
      text: csv,
      actorId: 'manager',
      translate: translatorFor('mail'),
    })
    expect(again.invited).toEqual([])
    expect(await prisma().user.count()).toBe(users + 2)
  })
})

describe('the completion matrix', () => {
  it('shows each officer of the administration against each course, and nothing of another administration', async () => {
    const actor = await person('MANAGER', A.id)
    const idle = await person('LEARNER', A.id, 'Matrix Idle')
    const busy = await person('LEARNER', A.id, 'Matrix Busy')
    await assignCourse({
      administrationId: A.id,
      courseSlug: 'seals',
      officerIds: [idle.id, busy.id],
      unitId: null,
      dueAt: new Date('2020-01-01T00:00:00Z'),
      actorId: actor.id,
    })
    const [first] = await prisma().module.findMany({
      where: { course: { slug: 'seals' } },
      orderBy: { position: 'asc' },
    })
    await markModuleComplete({ userId: busy.id, moduleId: first!.id })

    const matrix = await getCompletionMatrix({ administrationId: A.id, query: 'Matrix' })
    expect(JSON.stringify(matrix)).not.toContain('MARKER-B')
    expect(matrix.officers.map((officer) => [officer.displayName, officer.cells])).toEqual([
      [
        'Matrix Busy',
        [
          expect.objectContaining({
            state: 'in-progress',
            overdue: true,
            progress: expect.objectContaining({ completed: 1 }),
          }),
        ],
      ],
      ['Matrix Idle', [expect.objectContaining({ state: 'not-started', overdue: true })]],
    ])
    const everyone = await getCompletionMatrix({ administrationId: A.id, page: 'all' })
    expect(JSON.stringify(everyone)).not.toContain('MARKER-B')
    expect(everyone.officers.length).toBe(everyone.total)

    const [summary] = await getCourseSummary({ administrationId: A.id })
    expect(summary).toMatchObject({ slug: 'seals' })
    expect(summary!.overdue).toBeGreaterThanOrEqual(2)
    const [other] = await getCourseSummary({ administrationId: B.id })
    expect(other).toMatchObject({ slug: 'seals', enrolled: 0, assigned: 0, completed: 0, overdue: 0 })
  })
})

describe('the admin overview', () => {
  it('counts each administration’s officers, enrolments, completions and overdue assignments apart', async () => {
    const rows = await getAdministrationOverview()
    const b = rows.find((row) => row.code === 'BB')
    const a = rows.find((row) => row.code === 'AA')
    expect(b).toMatchObject({ officers: 2, enrolments: 0, completed: 0, overdue: 0 })
    const officersOfA = await prisma().user.count({ where: { administrationId: A.id, role: 'LEARNER' } })
    const enrolmentsOfA = await prisma().enrolment.count({
      where: { user: { administrationId: A.id, role: 'LEARNER' } },
    })
    expect(a).toMatchObject({ officers: officersOfA, enrolments: enrolmentsOfA })
    expect(a!.overdue).toBeGreaterThanOrEqual(2)
  })
})
