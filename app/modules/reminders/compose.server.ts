import { supportedLocale } from '~/i18n/config'
import { localizedName } from '~/i18n/localized'
import type { MailTranslator } from '~/modules/platform/link-mail'
import type { MailMessage } from '~/modules/platform/mailer.server'
import { getPrisma } from '~/utils/db.server'
import { listOverdue } from './candidates.server'
import { composeDigestMail, composeReminderMail, DIGEST_LIST_LIMIT } from './reminders'

/**
 * The message of a MailDelivery row, composed when it is sent (in the recipient's language of that
 * moment), or null when there is nothing left to say: the course was completed, the officer or the
 * coordinator deactivated, or no officer is overdue any more.
 */
export async function composeDeliveryMail({
  deliveryId,
  translate,
  baseUrl,
  now,
}: {
  deliveryId: string
  translate: MailTranslator
  baseUrl: string
  now: Date
}): Promise<MailMessage | null> {
  const delivery = await getPrisma().mailDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: {
      kind: true,
      courseId: true,
      administrationId: true,
      administration: { select: { code: true, name: true } },
      recipient: {
        select: { id: true, email: true, displayName: true, preferredLocale: true, disabledAt: true },
      },
      course: { select: { slug: true, title: true } },
    },
  })
  const { recipient } = delivery
  if (recipient.disabledAt) return null
  const locale = supportedLocale(recipient.preferredLocale)
  const to = { name: recipient.displayName, address: recipient.email }
  if (delivery.kind === 'reminder' && delivery.course && delivery.courseId) {
    const enrolment = await getPrisma().enrolment.findFirst({
      where: {
        userId: recipient.id,
        courseId: delivery.courseId,
        administrationId: delivery.administrationId,
        completedAt: null,
      },
      select: { dueAt: true },
    })
    if (!enrolment?.dueAt) return null
    const mail = composeReminderMail({
      t: translate(locale),
      locale,
      name: recipient.displayName,
      course: localizedName(delivery.course.title, locale),
      courseSlug: delivery.course.slug,
      dueAt: enrolment.dueAt,
      now,
      baseUrl,
    })
    return { ...mail, to, kind: 'reminder' }
  }
  if (delivery.kind === 'digest') {
    const { total, rows } = await listOverdue({
      administrationId: delivery.administrationId,
      now,
      limit: DIGEST_LIST_LIMIT,
    })
    if (total === 0) return null
    const mail = composeDigestMail({
      t: translate(locale),
      locale,
      name: recipient.displayName,
      administration: localizedName(delivery.administration.name, locale),
      administrationCode: delivery.administration.code,
      overdue: rows.map((row) => ({
        officer: row.officer.displayName,
        course: localizedName(row.course.title, locale),
        dueAt: row.dueAt,
      })),
      total,
      now,
      baseUrl,
    })
    return { ...mail, to, kind: 'reminder-digest' }
  }
  throw new Error(`a mail delivery of an unknown kind: ${delivery.kind}`)
}
