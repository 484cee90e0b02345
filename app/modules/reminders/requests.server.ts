// A coordinator's reminders: recorded (one row per officer, course and day) and the sends queued, or,
// without a mail server, the messages composed for the coordinator to copy.
import { writeAudit } from '~/modules/audit/audit.server'
import { supportedLocale } from '~/i18n/config'
import type { MailTranslator } from '~/modules/platform/link-mail'
import { getJobQueue, type JobQueue } from '~/modules/platform/job-queue'
import { getPrisma } from '~/utils/db.server'
import { localizedName } from '~/i18n/localized'
import { MAIL_DELIVERY_JOB, type MailDeliveryJob } from './delivery.server'
import { MAIL_SEND_ATTEMPTS, MAX_REMINDERS_AT_ONCE } from './limits'
import { composeReminderMail, reminderKey } from './reminders'

/** The selected assignments that may be reminded of, found in the coordinator's administration only. */
async function selectedAssignments({
  administrationId,
  enrolmentIds,
}: {
  administrationId: string
  enrolmentIds: string[]
}) {
  const rows = await getPrisma().enrolment.findMany({
    where: {
      id: { in: enrolmentIds.slice(0, MAX_REMINDERS_AT_ONCE) },
      administrationId,
      completedAt: null,
      dueAt: { not: null },
      user: { administrationId, disabledAt: null },
      course: { status: 'PUBLISHED' },
    },
    select: {
      dueAt: true,
      user: { select: { id: true, displayName: true, email: true, preferredLocale: true } },
      course: { select: { id: true, slug: true, title: true } },
    },
    orderBy: [{ dueAt: 'asc' }, { user: { displayName: 'asc' } }],
  })
  return rows.map(({ user, ...row }) => ({ ...row, officer: user, dueAt: row.dueAt! }))
}

export interface ReminderNote {
  officer: string
  course: unknown
}

/**
 * Records a reminder for each selected assignment not reminded of today, with its audit entry, in one
 * transaction, then queues the sends. Today's reminder the queue gave up on (every attempt failed) is
 * asked for again: its row starts afresh. Those already reminded today come back as `skipped`.
 */
export async function requestReminders({
  administrationId,
  enrolmentIds,
  requestedById,
  now = new Date(),
  queue = getJobQueue(),
}: {
  administrationId: string
  enrolmentIds: string[]
  requestedById: string
  now?: Date
  queue?: JobQueue
}) {
  const selected = await selectedAssignments({ administrationId, enrolmentIds })
  const wanted = selected.map((row) => ({
    row,
    key: reminderKey({ officerId: row.officer.id, courseId: row.course.id, at: now }),
  }))
  const created = await getPrisma().$transaction(async (tx) => {
    const rows = await tx.mailDelivery.createManyAndReturn({
      data: wanted.map(({ row, key }) => ({
        key,
        kind: 'reminder',
        administrationId,
        recipientId: row.officer.id,
        courseId: row.course.id,
        dueAt: row.dueAt,
        requestedById,
        createdAt: now,
      })),
      skipDuplicates: true,
      select: { id: true, key: true, recipientId: true, dueAt: true },
    })
    // Given up: never sent, not being sent, tried as often as the queue tries. Still at most one e-mail.
    const retried = await tx.mailDelivery.updateManyAndReturn({
      where: {
        administrationId,
        key: { in: wanted.map(({ key }) => key) },
        sentAt: null,
        claimedAt: null,
        attempts: { gte: MAIL_SEND_ATTEMPTS },
      },
      data: { attempts: 0, lastError: null, requestedById },
      select: { id: true, key: true, recipientId: true, dueAt: true },
    })
    rows.push(...retried)
    const slugOf = new Map(wanted.map(({ row, key }) => [key, row.course.slug]))
    if (rows.length > 0)
      await writeAudit(
        rows.map((delivery) => ({
          actorId: requestedById,
          action: 'officer.reminder',
          targetType: 'User',
          targetId: delivery.recipientId,
          administrationId,
          details: { course: slugOf.get(delivery.key) ?? null, dueAt: delivery.dueAt?.toISOString() ?? null },
        })),
        tx,
      )
    return rows
  })
  // After the commit: a job must find its row. A send lost here is found again at start-up (ADR 033).
  for (const delivery of created) await queue.send<MailDeliveryJob>(MAIL_DELIVERY_JOB, { deliveryId: delivery.id })
  const queuedKeys = new Set(created.map((delivery) => delivery.key))
  const note = ({ row }: (typeof wanted)[number]): ReminderNote => ({
    officer: row.officer.displayName,
    course: row.course.title,
  })
  return {
    queued: wanted.filter(({ key }) => queuedKeys.has(key)).map(note),
    skipped: wanted.filter(({ key }) => !queuedKeys.has(key)).map(note),
  }
}

/**
 * Without a mail server: each selected officer's reminder, in their language, for the coordinator to
 * copy into whatever reaches them. Nothing is sent, so nothing is throttled; the audit log records it.
 */
export async function prepareReminderMessages({
  administrationId,
  enrolmentIds,
  requestedById,
  translate,
  baseUrl,
  now = new Date(),
}: {
  administrationId: string
  enrolmentIds: string[]
  requestedById: string
  translate: MailTranslator
  baseUrl: string
  now?: Date
}) {
  const selected = await selectedAssignments({ administrationId, enrolmentIds })
  if (selected.length > 0)
    await writeAudit(
      selected.map((row) => ({
        actorId: requestedById,
        action: 'officer.reminder_prepared',
        targetType: 'User',
        targetId: row.officer.id,
        administrationId,
        details: { course: row.course.slug, dueAt: row.dueAt.toISOString() },
      })),
    )
  return selected.map((row) => {
    const locale = supportedLocale(row.officer.preferredLocale)
    const mail = composeReminderMail({
      t: translate(locale),
      locale,
      name: row.officer.displayName,
      course: localizedName(row.course.title, locale),
      courseSlug: row.course.slug,
      dueAt: row.dueAt,
      now,
      baseUrl,
    })
    return {
      officer: row.officer.displayName,
      email: row.officer.email,
      locale,
      subject: mail.subject,
      text: mail.text,
    }
  })
}
