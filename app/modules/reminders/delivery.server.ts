// Sending one recorded e-mail, at most once (ADR 033): claim the row, send, mark it sent. A retry finds
// the row claimed or sent and sends nothing; a failure known to have happened before the message left
// gives the claim back, so the retry may send.
import type { MailTranslator } from '~/modules/platform/link-mail'
import type { Mailer } from '~/modules/platform/mailer.server'
import { getPrisma } from '~/utils/db.server'
import { composeDeliveryMail } from './compose.server'

/** The job that sends one MailDelivery row. */
export const MAIL_DELIVERY_JOB = 'mail-delivery'

export interface MailDeliveryJob {
  deliveryId: string
}

/** The mail server refused or could not be reached: nothing left, the job is retried. */
export class MailNotSent extends Error {}

export type DeliveryOutcome = 'sent' | 'skipped' | 'gone'

/**
 * Claims the row (only an unclaimed, unsent one), composes the message, sends it and records it sent.
 * Throws, after giving the claim back, when the message certainly did not leave: the queue retries.
 * `failAfterClaim` is the test-only fault (REMINDER_FAULT, ADR 033): it fails an attempt between the
 * claim and the send, as a crash of the composer or a lost database connection would.
 */
export async function deliverMail({
  deliveryId,
  mailer,
  translate,
  baseUrl,
  now = () => new Date(),
  failAfterClaim = () => false,
}: {
  deliveryId: string
  mailer: Mailer
  translate: MailTranslator
  baseUrl: string
  now?: () => Date
  failAfterClaim?: (attempt: number) => boolean
}): Promise<DeliveryOutcome> {
  const prisma = getPrisma()
  const claimed = await prisma.mailDelivery.updateMany({
    where: { id: deliveryId, claimedAt: null, sentAt: null },
    data: { claimedAt: now(), attempts: { increment: 1 } },
  })
  if (claimed.count === 0) return (await prisma.mailDelivery.count({ where: { id: deliveryId } })) ? 'skipped' : 'gone'
  try {
    const delivery = await prisma.mailDelivery.findUniqueOrThrow({
      where: { id: deliveryId },
      select: { attempts: true },
    })
    if (failAfterClaim(delivery.attempts)) throw new Error('fault injected after the claim (REMINDER_FAULT)')
    const message = await composeDeliveryMail({ deliveryId, translate, baseUrl, now: now() })
    if (!message) {
      // The officer finished the course, or left, since the reminder was asked for: nothing to say.
      await prisma.mailDelivery.update({ where: { id: deliveryId }, data: { lastError: 'no longer due' } })
      return 'skipped'
    }
    const result = await mailer.send(message)
    if (!result.sent) throw new MailNotSent(result.reason)
  } catch (error) {
    // Nothing left this process: whoever runs next (this job's retry) may claim the row again.
    await prisma.mailDelivery.updateMany({
      where: { id: deliveryId, sentAt: null },
      data: { claimedAt: null, lastError: error instanceof Error ? error.message.slice(0, 200) : 'failed' },
    })
    throw error
  }
  // From here on the message has gone: a failure to record it leaves the row claimed, never re-sent.
  await prisma.mailDelivery.update({ where: { id: deliveryId }, data: { sentAt: now(), lastError: null } })
  return 'sent'
}

/**
 * Rows recorded but never claimed since `since`: jobs the in-process queue lost in a restart, or sent
 * to pg-boss by a process that stopped between the commit and the send. Sending them again is safe.
 */
export async function findUnclaimedDeliveries({ since }: { since: Date }) {
  const rows = await getPrisma().mailDelivery.findMany({
    where: { claimedAt: null, sentAt: null, createdAt: { gte: since }, lastError: null },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: 1000,
  })
  return rows.map((row) => row.id)
}
