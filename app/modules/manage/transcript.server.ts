import type { Prisma } from '~/generated/prisma/client'
import { formatCode } from '~/modules/certificates/code'
import { certificateStatus } from '~/modules/certificates/status'
import { localizedName } from '~/i18n/localized'
import { getPrisma } from '~/utils/db.server'
import { matrixCell } from './matrix'
import { accountStatus } from '~/modules/auth/account-status'

const attemptFacts = {
  id: true,
  number: true,
  status: true,
  startedAt: true,
  submittedAt: true,
  score: true,
  passed: true,
} as const satisfies Prisma.QuizAttemptSelect

/**
 * One officer's whole record, or null when `officerId` is not a learner of this administration (the
 * caller answers 404): every course they are enrolled in with its current modules (opened, completed,
 * quiz attempts) and final-exam attempts, and every certificate, revoked and expired ones included.
 * One statement: the relations are joined by the database.
 */
export async function getOfficerTranscript({
  administrationId,
  officerId,
  locale,
  now = new Date(),
}: {
  administrationId: string
  officerId: string
  locale: string
  now?: Date
}) {
  const attempts = { where: { userId: officerId }, orderBy: { number: 'asc' }, select: attemptFacts } as const
  const officer = await getPrisma().user.findFirst({
    where: { id: officerId, administrationId, role: 'LEARNER' },
    select: {
      id: true,
      displayName: true,
      latinName: true,
      email: true,
      disabledAt: true,
      passwordHash: true,
      createdAt: true,
      unit: { select: { name: true } },
      enrolments: {
        orderBy: { enrolledAt: 'asc' },
        select: {
          enrolledAt: true,
          assignedById: true,
          dueAt: true,
          completedAt: true,
          finalScore: true,
          course: {
            select: {
              slug: true,
              title: true,
              modules: {
                where: { archivedAt: null },
                orderBy: { position: 'asc' },
                select: {
                  title: true,
                  progress: { where: { userId: officerId }, select: { firstOpenedAt: true, completedAt: true } },
                  quiz: { select: { attempts } },
                },
              },
              quizzes: { where: { kind: 'FINAL_EXAM' }, select: { attempts } },
            },
          },
        },
      },
      certificates: {
        orderBy: { issuedAt: 'desc' },
        select: {
          id: true,
          code: true,
          courseTitle: true,
          finalScore: true,
          completedAt: true,
          issuedAt: true,
          expiresAt: true,
          revokedAt: true,
          revokedReason: true,
        },
      },
    },
  })
  if (!officer) return null
  const { passwordHash, disabledAt, unit, enrolments, certificates, ...identity } = officer
  return {
    ...identity,
    unit: unit?.name ?? null,
    status: accountStatus({ disabledAt, invited: passwordHash === null }),
    courses: enrolments.map(({ course, ...enrolment }) => {
      const modules = course.modules.map(({ title, progress, quiz }) => ({
        title: localizedName(title, locale),
        openedAt: progress[0]?.firstOpenedAt ?? null,
        completedAt: progress[0]?.completedAt ?? null,
        attempts: quiz?.attempts ?? [],
      }))
      const cell = matrixCell(
        {
          enrolled: true,
          completedAt: enrolment.completedAt,
          finalScore: enrolment.finalScore,
          dueAt: enrolment.dueAt,
          total: modules.length,
          opened: modules.filter((module) => module.openedAt).length,
          completed: modules.filter((module) => module.completedAt).length,
        },
        now,
      )
      return {
        ...enrolment,
        assigned: enrolment.assignedById !== null,
        slug: course.slug,
        title: localizedName(course.title, locale),
        cell,
        modules,
        examAttempts: course.quizzes.flatMap((quiz) => quiz.attempts),
      }
    }),
    certificates: certificates.map(({ code, courseTitle, ...certificate }) => ({
      ...certificate,
      code: formatCode(code),
      course: localizedName(courseTitle, locale),
      status: certificateStatus(certificate, now),
    })),
  }
}

export type OfficerTranscript = NonNullable<Awaited<ReturnType<typeof getOfficerTranscript>>>
