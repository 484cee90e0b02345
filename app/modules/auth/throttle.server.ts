import { getPrisma } from '~/utils/db.server'
import {
  KNOWN_NETWORK_MS,
  THROTTLE_COUNTERS,
  THROTTLE_POLICIES,
  lockSeconds,
  throttleKeys,
  throttleWait,
  type ThrottleCounter,
  type ThrottlePolicy,
  type ThrottleRow,
} from './throttle'

interface Guessing {
  email: string
  ip: string
  now?: Date
}

export type PasswordCheck = { status: 'ok' } | { status: 'wrong' } | { status: 'throttled'; retryAfterSeconds: number }

/**
 * Runs `check` (does the password fit?) under the throttle and counts a wrong answer (recordFailure).
 * A throttled caller gets no answer at all, right password or not. The login
 * form and every page that asks for the current password go through here, so they share one budget.
 */
export async function checkPasswordThrottled({
  email,
  ip,
  now = new Date(),
  check,
}: Guessing & { check: () => Promise<boolean> }): Promise<PasswordCheck> {
  const retryAfterSeconds = await getThrottleDelay({ email, ip, now })
  if (retryAfterSeconds > 0) return { status: 'throttled', retryAfterSeconds }
  if (!(await check())) {
    await recordFailure({ email, ip, now })
    return { status: 'wrong' }
  }
  await recordSuccess({ email, ip, now })
  return { status: 'ok' }
}

/** Seconds the caller must still wait (0 = go ahead). */
export async function getThrottleDelay({ email, ip, now = new Date() }: Guessing) {
  const keys = throttleKeys({ email, ip })
  const found = await getPrisma().loginThrottle.findMany({
    where: { key: { in: Object.values(keys) } },
    select: { key: true, lockedUntil: true, lastSuccessAt: true },
  })
  const byKey = new Map(found.map((row) => [row.key, row]))
  const rows: Partial<Record<ThrottleCounter, ThrottleRow>> = {}
  for (const counter of THROTTLE_COUNTERS) rows[counter] = byKey.get(keys[counter])
  return throttleWait({ rows, now })
}

/**
 * Counts a failure against the pair, and against the account and the network while the pair is still
 * within its free failures: beyond them the pair's own lock holds that network back, and counting on
 * would let one persistent network lock the owner out everywhere (ADR 015).
 */
export async function recordFailure({ email, ip, now = new Date() }: Guessing) {
  const keys = throttleKeys({ email, ip })
  const pairFailures = await countFailure({ key: keys.pair, policy: THROTTLE_POLICIES.pair, now })
  if (pairFailures <= THROTTLE_POLICIES.pair.freeFailures) {
    await countFailure({ key: keys.account, policy: THROTTLE_POLICIES.account, now })
    await countFailure({ key: keys.network, policy: THROTTLE_POLICIES.network, now })
  }
  // One failure in a thousand also forgets counters nobody has touched for long, so the table holds recent ones only.
  if (Math.random() < 0.001) await pruneLoginThrottles({ now })
}

/** One failure, atomically in the database so that every app instance sees the same counter. */
async function countFailure({ key, policy, now }: { key: string; policy: ThrottlePolicy; now: Date }) {
  const prisma = getPrisma()
  const windowStart = new Date(now.getTime() - policy.windowMs)
  const [row] = await prisma.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "updatedAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."updatedAt" < ${windowStart} THEN 1
                        ELSE "LoginThrottle"."failures" + 1 END,
      "updatedAt" = ${now}
    RETURNING "failures"`
  const failures = row?.failures ?? 1
  const seconds = lockSeconds({ failures, policy })
  if (seconds > 0) {
    await prisma.loginThrottle.update({
      where: { key },
      data: { lockedUntil: new Date(now.getTime() + seconds * 1000) },
      select: { key: true },
    })
  }
  return failures
}

/**
 * A correct password forgets the pair's typos and makes this network the owner's known one. The
 * account's and the network's counters stay: other people's guesses are not forgiven by the owner's success.
 */
export async function recordSuccess({ email, ip, now = new Date() }: Guessing) {
  const { pair } = throttleKeys({ email, ip })
  const fresh = { failures: 0, lockedUntil: null, lastSuccessAt: now, updatedAt: now }
  await getPrisma().loginThrottle.upsert({
    where: { key: pair },
    create: { key: pair, ...fresh },
    update: fresh,
    select: { key: true },
  })
}

const LONGEST_WINDOW_MS = Math.max(...Object.values(THROTTLE_POLICIES).map((policy) => policy.windowMs))

/** Deletes counters with no recent failure, no lock running and no recent correct password. */
export async function pruneLoginThrottles({ now = new Date() }: { now?: Date } = {}) {
  await getPrisma().loginThrottle.deleteMany({
    where: {
      updatedAt: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      AND: [{ OR: [{ lastSuccessAt: null }, { lastSuccessAt: { lt: new Date(now.getTime() - KNOWN_NETWORK_MS) } }] }],
    },
  })
}
