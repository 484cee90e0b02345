// The admin's certificate and user searches, and the coordinator's status filter that shares their words.
import { beforeAll, describe, expect, it } from 'vitest'
import { UserFilterSchema } from '~/modules/admin/users.schema'
import { listUsers, USERS_PER_PAGE } from '~/modules/admin/users.server'
import {
  CERTIFICATES_PER_PAGE,
  findCertificatesForAdmin,
  listCertifiedCourses,
} from '~/modules/certificates/certificates.server'
import { formatCode, generateCode } from '~/modules/certificates/code'
import { importCoursePackages } from '~/modules/content/import.server'
import { listOfficers } from '~/modules/manage/officers.server'
import { getPrisma } from '~/utils/db.server'
import { coursePackage } from '../support/course-package'

const prisma = () => getPrisma()
let customsA: string
let customsB: string
const courses: Record<string, string> = {}
let counter = 0

async function account(data: {
  displayName: string
  administrationId?: string | null
  role?: 'LEARNER' | 'MANAGER' | 'INSTRUCTOR'
  invited?: boolean
  disabled?: boolean
}) {
  const n = ++counter
  return prisma().user.create({
    data: {
      email: `account${n}@example.test`,
      displayName: data.displayName,
      role: data.role ?? 'LEARNER',
      administrationId: data.administrationId ?? null,
      passwordHash: data.invited ? null : 'x',
      disabledAt: data.disabled ? new Date() : null,
    },
    select: { id: true, email: true },
  })
}

async function certificate(userId: string, learnerName: string, course: string, code = generateCode()) {
  const completedAt = new Date(Date.UTC(2026, 0, 1, 0, 0, ++counter))
  await prisma().certificate.create({
    data: {
      code,
      userId,
      courseId: courses[course]!,
      administrationId: customsA,
      learnerName,
      courseSlug: course,
      courseTitle: { en: `Course ${course}`, ru: `Курс ${course}` },
      courseVersion: 1,
      completedAt,
      issuedAt: completedAt,
    },
  })
  return code
}

const filters = (input: Record<string, string>) => UserFilterSchema.parse(input)

beforeAll(async () => {
  await importCoursePackages({ packages: [coursePackage('seals'), coursePackage('scanners')] })
  for (const course of await prisma().course.findMany({ select: { id: true, slug: true } }))
    courses[course.slug] = course.id
  const administration = (code: string) =>
    prisma().administration.create({ data: { code, name: { en: code, ru: code } }, select: { id: true } })
  customsA = (await administration('AA')).id
  customsB = (await administration('BB')).id
})

describe('the admin certificate search', () => {
  it('finds a certificate by any piece of its code, typed in any case with dashes or spaces', async () => {
    const learner = await account({ displayName: 'Vardan Code', administrationId: customsA })
    const code = await certificate(learner.id, 'Vardan Code', 'seals', '7Q2M0K4TABCDEFGHJKMNPQRSTVWX')
    await certificate(learner.id, 'Vardan Code', 'scanners', 'ZZZZZZZZZZZZZZZZZZZZZZZZZZZZ')
    for (const query of ['0K4T', '2m-0k4t-ab', ' 7q2m 0K4T ', 'RSTVWX', 'ok4t', formatCode(code).toLowerCase()]) {
      const { certificates, total } = await findCertificatesForAdmin({ query, locale: 'en' })
      expect(
        certificates.map((row) => row.code),
        query,
      ).toEqual([formatCode(code)])
      expect(total).toBe(1)
    }
    // Fewer than four characters, or anything that cannot be in a code, searches names only.
    expect((await findCertificatesForAdmin({ query: '0K4', locale: 'en' })).total).toBe(0)
    expect((await findCertificatesForAdmin({ query: 'ABCU', locale: 'en' })).total).toBe(0)
  })

  it('finds by name or e-mail too, narrows by course, and pages 25 at a time', async () => {
    const learner = await account({ displayName: 'Paging Learner', administrationId: customsA })
    for (let i = 0; i < CERTIFICATES_PER_PAGE + 2; i++)
      await certificate(learner.id, 'Paging Learner', i % 3 === 0 ? 'scanners' : 'seals')
    const first = await findCertificatesForAdmin({ query: 'paging learner', locale: 'ru' })
    expect(first.total).toBe(CERTIFICATES_PER_PAGE + 2)
    expect(first.pages).toBe(2)
    expect(first.certificates).toHaveLength(CERTIFICATES_PER_PAGE)
    expect(first.certificates[0]?.course).toMatch(/^Курс /)
    const second = await findCertificatesForAdmin({ query: 'paging learner', page: 2, locale: 'en' })
    expect(second.certificates).toHaveLength(2)
    const ids = new Set([...first.certificates, ...second.certificates].map((row) => row.id))
    expect(ids.size).toBe(CERTIFICATES_PER_PAGE + 2)

    const byEmail = await findCertificatesForAdmin({ query: learner.email.toUpperCase(), locale: 'en' })
    expect(byEmail.total).toBe(CERTIFICATES_PER_PAGE + 2)
    const scanners = await findCertificatesForAdmin({ query: 'Paging', courseId: courses.scanners, locale: 'en' })
    expect(scanners.total).toBe(9)
    expect(scanners.certificates.every((row) => row.course === 'Course scanners')).toBe(true)
    expect((await listCertifiedCourses({ locale: 'en' })).map((course) => course.title).sort()).toEqual([
      'Course scanners',
      'Course seals',
    ])
  })
})

describe('the admin user list', () => {
  it('searches part of a name or e-mail, filters by role, administration and status, and pages', async () => {
    const marker = 'Zebulon'
    const invited = await account({ displayName: `${marker} Invited`, administrationId: customsA, invited: true })
    const gone = await account({ displayName: `${marker} Gone`, administrationId: customsB, disabled: true })
    const staff = await account({ displayName: `${marker} Staff`, role: 'INSTRUCTOR' })
    const manager = await account({ displayName: `${marker} Manager`, administrationId: customsB, role: 'MANAGER' })
    const names = async (input: Record<string, string>) =>
      (await listUsers(filters({ q: marker.toLowerCase(), ...input }))).users.map((user) => user.displayName)

    expect(await names({})).toEqual([`${marker} Gone`, `${marker} Invited`, `${marker} Manager`, `${marker} Staff`])
    expect(await names({ status: 'invited' })).toEqual([`${marker} Invited`])
    expect(await names({ status: 'deactivated' })).toEqual([`${marker} Gone`])
    expect(await names({ status: 'active' })).toEqual([`${marker} Manager`, `${marker} Staff`])
    expect(await names({ role: 'MANAGER' })).toEqual([`${marker} Manager`])
    expect(await names({ administration: customsB })).toEqual([`${marker} Gone`, `${marker} Manager`])
    expect(await names({ administration: 'none' })).toEqual([`${marker} Staff`])
    // Unknown values are no filter, never an error.
    expect(await names({ role: 'ROOT', status: 'sleeping', page: '-3' })).toHaveLength(4)
    // The e-mail is the sign-in name: part of it finds the account.
    const byEmail = await listUsers(filters({ q: invited.email.slice(0, 9).toUpperCase() }))
    expect(byEmail.users.map((user) => user.id)).toContain(invited.id)
    expect([gone, staff, manager].every((user) => user.id)).toBe(true)

    for (let i = 0; i < USERS_PER_PAGE; i++) await account({ displayName: `Quokka ${String(i).padStart(2, '0')}` })
    const first = await listUsers(filters({ q: 'quokka' }))
    expect([first.total, first.pages, first.users.length]).toEqual([USERS_PER_PAGE, 1, USERS_PER_PAGE])
    await account({ displayName: 'Quokka 99' })
    const last = await listUsers(filters({ q: 'quokka', page: '2' }))
    expect([last.total, last.pages, last.users.map((user) => user.displayName)]).toEqual([
      USERS_PER_PAGE + 1,
      2,
      ['Quokka 99'],
    ])
  })
})

describe("the coordinator's officer list, with the same status words", () => {
  it('filters by status inside its own administration only', async () => {
    await account({ displayName: 'Marker Aland', administrationId: customsA, invited: true })
    await account({ displayName: 'Marker Borduria', administrationId: customsB, invited: true })
    const found = await listOfficers({ administrationId: customsA, query: 'marker', status: 'invited' })
    expect(found.officers.map((officer) => [officer.displayName, officer.status])).toEqual([
      ['Marker Aland', 'invited'],
    ])
    const other = await listOfficers({ administrationId: customsA, query: 'Borduria' })
    expect(other.total).toBe(0)
  })
})
