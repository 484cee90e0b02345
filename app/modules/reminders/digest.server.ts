import { writeAudit } from '~/modules/audit/audit.server'
import type { JobQueue } from '~/modules/platform/job-queue'
import { getPrisma } from '~/utils/db.server'
import { MAIL_DELIVERY_JOB, type MailDeliveryJob } from './delivery.server'
import { digestKey, isDigestTime } from './reminders'

/** The hourly job that records and queues the week's digests once it is time. */
export const DIGEST_TICK_JOB = 'reminder-digest-tick'

export async function getWeeklyDigest({ administrationId }: { administrationId: string }) {
  const administration = await getPrisma().administration.findUnique({
    where: { id: administrationId },
    select: { weeklyDigest: true },
  })
  return administration?.weeklyDigest ?? false
}

/** Switches the administration's weekly digest on or off; the audit log says who did. */
export async function setWeeklyDigest({
  administrationId,
  enabled,
  actorId,
}: {
  administrationId: string
  enabled: boolean
  actorId: string
}) {
  await getPrisma().$transaction(async (tx) => {
    await tx.administration.update({ where: { id: administrationId }, data: { weeklyDigest: enabled } })
    await writeAudit(
      {
        actorId,
        action: enabled ? 'administration.weekly_digest_on' : 'administration.weekly_digest_off',
        targetType: 'Administration',
        targetId: administrationId,
        administrationId,
      },
      tx,
    )
  })
}

/**
 * For every administration with the digest on and someone overdue: one digest row per active
 * coordinator and ISO week (the key makes a second tick of the same week record nothing), then the
 * sends. Returns how many were queued.
 */
export async function queueWeeklyDigests({ now = new Date(), queue }: { now?: Date; queue: JobQueue }) {
  if (!isDigestTime(now)) return 0
  const prisma = getPrisma()
  const coordinators = await prisma.user.findMany({
    where: {
      role: 'MANAGER',
      disabledAt: null,
      passwordHash: { not: null },
      administration: { weeklyDigest: true },
    },
    select: { id: true, administrationId: true },
  })
  const administrations = [...new Set(coordinators.map((coordinator) => coordinator.administrationId!))]
  const overdueIn = new Set(
    (
      await prisma.enrolment.groupBy({
        by: ['administrationId'],
        where: { administrationId: { in: administrations }, completedAt: null, dueAt: { lt: now } },
      })
    ).map((group) => group.administrationId),
  )
  const created = await prisma.mailDelivery.createManyAndReturn({
    data: coordinators
      .filter((coordinator) => coordinator.administrationId && overdueIn.has(coordinator.administrationId))
      .map((coordinator) => ({
        key: digestKey({ coordinatorId: coordinator.id, at: now }),
        kind: 'digest',
        administrationId: coordinator.administrationId!,
        recipientId: coordinator.id,
        createdAt: now,
      })),
    skipDuplicates: true,
    select: { id: true },
  })
  for (const { id } of created) await queue.send<MailDeliveryJob>(MAIL_DELIVERY_JOB, { deliveryId: id })
  return created.length
}
