import type { Prisma } from '~/generated/prisma/client'
import { writeAudit } from '~/modules/audit/audit.server'
import { can } from '~/modules/auth/permissions'
import type { SessionUser } from '~/modules/auth/user'
import { localizedName, readLocalizedText } from '~/i18n/localized'
import { getPrisma } from '~/utils/db.server'
import { formatCode, parseCode, parseCodeFragment } from './code'
import { certificateStatus } from './status'

/** The facts anyone holding the code may see — and nothing else (no e-mail, no ids). */
const publicFacts = {
  code: true,
  learnerName: true,
  learnerNameLatin: true,
  administrationName: true,
  courseTitle: true,
  finalScore: true,
  completedAt: true,
  issuedAt: true,
  expiresAt: true,
  revokedAt: true,
  revokedReason: true,
} as const satisfies Prisma.CertificateSelect

/**
 * What the public verification page and its JSON twin show for a code, names in every language;
 * null when there is no such certificate.
 */
export async function verifyCertificate({ code, now = new Date() }: { code: string; now?: Date }) {
  const certificate = await getPrisma().certificate.findUnique({ where: { code }, select: publicFacts })
  if (!certificate) return null
  const status = certificateStatus(certificate, now)
  return {
    status,
    code: formatCode(certificate.code),
    learnerName: certificate.learnerName,
    learnerNameLatin: certificate.learnerNameLatin,
    administration: certificate.administrationName === null ? null : readLocalizedText(certificate.administrationName),
    course: readLocalizedText(certificate.courseTitle),
    finalScore: certificate.finalScore,
    completedAt: certificate.completedAt,
    issuedAt: certificate.issuedAt,
    expiresAt: certificate.expiresAt,
    revokedAt: status === 'revoked' ? certificate.revokedAt : null,
    revokedReason: status === 'revoked' ? certificate.revokedReason : null,
  }
}

/**
 * The certificates `viewer` may download, as a `where` clause: their own; a manager's also those of
 * their administration's officers; an admin's all. A revoked certificate is no longer handed out,
 * except to admins. Every read of a certificate for download goes through it.
 */
export function downloadableBy(viewer: SessionUser): Prisma.CertificateWhereInput {
  if (can(viewer.role, 'manage:certificates')) return {}
  const own: Prisma.CertificateWhereInput = { userId: viewer.id }
  if (can(viewer.role, 'read:administration-certificates') && viewer.administrationId) {
    return { revokedAt: null, OR: [own, { user: { administrationId: viewer.administrationId } }] }
  }
  return { ...own, revokedAt: null }
}

/** The snapshot a PDF is drawn from, when `viewer` may have it. */
export async function findCertificateForDownload({ id, viewer }: { id: string; viewer: SessionUser }) {
  return getPrisma().certificate.findFirst({
    where: { AND: [{ id }, downloadableBy(viewer)] },
    select: { ...publicFacts, id: true, courseSlug: true, courseVersion: true },
  })
}

/** The learner's own certificates, newest first, old and revoked ones included: the history. */
export async function listOwnCertificates({
  userId,
  locale,
  now = new Date(),
}: {
  userId: string
  locale: string
  now?: Date
}) {
  const rows = await getPrisma().certificate.findMany({
    where: { userId },
    orderBy: { issuedAt: 'desc' },
    select: {
      id: true,
      code: true,
      courseSlug: true,
      courseTitle: true,
      finalScore: true,
      issuedAt: true,
      expiresAt: true,
      revokedAt: true,
      completedAt: true,
      course: {
        select: { finalExamRule: true, enrolments: { where: { userId }, select: { completedAt: true } } },
      },
    },
  })
  return rows.map(({ courseTitle, code, course, completedAt, ...row }) => ({
    ...row,
    code: formatCode(code),
    // The certificate of the enrolment's current completion, expired, on a course with an exam to retake.
    renewable:
      certificateStatus(row, now) === 'expired' &&
      course.finalExamRule === 'required' &&
      course.enrolments[0]?.completedAt?.getTime() === completedAt.getTime(),
    course: localizedName(courseTitle, locale),
    status: certificateStatus(row, now),
  }))
}

/** The learner's newest certificate of a course that is not revoked: what a passed exam's result links to. */
export async function findLatestOwnCertificate({ userId, courseId }: { userId: string; courseId: string }) {
  const certificate = await getPrisma().certificate.findFirst({
    where: { userId, courseId, revokedAt: null },
    orderBy: { issuedAt: 'desc' },
    select: { id: true, code: true },
  })
  return certificate && { id: certificate.id, code: formatCode(certificate.code) }
}

export const CERTIFICATES_PER_PAGE = 25

/** The admin's certificate search: text (name, e-mail, code or part of one), a course, a page. */
export interface CertificateSearch {
  query: string
  courseId?: string | null
  page?: number
}

/**
 * The `where` clause of the admin search. A whole code finds its certificate by the unique index; a
 * piece of one (four characters or more, dashes and spaces ignored) is looked for inside every code,
 * alongside the learner's names and e-mail, since "ANNA" may be either.
 */
export function certificateSearchWhere({ query, courseId }: CertificateSearch): Prisma.CertificateWhereInput {
  const text = query.trim()
  const code = parseCode(text)
  const fragment = parseCodeFragment(text)
  const matches: Prisma.CertificateWhereInput = code
    ? { code }
    : text
      ? {
          OR: [
            { learnerName: { contains: text, mode: 'insensitive' } },
            { learnerNameLatin: { contains: text, mode: 'insensitive' } },
            { user: { email: { contains: text.toLowerCase() } } },
            ...(fragment ? [{ code: { contains: fragment } }] : []),
          ],
        }
      : {}
  return { AND: [matches, courseId ? { courseId } : {}] }
}

/** One page of the admin search, newest first, with the total so the page can offer the next ones. */
export async function findCertificatesForAdmin({
  locale,
  now = new Date(),
  ...search
}: CertificateSearch & { locale: string; now?: Date }) {
  const where = certificateSearchWhere(search)
  const page = search.page ?? 1
  const prisma = getPrisma()
  const [total, rows] = await Promise.all([
    prisma.certificate.count({ where }),
    prisma.certificate.findMany({
      where,
      orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * CERTIFICATES_PER_PAGE,
      take: CERTIFICATES_PER_PAGE,
      select: adminListFacts,
    }),
  ])
  return {
    certificates: rows.map((row) => adminListRow(row, locale, now)),
    total,
    pages: Math.max(1, Math.ceil(total / CERTIFICATES_PER_PAGE)),
  }
}

/** One certificate as the admin list shows it: the confirmation page of a revocation without JavaScript. */
export async function findCertificateForAdmin({
  id,
  locale,
  now = new Date(),
}: {
  id: string
  locale: string
  now?: Date
}) {
  const row = await getPrisma().certificate.findUnique({ where: { id }, select: adminListFacts })
  return row && adminListRow(row, locale, now)
}

/** The courses that have certificates, for the admin search's course filter. */
export async function listCertifiedCourses({ locale }: { locale: string }) {
  const courses = await getPrisma().course.findMany({
    where: { certificates: { some: {} } },
    orderBy: { slug: 'asc' },
    select: { id: true, title: true },
  })
  return courses.map((course) => ({ id: course.id, title: localizedName(course.title, locale) }))
}

const adminListFacts = {
  id: true,
  code: true,
  learnerName: true,
  courseTitle: true,
  issuedAt: true,
  expiresAt: true,
  revokedAt: true,
  revokedReason: true,
  user: { select: { email: true } },
} as const satisfies Prisma.CertificateSelect

function adminListRow(
  { code, courseTitle, user, ...row }: Prisma.CertificateGetPayload<{ select: typeof adminListFacts }>,
  locale: string,
  now: Date,
) {
  return {
    ...row,
    code: formatCode(code),
    email: user.email,
    course: localizedName(courseTitle, locale),
    status: certificateStatus(row, now),
  }
}

export class CertificateNotFound extends Error {}
export class CertificateAlreadyRevoked extends Error {}

/** Revokes a certificate for good, with the reason verifiers will read; audit-logged. Admins only. */
export async function revokeCertificate({ id, reason, actor }: { id: string; reason: string; actor: SessionUser }) {
  if (!can(actor.role, 'manage:certificates')) throw new CertificateNotFound()
  await getPrisma().$transaction(async (tx) => {
    const [certificate] = await tx.certificate.updateManyAndReturn({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: reason, revokedById: actor.id },
      select: { code: true, administrationId: true, userId: true, courseSlug: true },
    })
    if (!certificate) {
      throw (await tx.certificate.count({ where: { id } }))
        ? new CertificateAlreadyRevoked()
        : new CertificateNotFound()
    }
    const { code, administrationId, userId, courseSlug } = certificate
    await writeAudit(
      {
        actorId: actor.id,
        action: 'certificate.revoke',
        targetType: 'Certificate',
        targetId: id,
        administrationId,
        details: { code, learnerId: userId, course: courseSlug, reason },
      },
      tx,
    )
  })
}
