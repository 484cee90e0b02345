import { getPrisma } from '~/utils/db.server'

export interface RateLimitPolicy {
  /** Requests allowed per window. */
  limit: number
  windowMs: number
}

/**
 * Counts one request against `key` in a fixed window, in the database so that every app process
 * shares the count; one statement. Returns the seconds to wait when over the limit, else 0.
 */
export async function hitRateLimit({
  key,
  policy,
  now = new Date(),
}: {
  key: string
  policy: RateLimitPolicy
  now?: Date
}) {
  const windowFloor = new Date(now.getTime() - policy.windowMs)
  const [row] = await getPrisma().$queryRaw<{ hits: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "hits") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor} THEN 1 ELSE "RateLimit"."hits" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "hits", "windowStart"`
  // One check in a thousand also forgets windows that ended long ago, so the table holds only recent visitors.
  if (Math.random() < 0.001) await pruneRateLimits({ now })
  if (!row || row.hits <= policy.limit) return 0
  return Math.max(1, Math.ceil((row.windowStart.getTime() + policy.windowMs - now.getTime()) / 1000))
}

/** Deletes the counters of windows that ended more than a day ago. */
export async function pruneRateLimits({ olderThanMs = 86_400_000, now = new Date() } = {}) {
  await getPrisma().rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - olderThanMs) } } })
}
