import { describe, expect, it } from 'vitest'
import { SESSION_LIFETIME_MS, judgeSession } from './session-policy'

const now = new Date('2026-11-23T10:00:00Z')
const hours = (n: number) => n * 60 * 60 * 1000
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs)
const base = { userDisabled: false, idleTimeoutMs: hours(72), now }

describe('judgeSession', () => {
  it('accepts a fresh session without renewing or writing', () => {
    expect(judgeSession({ ...base, expiresAt: at(SESSION_LIFETIME_MS - 1000), lastSeenAt: at(-1000) })).toEqual({
      valid: true,
      renewTo: null,
      touch: false,
    })
  })

  it('slides the expiry forward once less than half the lifetime is left', () => {
    const verdict = judgeSession({ ...base, expiresAt: at(hours(24)), lastSeenAt: at(-1000) })
    expect(verdict).toEqual({ valid: true, renewTo: at(SESSION_LIFETIME_MS), touch: true })
  })

  it('rejects an expired session', () => {
    expect(judgeSession({ ...base, expiresAt: at(0), lastSeenAt: at(-1000) })).toEqual({
      valid: false,
      reason: 'expired',
    })
  })

  it('rejects a session left idle longer than the idle timeout', () => {
    expect(judgeSession({ ...base, expiresAt: at(hours(500)), lastSeenAt: at(-hours(72)) })).toEqual({
      valid: false,
      reason: 'idle',
    })
  })

  it('rejects any session of a disabled user', () => {
    expect(judgeSession({ ...base, userDisabled: true, expiresAt: at(hours(500)), lastSeenAt: at(-1000) })).toEqual({
      valid: false,
      reason: 'disabled',
    })
  })

  it('records activity every few minutes, not on every request', () => {
    const verdict = judgeSession({ ...base, expiresAt: at(SESSION_LIFETIME_MS - 1000), lastSeenAt: at(-10 * 60_000) })
    expect(verdict).toMatchObject({ valid: true, touch: true, renewTo: null })
  })
})
