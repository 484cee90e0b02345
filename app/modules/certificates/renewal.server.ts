import { getPrisma } from '~/utils/db.server'
import { certificateStatus } from './status'

export class NotRenewable extends Error {}

/**
 * Reopens a completed course whose certificate expired, so the learner can earn a new one: the
 * final exam starts afresh (only attempts from now on count), modules stay complete, and passing
 * the exam completes the course again and issues a new certificate. The old one stays in the history.
 * Only courses that require a final exam can be renewed: without one there is nothing to retake.
 */
export async function renewExpiredCertificate({
  userId,
  courseSlug,
  now = new Date(),
}: {
  userId: string
  courseSlug: string
  now?: Date
}) {
  const prisma = getPrisma()
  const enrolment = await prisma.enrolment.findFirst({
    where: { userId, course: { slug: courseSlug, status: 'PUBLISHED', finalExamRule: 'required' } },
    select: { id: true, courseId: true, completedAt: true },
  })
  if (!enrolment?.completedAt) throw new NotRenewable()
  const certificate = await prisma.certificate.findUnique({
    where: {
      userId_courseId_completedAt: { userId, courseId: enrolment.courseId, completedAt: enrolment.completedAt },
    },
    select: { expiresAt: true, revokedAt: true },
  })
  if (!certificate || certificateStatus(certificate, now) !== 'expired') throw new NotRenewable()
  // Only the completion that was read: a parallel renewal (or completion) leaves nothing to update.
  const reopened = await prisma.enrolment.updateMany({
    where: { id: enrolment.id, completedAt: enrolment.completedAt },
    data: { completedAt: null, finalScore: null, renewedAt: now },
  })
  if (reopened.count === 0) throw new NotRenewable()
}
