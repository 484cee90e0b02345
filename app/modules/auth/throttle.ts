export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  freeFailures: number
  baseDelaySeconds: number
  maxDelaySeconds: number
}

// One account: a few typos are free, then the wait doubles (2 s, 4 s, 8 s … 15 min).
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 4, baseDelaySeconds: 2, maxDelaySeconds: 900 }
// One IP: a border post's officers may share one address behind NAT, so allow far more.
export const IP_POLICY: ThrottlePolicy = { freeFailures: 30, baseDelaySeconds: 2, maxDelaySeconds: 900 }
/** Failures older than this no longer count. */
export const THROTTLE_WINDOW_MS = 60 * 60 * 1000

export function lockSeconds({ failures, policy }: { failures: number; policy: ThrottlePolicy }): number {
  if (failures <= policy.freeFailures) return 0
  const exponent = Math.min(failures - policy.freeFailures - 1, 20)
  return Math.min(policy.baseDelaySeconds * 2 ** exponent, policy.maxDelaySeconds)
}

export function secondsUntil({ until, now }: { until: Date | null; now: Date }): number {
  if (!until) return 0
  return Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000))
}
