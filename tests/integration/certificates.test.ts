// Issuing (exactly once, a snapshot), verification, download access and revocation, on the real database.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '~/generated/prisma/enums'
import type { SessionUser } from '~/modules/auth/user'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import {
  CertificateAlreadyRevoked,
  CertificateNotFound,
  findCertificateForDownload,
  revokeCertificate,
  verifyCertificate,
} from '~/modules/certificates/certificates.server'
import { formatCode } from '~/modules/certificates/code'
import { issueCertificate } from '~/modules/certificates/issue.server'
import { loader as verificationLoader } from '~/routes/$lang.verify.$code'
import { VERIFY_POLICY, verify } from '~/modules/certificates/verify.server'
import { importCoursePackages } from '~/modules/content/import.server'
import { completeModule } from '~/modules/progress/completion.server'
import { markModuleComplete } from '~/modules/progress/progress.server'
import { getPrisma } from '~/utils/db.server'
import { coursePackage, module } from '../support/course-package'

const prisma = () => getPrisma()
let customsA: string
let customsB: string

beforeAll(async () => {
  await importCoursePackages({
    packages: [
      coursePackage('seals', {
        course: {
          ...coursePackage('seals').course,
          title: { en: 'Seals at the border', ru: 'Пломбы на границе' },
          version: 4,
          certificateValidityMonths: 36,
        },
        modules: [module('alpha', 1), module('beta', 2)],
      }),
    ],
  })
  const administration = (code: string, en: string, ru: string) =>
    prisma().administration.create({ data: { code, name: { en, ru } }, select: { id: true } })
  customsA = (await administration('AA', 'Customs of Aland', 'Таможня Аланда')).id
  customsB = (await administration('BB', 'Customs of Borduria', 'Таможня Бордурии')).id
})

let counter = 0
async function person(role: Role, administrationId: string | null, displayName = `Officer ${++counter}`) {
  const user = await prisma().user.create({
    data: { email: `person${++counter}@example.test`, displayName, passwordHash: 'x', role, administrationId },
    select: { id: true, email: true, displayName: true, role: true, administrationId: true, preferredLocale: true },
  })
  return user satisfies SessionUser
}

const courseId = async () =>
  (await prisma().course.findUniqueOrThrow({ where: { slug: 'seals' }, select: { id: true } })).id
const moduleIds = async () =>
  (await prisma().module.findMany({ where: { course: { slug: 'seals' } }, orderBy: { position: 'asc' } })).map(
    (row) => row.id,
  )

/** A learner of administration A who completed the course: its certificate. */
async function certifiedLearner(displayName?: string) {
  const learner = await person('LEARNER', customsA, displayName)
  await enrolInCourse({ userId: learner.id, courseId: await courseId() })
  for (const moduleId of await moduleIds()) await markModuleComplete({ userId: learner.id, moduleId })
  const certificate = await prisma().certificate.findFirstOrThrow({ where: { userId: learner.id } })
  return { learner, certificate }
}

describe('issuing', () => {
  it('issues one certificate on completion, with a snapshot of who, what and when', async () => {
    const { learner, certificate } = await certifiedLearner('Иван Петрович Сидоров')
    const enrolment = await prisma().enrolment.findFirstOrThrow({ where: { userId: learner.id } })
    expect(certificate).toMatchObject({
      learnerName: 'Иван Петрович Сидоров',
      administrationId: customsA,
      administrationName: { en: 'Customs of Aland', ru: 'Таможня Аланда' },
      courseSlug: 'seals',
      courseTitle: { en: 'Seals at the border', ru: 'Пломбы на границе' },
      courseVersion: 4,
      finalScore: null,
      completedAt: enrolment.completedAt,
      revokedAt: null,
    })
    expect(certificate.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{28}$/)
    const expires = new Date(enrolment.completedAt!)
    expires.setUTCMonth(expires.getUTCMonth() + 36)
    expect(certificate.expiresAt).toEqual(expires)

    // Later changes to the learner do not change what the certificate says.
    await prisma().user.update({ where: { id: learner.id }, data: { displayName: 'Someone Else' } })
    const verified = await verifyCertificate({ code: certificate.code })
    expect(verified?.learnerName).toBe('Иван Петрович Сидоров')
  })

  it('snapshots the name in Latin script for the English half: a later change does not alter it', async () => {
    const learner = await person('LEARNER', customsA, 'Гаяне Саргсян')
    await prisma().user.update({ where: { id: learner.id }, data: { latinName: 'Gayane Sargsyan' } })
    await enrolInCourse({ userId: learner.id, courseId: await courseId() })
    for (const moduleId of await moduleIds()) await markModuleComplete({ userId: learner.id, moduleId })
    const certificate = await prisma().certificate.findFirstOrThrow({ where: { userId: learner.id } })
    expect(certificate).toMatchObject({ learnerName: 'Гаяне Саргсян', learnerNameLatin: 'Gayane Sargsyan' })
    await prisma().user.update({ where: { id: learner.id }, data: { latinName: 'Someone Else' } })
    expect(await verifyCertificate({ code: certificate.code })).toMatchObject({
      learnerName: 'Гаяне Саргсян',
      learnerNameLatin: 'Gayane Sargsyan',
    })
    // Without a Latin name the snapshot has none, and both halves print the name as registered.
    const { certificate: plain } = await certifiedLearner('Иван Петров')
    expect(plain.learnerNameLatin).toBeNull()
  })

  it('issues exactly one certificate when the last module is completed by many requests at once', async () => {
    const learner = await person('LEARNER', customsA)
    await enrolInCourse({ userId: learner.id, courseId: await courseId() })
    const [first, last] = await moduleIds()
    await markModuleComplete({ userId: learner.id, moduleId: first! })
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        prisma().$transaction((tx) => completeModule(tx, { userId: learner.id, moduleId: last! })),
      ),
    )
    expect(results.filter((result) => result.courseCompleted)).toHaveLength(1)
    expect(await prisma().certificate.count({ where: { userId: learner.id } })).toBe(1)
  })

  it('never issues a second certificate for the same completion (database constraint)', async () => {
    const { learner } = await certifiedLearner()
    const id = await courseId()
    const again = await Promise.all(
      Array.from({ length: 5 }, () =>
        prisma().$transaction((tx) => issueCertificate(tx, { userId: learner.id, courseId: id })),
      ),
    )
    expect(again).toEqual([false, false, false, false, false])
    expect(await prisma().certificate.count({ where: { userId: learner.id } })).toBe(1)
  })
})

describe('verification', () => {
  it('says valid, expired or revoked, with only the public facts', async () => {
    const { certificate } = await certifiedLearner()
    const valid = await verifyCertificate({ code: certificate.code })
    expect(valid).toMatchObject({ status: 'valid', code: formatCode(certificate.code), revokedReason: null })
    expect(Object.keys(valid!).sort()).toEqual(
      [
        'administration',
        'code',
        'completedAt',
        'course',
        'expiresAt',
        'finalScore',
        'issuedAt',
        'learnerName',
        'learnerNameLatin',
        'revokedAt',
        'revokedReason',
        'status',
      ].sort(),
    )
    const later = new Date(certificate.expiresAt!.getTime() + 1000)
    expect((await verifyCertificate({ code: certificate.code, now: later }))?.status).toBe('expired')

    const admin = await person('ADMIN', null)
    await revokeCertificate({ id: certificate.id, reason: 'Exam taken by someone else', actor: admin })
    expect(await verifyCertificate({ code: certificate.code })).toMatchObject({
      status: 'revoked',
      revokedReason: 'Exam taken by someone else',
    })
  })

  it('reads a code as typed (lower case, spaces) and finds nothing for unknown or malformed codes', async () => {
    const { certificate } = await certifiedLearner()
    const typed = formatCode(certificate.code).toLowerCase().replaceAll('-', ' ')
    expect(await verify({ rawCode: typed, clientIp: 'typed' })).toMatchObject({ kind: 'found' })
    const unknown = '0000-0000-0000-0000-0000-0000-0000'
    expect(await verify({ rawCode: unknown, clientIp: 'typed' })).toEqual({ kind: 'not-found' })
    expect(await verify({ rawCode: "'; DROP TABLE x;--", clientIp: 'typed' })).toEqual({ kind: 'not-found' })
  })

  it('limits checks per address: the one over the limit waits, other addresses do not', async () => {
    for (let i = 0; i < VERIFY_POLICY.limit; i++) {
      expect((await verify({ rawCode: 'x', clientIp: '203.0.113.9' })).kind).toBe('not-found')
    }
    const refused = await verify({ rawCode: 'x', clientIp: '203.0.113.9' })
    expect(refused.kind).toBe('too-many')
    expect(refused.kind === 'too-many' && refused.retryAfterSeconds).toBeGreaterThan(0)
    expect((await verify({ rawCode: 'x', clientIp: '203.0.113.10' })).kind).toBe('not-found')
  })
})

describe('download access', () => {
  it('lets the learner, their administration’s managers and admins have it; nobody else', async () => {
    const { learner, certificate } = await certifiedLearner()
    const may = async (viewer: SessionUser) =>
      (await findCertificateForDownload({ id: certificate.id, viewer })) !== null
    expect(await may(learner)).toBe(true)
    expect(await may(await person('LEARNER', customsA))).toBe(false)
    expect(await may(await person('INSTRUCTOR', customsA))).toBe(false)
    expect(await may(await person('MANAGER', customsA))).toBe(true)
    expect(await may(await person('MANAGER', customsB))).toBe(false)
    expect(await may(await person('MANAGER', null))).toBe(false)
    const admin = await person('ADMIN', null)
    expect(await may(admin)).toBe(true)

    // A revoked certificate is handed out to admins only.
    await revokeCertificate({ id: certificate.id, reason: 'Issued in error', actor: admin })
    expect(await may(learner)).toBe(false)
    expect(await may(await person('MANAGER', customsA))).toBe(false)
    expect(await may(admin)).toBe(true)
  })
})

describe('revocation', () => {
  it('is for admins only, happens once and is audit-logged with its reason', async () => {
    const { certificate } = await certifiedLearner()
    await expect(
      revokeCertificate({ id: certificate.id, reason: 'No reason', actor: await person('MANAGER', customsA) }),
    ).rejects.toThrow(CertificateNotFound)
    const admin = await person('ADMIN', null)
    await revokeCertificate({ id: certificate.id, reason: 'Identity fraud', actor: admin })
    await expect(revokeCertificate({ id: certificate.id, reason: 'Again', actor: admin })).rejects.toThrow(
      CertificateAlreadyRevoked,
    )
    await expect(revokeCertificate({ id: 'nope', reason: 'Missing', actor: admin })).rejects.toThrow(
      CertificateNotFound,
    )
    const log = await prisma().auditLog.findMany({ where: { action: 'certificate.revoke', targetId: certificate.id } })
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ actorId: admin.id, administrationId: customsA })
    expect(log[0]!.details).toMatchObject({ code: certificate.code, reason: 'Identity fraud' })
  })
})

describe('the verification page loader', () => {
  const load = async (code: string, clientIp: string) => {
    const request = new Request(`http://localhost/en/verify/${code}?status=revoked`)
    const context = { clientIp } as Parameters<typeof verificationLoader>[0]['context']
    try {
      return await verificationLoader({ request, params: { lang: 'en', code }, context })
    } catch (thrown) {
      if (thrown instanceof Response) return thrown
      throw thrown
    }
  }

  it('answers an unknown code with 404 and too many checks with 429 and Retry-After, never cached', async () => {
    // A 404 whose page offers the box again, the code in it as typed (normalised when it is a code).
    const missing = await load('0000 0000 0000 0000 0000 0000 000o', '198.51.100.7')
    expect(missing).toMatchObject({
      init: { status: 404, headers: { 'Cache-Control': 'no-store' } },
      data: { certificate: null, typed: '0000-0000-0000-0000-0000-0000-0000' },
    })
    for (let i = 1; i < VERIFY_POLICY.limit; i++) await load('x', '198.51.100.7')
    const refused = (await load('x', '198.51.100.7')) as Response
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(await refused.text()).toBe('certificates:verify.tooMany')
  })

  it('shows the certificate whatever the query string says', async () => {
    const { certificate } = await certifiedLearner()
    const shown = await load(formatCode(certificate.code), '198.51.100.8')
    expect(shown).not.toBeInstanceOf(Response)
    expect(shown).toMatchObject({ data: { certificate: { status: 'valid', code: formatCode(certificate.code) } } })
  })
})
