import { getPrisma } from '~/utils/db.server'
import {
  ACCOUNT_POLICY,
  IP_POLICY,
  THROTTLE_WINDOW_MS,
  lockSeconds,
  secondsUntil,
  type ThrottlePolicy,
} from './throttle'

export interface ThrottleKey {
  key: string
  policy: ThrottlePolicy
}

export function loginThrottleKeys({ email, ip }: { email: string; ip: string }): ThrottleKey[] {
  return [
    { key: `account:${email}`, policy: ACCOUNT_POLICY },
    { key: `ip:${ip}`, policy: IP_POLICY },
  ]
}

/** Seconds the caller must still wait (0 = go ahead). */
export async function getThrottleDelay({ keys, now = new Date() }: { keys: ThrottleKey[]; now?: Date }) {
  const rows = await getPrisma().loginThrottle.findMany({
    where: { key: { in: keys.map((entry) => entry.key) } },
    select: { lockedUntil: true },
  })
  return Math.max(0, ...rows.map((row) => secondsUntil({ until: row.lockedUntil, now })))
}

/** Counts a failure atomically in the database, so every app instance sees the same counter. */
export async function recordFailure({ keys, now = new Date() }: { keys: ThrottleKey[]; now?: Date }) {
  const prisma = getPrisma()
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS)
  for (const { key, policy } of keys) {
    const [row] = await prisma.$queryRaw<{ failures: number }[]>`
      INSERT INTO "LoginThrottle" ("key", "failures", "updatedAt") VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."updatedAt" < ${windowStart} THEN 1
                          ELSE "LoginThrottle"."failures" + 1 END,
        "updatedAt" = ${now}
      RETURNING "failures"`
    const seconds = lockSeconds({ failures: row?.failures ?? 1, policy })
    if (seconds > 0) {
      await prisma.loginThrottle.update({
        where: { key },
        data: { lockedUntil: new Date(now.getTime() + seconds * 1000) },
        select: { key: true },
      })
    }
  }
}

export async function clearThrottle({ key }: { key: string }) {
  await getPrisma().loginThrottle.deleteMany({ where: { key } })
}
