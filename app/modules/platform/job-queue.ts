// Background jobs (DESIGN §10, ADR 033): one interface, two engines. With PostgreSQL, pg-boss keeps
// the jobs in the database (pg-boss-queue.server.ts); with the embedded PGlite, which lives inside one
// process, this small queue keeps them in memory. Both retry a failed job with growing delays; what a
// job does must be safe to run twice (the job decides how: ADR 033 for e-mails).
import { randomUUID } from 'node:crypto'
import { singleton } from '~/utils/singleton.server'

export interface Job<Data> {
  id: string
  name: string
  data: Data
}

/** Throws to have the job retried. */
export type JobHandler<Data> = (job: Job<Data>) => Promise<void>

export interface RetryPolicy {
  /** Runs after the first one; the job is given up after 1 + retryLimit runs. */
  retryLimit: number
  retryDelaySeconds: number
  /** Doubles the delay after each failure (pg-boss's retryBackoff). */
  backoff: boolean
}

export interface JobQueue {
  engine: 'pg-boss' | 'in-process'
  /** Registers the handler of a kind of job (and creates its queue). */
  work<Data extends object>(name: string, policy: RetryPolicy, handler: JobHandler<Data>): Promise<void>
  send<Data extends object>(name: string, data: Data): Promise<string>
  /** Sends `name` (with no data) at the top of every hour, once for all app processes. */
  scheduleHourly(name: string): Promise<void>
  /** Stops taking jobs and waits for the ones running. */
  stop(): Promise<void>
}

/** Time, replaceable in tests: the delays are then advanced by hand instead of waited for. */
export interface Clock {
  now(): number
  setTimer(run: () => void, ms: number): unknown
  clearTimer(timer: unknown): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (run, ms) => setTimeout(run, ms).unref(),
  clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
}

/** The delay before retry number `retry` (1 = the first retry). */
export function retryDelayMs(policy: RetryPolicy, retry: number) {
  const factor = policy.backoff ? 2 ** (retry - 1) : 1
  return Math.min(policy.retryDelaySeconds * factor, 3600) * 1000
}

const HOUR_MS = 3_600_000

/**
 * The queue for one process with the embedded database. Jobs live in memory: a restart loses the ones
 * waiting, which is why whatever they were for is recorded in the database first and found again at
 * start-up (ADR 033). `onGiveUp` hears of a job that failed its last retry.
 */
export function createInProcessQueue({
  clock = systemClock,
  onGiveUp = () => {},
}: {
  clock?: Clock
  onGiveUp?: (job: Job<unknown>, error: unknown) => void
} = {}) {
  const workers = new Map<string, { policy: RetryPolicy; handler: JobHandler<object> }>()
  const timers = new Set<unknown>()
  const running = new Set<Promise<void>>()
  let stopped = false

  function later(run: () => void, ms: number) {
    const timer = clock.setTimer(() => {
      timers.delete(timer)
      if (!stopped) run()
    }, ms)
    timers.add(timer)
  }

  function runJob(job: Job<object>, retries: number) {
    const worker = workers.get(job.name)
    if (!worker) throw new Error(`no worker for the job "${job.name}"`)
    const run = worker
      .handler(job)
      .catch((error: unknown) => {
        if (retries >= worker.policy.retryLimit) return onGiveUp(job, error)
        later(() => runJob(job, retries + 1), retryDelayMs(worker.policy, retries + 1))
      })
      .finally(() => running.delete(run))
    running.add(run)
  }

  const queue: JobQueue & { settled(): Promise<void> } = {
    engine: 'in-process',
    async work(name, policy, handler) {
      workers.set(name, { policy, handler: handler as JobHandler<object> })
    },
    async send(name, data) {
      if (stopped) throw new Error('the job queue has stopped')
      if (!workers.has(name)) throw new Error(`no worker for the job "${name}"`)
      const job = { id: randomUUID(), name, data }
      later(() => runJob(job, 0), 0)
      return job.id
    },
    async scheduleHourly(name) {
      const tick = () => {
        void queue.send(name, {})
        later(tick, HOUR_MS - (clock.now() % HOUR_MS))
      }
      later(tick, HOUR_MS - (clock.now() % HOUR_MS))
    },
    async stop() {
      stopped = true
      for (const timer of timers) clock.clearTimer(timer)
      timers.clear()
      await Promise.allSettled([...running])
    },
    /** Waits until no job is running (jobs waiting for a timer do not count): for tests. */
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running])
    },
  }
  return queue
}

/** The process's queue, once server/jobs.ts has started one: route actions send to it. */
export function setJobQueue(queue: JobQueue | null) {
  singleton<{ queue: JobQueue | null }>('job-queue', () => ({ queue: null })).queue = queue
}

export function getJobQueue(): JobQueue {
  const { queue } = singleton<{ queue: JobQueue | null }>('job-queue', () => ({ queue: null }))
  if (!queue) throw new Error('no job queue has been started in this process')
  return queue
}
