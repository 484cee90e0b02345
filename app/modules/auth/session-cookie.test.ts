import { describe, expect, it } from 'vitest'
import { clearedSessionCookie, readSessionToken, sessionCookie } from './session-cookie'

const token = 'abcdefghijklmnopqrstuvwxyz234567'

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ and Secure only when asked', () => {
    const expiresAt = new Date('2026-12-23T00:00:00Z')
    const plain = sessionCookie({ token, expiresAt, secure: false })
    expect(plain).toContain('HttpOnly')
    expect(plain).toContain('SameSite=Lax')
    expect(plain).toContain('Path=/')
    expect(plain).not.toContain('Secure')
    expect(sessionCookie({ token, expiresAt, secure: true })).toContain('Secure')
  })

  it('is cleared with an immediate expiry', () => {
    expect(clearedSessionCookie({ secure: false })).toMatch(/^lms_session=; Max-Age=0/)
  })

  it('reads only well-formed tokens', () => {
    expect(readSessionToken(`lng=ru; lms_session=${token}`)).toBe(token)
    expect(readSessionToken(`lms_session=${token.toUpperCase()}`)).toBeNull()
    expect(readSessionToken(`lms_session=x' OR 1=1`)).toBeNull()
    expect(readSessionToken(undefined)).toBeNull()
  })
})
