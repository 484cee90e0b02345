import { PgBoss } from 'pg-boss'
import { logger } from '~/utils/logger.server'
import type { JobQueue } from './job-queue'

/**
 * The queue with PostgreSQL: pg-boss keeps the jobs in its own schema (`pgboss`, created on first
 * start), so they survive a restart and any app process may run them (SKIP LOCKED). A handler that
 * throws is retried by pg-boss with the queue's policy; one that never returns expires and is retried.
 */
export async function startPgBossQueue({ connectionString }: { connectionString: string }): Promise<JobQueue> {
  // A few connections of its own, beside the app's pool (ADR 009 keeps all processes within 80).
  const boss = new PgBoss({ connectionString, max: 3, application_name: 'lms-jobs' })
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'))
  await boss.start()
  return {
    engine: 'pg-boss',
    async work(name, { retryLimit, retryDelaySeconds, backoff }, handler) {
      await boss.createQueue(name, {
        retryLimit,
        retryDelay: retryDelaySeconds,
        retryBackoff: backoff,
        retryDelayMax: 3600,
        expireInSeconds: 120,
      })
      await boss.work<Parameters<typeof handler>[0]['data']>(
        name,
        { pollingIntervalSeconds: 1, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) await handler({ id: job.id, name, data: job.data })
        },
      )
    },
    async send(name, data) {
      const id = await boss.send(name, data)
      if (!id) throw new Error(`pg-boss did not take the job "${name}"`)
      return id
    },
    async scheduleHourly(name) {
      await boss.createQueue(name).catch(() => {})
      await boss.schedule(name, '0 * * * *')
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 8_000 })
    },
  }
}
