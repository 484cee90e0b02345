// The supervisor when several app processes serve requests (PostgreSQL only): it brings the database
// up to date once, then forks the workers, which share the port. One Node thread renders about 20
// learners' pages a second; a second core doubles that for a spike such as an exam start.
import cluster, { type Worker } from 'node:cluster'
import { prepareDatabase } from '~/setup/startup.server'
import { getDatabase } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'

/** A worker that dies this soon after it started is failing to boot: don't fork it in a loop. */
const CRASH_LOOP_MS = 5_000

export async function superviseWorkers(count: number) {
  await prepareDatabase()
  await getDatabase().close()

  let stopping = false
  let exitCode = 0
  const startedAt = new Map<Worker, number>()
  const fork = () => startedAt.set(cluster.fork(), Date.now())

  cluster.on('exit', (worker, code, signal) => {
    const livedMs = Date.now() - (startedAt.get(worker) ?? 0)
    startedAt.delete(worker)
    if (stopping) {
      if (startedAt.size === 0) process.exit(exitCode)
      return
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'app process died')
    if (livedMs < CRASH_LOOP_MS) {
      logger.fatal('app process died while starting: stopping the server')
      void stop(1)
      return
    }
    fork()
  })

  async function stop(code: number) {
    if (stopping) return
    stopping = true
    exitCode = code
    // Each worker drains its requests and closes its pool (main.ts); give them the same 10 s and a little more.
    setTimeout(() => process.exit(1), 12_000).unref()
    if (startedAt.size === 0) process.exit(exitCode)
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM')
  }

  process.on('SIGTERM', () => void stop(0))
  process.on('SIGINT', () => void stop(0))
  for (let i = 0; i < count; i++) fork()
  logger.info({ processes: count }, 'app processes started')
}
