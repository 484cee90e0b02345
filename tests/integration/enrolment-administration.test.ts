// "Enrolment"."administrationId" is kept by the database (migration 20261203090000): the enrolled
// user's administration while they are a learner there, else null. The coordinator's course summary
// counts by it, so a stale copy would count an officer in the wrong administration.
import { beforeAll, describe, expect, it } from 'vitest'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { assignCourse } from '~/modules/manage/assignments.server'
import { getCourseSummary } from '~/modules/manage/matrix.server'
import { getPrisma } from '~/utils/db.server'
import { coursePackage } from '../support/course-package'

const prisma = () => getPrisma()
let courseId = ''
const administration: Record<'a' | 'b', string> = { a: '', b: '' }

async function createUser(key: string, role: 'LEARNER' | 'MANAGER' | 'ADMIN', administrationId: string | null) {
  const user = await prisma().user.create({
    data: {
      email: `${key}@enrolment-administration.test`,
      displayName: key,
      passwordHash: 'x',
      role,
      administrationId,
    },
    select: { id: true },
  })
  return user.id
}

const enrolmentAdministration = async (userId: string) =>
  (await prisma().enrolment.findFirstOrThrow({ where: { userId, courseId }, select: { administrationId: true } }))
    .administrationId

beforeAll(async () => {
  await importCoursePackages({ packages: [coursePackage('seals')] })
  courseId = (await prisma().course.findUniqueOrThrow({ where: { slug: 'seals' }, select: { id: true } })).id
  for (const key of ['a', 'b'] as const) {
    const created = await prisma().administration.create({
      data: { code: `EA-${key}`, name: { en: key, ru: key } },
      select: { id: true },
    })
    administration[key] = created.id
  }
})

describe('the administration of an enrolment', () => {
  it('is the learner’s own, however the enrolment is made, and none for staff', async () => {
    const learner = await createUser('learner', 'LEARNER', administration.a)
    const assigned = await createUser('assigned', 'LEARNER', administration.a)
    const manager = await createUser('manager', 'MANAGER', administration.a)
    const admin = await createUser('admin', 'ADMIN', null)
    for (const userId of [learner, manager, admin]) expect(await enrolInCourse({ userId, courseId })).toBe(true)
    await assignCourse({
      administrationId: administration.a,
      courseSlug: 'seals',
      officerIds: [assigned],
      unitId: null,
      dueAt: new Date('2030-01-01T00:00:00Z'),
      actorId: manager,
    })
    expect(await enrolmentAdministration(learner)).toBe(administration.a)
    expect(await enrolmentAdministration(assigned)).toBe(administration.a)
    expect(await enrolmentAdministration(manager)).toBeNull()
    expect(await enrolmentAdministration(admin)).toBeNull()
  })

  it('cannot be written by the application', async () => {
    const userId = await createUser('forged', 'LEARNER', administration.a)
    await prisma().enrolment.create({ data: { userId, courseId, administrationId: administration.b } })
    expect(await enrolmentAdministration(userId)).toBe(administration.a)
    await prisma().enrolment.updateMany({ where: { userId }, data: { administrationId: administration.b } })
    expect(await enrolmentAdministration(userId)).toBe(administration.a)
  })

  it('follows the user to another administration or role, and the summaries with it', async () => {
    const userId = await createUser('mover', 'LEARNER', administration.a)
    await enrolInCourse({ userId, courseId })
    const enrolled = async (administrationId: string) =>
      (await getCourseSummary({ administrationId })).find((row) => row.slug === 'seals')?.enrolled
    const before = { a: await enrolled(administration.a), b: await enrolled(administration.b) }

    await prisma().user.update({ where: { id: userId }, data: { administrationId: administration.b } })
    expect(await enrolmentAdministration(userId)).toBe(administration.b)
    expect(await enrolled(administration.a)).toBe(before.a! - 1)
    expect(await enrolled(administration.b)).toBe(before.b! + 1)

    await prisma().user.update({ where: { id: userId }, data: { role: 'MANAGER' } })
    expect(await enrolmentAdministration(userId)).toBeNull()
    expect(await enrolled(administration.b)).toBe(before.b)
  })
})
