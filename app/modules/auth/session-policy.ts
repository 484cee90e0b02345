const DAY_MS = 24 * 60 * 60 * 1000

/** A session lives 30 days from its last renewal (Lucia's sliding window). */
export const SESSION_LIFETIME_MS = 30 * DAY_MS
/** Renew once less than half the lifetime is left, so an active user is never logged out. */
const RENEW_WHEN_LEFT_MS = SESSION_LIFETIME_MS / 2
/** `lastSeenAt` is written at most this often, to keep reads from turning into writes. */
const TOUCH_EVERY_MS = 5 * 60 * 1000

export type SessionVerdict =
  { valid: false; reason: 'expired' | 'idle' | 'disabled' } | { valid: true; renewTo: Date | null; touch: boolean }

export function judgeSession({
  expiresAt,
  lastSeenAt,
  userDisabled,
  idleTimeoutMs,
  now,
}: {
  expiresAt: Date
  lastSeenAt: Date
  userDisabled: boolean
  idleTimeoutMs: number
  now: Date
}): SessionVerdict {
  if (userDisabled) return { valid: false, reason: 'disabled' }
  if (now.getTime() >= expiresAt.getTime()) return { valid: false, reason: 'expired' }
  if (now.getTime() - lastSeenAt.getTime() >= idleTimeoutMs) return { valid: false, reason: 'idle' }
  const renew = expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS
  return {
    valid: true,
    renewTo: renew ? new Date(now.getTime() + SESSION_LIFETIME_MS) : null,
    touch: renew || now.getTime() - lastSeenAt.getTime() >= TOUCH_EVERY_MS,
  }
}
