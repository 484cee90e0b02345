import { describe, expect, it } from 'vitest'
import { ACCOUNT_POLICY, IP_POLICY, lockSeconds, secondsUntil } from './throttle'

describe('lockSeconds', () => {
  it('lets the first few failures through without delay', () => {
    expect([1, 2, 3, 4].map((failures) => lockSeconds({ failures, policy: ACCOUNT_POLICY }))).toEqual([0, 0, 0, 0])
  })

  it('doubles the delay with each further failure up to the cap', () => {
    expect([5, 6, 7, 8].map((failures) => lockSeconds({ failures, policy: ACCOUNT_POLICY }))).toEqual([2, 4, 8, 16])
    expect(lockSeconds({ failures: 500, policy: ACCOUNT_POLICY })).toBe(900)
  })

  it('is far more tolerant per IP than per account', () => {
    expect(lockSeconds({ failures: 10, policy: IP_POLICY })).toBe(0)
  })
})

describe('secondsUntil', () => {
  const now = new Date('2026-11-23T10:00:00Z')
  it('rounds up so Retry-After is never 0 while locked', () => {
    expect(secondsUntil({ until: new Date(now.getTime() + 1200), now })).toBe(2)
    expect(secondsUntil({ until: new Date(now.getTime() - 1), now })).toBe(0)
    expect(secondsUntil({ until: null, now })).toBe(0)
  })
})
