// The background jobs of an app process (ADR 033): pg-boss with PostgreSQL, the in-process queue with
// PGlite; the e-mail job and the hourly digest tick. Every app process runs them: pg-boss hands each
// job to one of them.
import type { MailTranslator } from '~/modules/platform/link-mail'
import { createInProcessQueue, setJobQueue, type JobQueue, type RetryPolicy } from '~/modules/platform/job-queue'
import { getMailer } from '~/modules/platform/mailer.server'
import { startPgBossQueue } from '~/modules/platform/pg-boss-queue.server'
import {
  MAIL_DELIVERY_JOB,
  deliverMail,
  findUnclaimedDeliveries,
  type MailDeliveryJob,
} from '~/modules/reminders/delivery.server'
import { DIGEST_TICK_JOB, queueWeeklyDigests } from '~/modules/reminders/digest.server'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { MAIL_SEND_ATTEMPTS } from '~/modules/reminders/limits'

/** Rows this old and never claimed are sent again at start-up; older ones are stale news. */
const RESEND_WITHIN_MS = 12 * 3_600_000

export async function startJobs({ translate }: { translate: MailTranslator }): Promise<JobQueue> {
  const env = getEnv()
  const queue = env.DATABASE_URL
    ? await startPgBossQueue({ connectionString: env.DATABASE_URL })
    : createInProcessQueue({
        onGiveUp: (job, error) => logger.error({ err: error, job: job.name, jobId: job.id }, 'job given up'),
      })
  const mailRetries: RetryPolicy = {
    retryLimit: MAIL_SEND_ATTEMPTS - 1,
    retryDelaySeconds: env.JOB_RETRY_DELAY_SECONDS,
    backoff: true,
  }
  if (env.REMINDER_FAULT) logger.warn({ fault: env.REMINDER_FAULT }, 'test fault injection is on')
  const failAfterClaim = env.REMINDER_FAULT === 'fail-after-claim-once' ? (attempt: number) => attempt === 1 : undefined
  await queue.work<MailDeliveryJob>(MAIL_DELIVERY_JOB, mailRetries, async (job) => {
    try {
      const outcome = await deliverMail({
        deliveryId: job.data.deliveryId,
        mailer: getMailer(),
        translate,
        baseUrl: env.BASE_URL,
        failAfterClaim,
      })
      logger.info({ job: job.name, jobId: job.id, outcome }, 'mail job done')
    } catch (error) {
      // Retried by the queue; the log (and the reminders page's "trying again") shows it meanwhile.
      logger.warn({ err: error, job: job.name, jobId: job.id }, 'mail job failed, to be retried')
      throw error
    }
  })
  await queue.work(DIGEST_TICK_JOB, { retryLimit: 2, retryDelaySeconds: 60, backoff: true }, async () => {
    await queueWeeklyDigests({ queue })
  })
  await queue.scheduleHourly(DIGEST_TICK_JOB)
  setJobQueue(queue)
  const lost = await findUnclaimedDeliveries({ since: new Date(Date.now() - RESEND_WITHIN_MS) })
  for (const deliveryId of lost) await queue.send<MailDeliveryJob>(MAIL_DELIVERY_JOB, { deliveryId })
  logger.info({ engine: queue.engine, requeued: lost.length }, 'background jobs started')
  return queue
}
