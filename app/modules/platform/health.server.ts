import { getPrisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'

const TIMEOUT_MS = 2_000

/** True when the database answers a trivial query within two seconds. */
export async function checkDatabase(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database health check timed out')), TIMEOUT_MS)
  })
  try {
    await Promise.race([getPrisma().$queryRaw`SELECT 1`, timeout])
    return true
  } catch (error) {
    logger.warn({ err: error }, 'health check failed')
    return false
  } finally {
    clearTimeout(timer)
  }
}
