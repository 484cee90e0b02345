import { describe, expect, it } from 'vitest'
import { changePassword } from '~/modules/auth/account.server'
import { hashPassword } from '~/modules/auth/password.server'
import { SESSION_LIFETIME_MS } from '~/modules/auth/session-policy'
import {
  createSession,
  invalidateSession,
  sessionIdFromToken,
  validateSessionToken,
} from '~/modules/auth/session.server'
import { getPrisma } from '~/utils/db.server'

let counter = 0
async function makeUser(password = 'correct horse battery') {
  counter += 1
  return getPrisma().user.create({
    data: {
      email: `officer${counter}@sessions.test`,
      displayName: `Officer ${counter}`,
      passwordHash: await hashPassword(password),
    },
    select: { id: true },
  })
}

describe('sessions', () => {
  it('stores only the SHA-256 of the token, never the token', async () => {
    const user = await makeUser()
    const { token } = await createSession({ userId: user.id })
    expect(token).toMatch(/^[a-z2-7]{32}$/) // 160 bits
    const rows = await getPrisma().session.findMany({ where: { userId: user.id } })
    expect(rows).toHaveLength(1)
    expect(rows[0]!.id).toBe(sessionIdFromToken(token))
    expect(JSON.stringify(rows)).not.toContain(token)
  })

  it('resolves a valid token to its user and rejects it after logout', async () => {
    const user = await makeUser()
    const { token } = await createSession({ userId: user.id })
    const session = await validateSessionToken({ token })
    expect(session?.user.id).toBe(user.id)
    expect(session?.user).not.toHaveProperty('passwordHash')
    await invalidateSession({ sessionId: session!.sessionId })
    expect(await validateSessionToken({ token })).toBeNull()
  })

  it('slides the expiry forward for an active user', async () => {
    const user = await makeUser()
    const created = new Date('2026-01-01T00:00:00Z')
    const { token } = await createSession({ userId: user.id, now: created })
    const later = new Date(created.getTime() + 20 * 24 * 3600 * 1000)
    // Idle timeout would otherwise end it: mark recent activity.
    await getPrisma().session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: later } })
    const session = await validateSessionToken({ token, now: later })
    expect(session?.renewedExpiresAt).toEqual(new Date(later.getTime() + SESSION_LIFETIME_MS))
    const stored = await getPrisma().session.findFirstOrThrow({ where: { userId: user.id } })
    expect(stored.expiresAt).toEqual(session?.renewedExpiresAt)
  })

  it('ends a session left idle beyond the idle timeout and deletes it', async () => {
    const user = await makeUser()
    const start = new Date()
    const { token } = await createSession({ userId: user.id, now: start })
    expect(await validateSessionToken({ token, now: new Date(start.getTime() + 73 * 3600 * 1000) })).toBeNull()
    expect(await getPrisma().session.count({ where: { userId: user.id } })).toBe(0)
  })

  it('logs a disabled user out on the next request', async () => {
    const user = await makeUser()
    const { token } = await createSession({ userId: user.id })
    await getPrisma().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
    expect(await validateSessionToken({ token })).toBeNull()
    expect(await getPrisma().session.count({ where: { userId: user.id } })).toBe(0)
  })

  it('ends every old session when the password changes, and opens a new one', async () => {
    const user = await makeUser('old password 1234')
    const phone = await createSession({ userId: user.id })
    const desk = await createSession({ userId: user.id })
    const outcome = await changePassword({
      userId: user.id,
      ip: '10.9.0.1',
      currentPassword: 'old password 1234',
      newPassword: 'new password 5678',
    })
    expect(outcome.status).toBe('ok')
    expect(await validateSessionToken({ token: phone.token })).toBeNull()
    expect(await validateSessionToken({ token: desk.token })).toBeNull()
    if (outcome.status !== 'ok') return
    expect((await validateSessionToken({ token: outcome.token }))?.user.id).toBe(user.id)
  })

  it('refuses a password change with the wrong current password and keeps the sessions', async () => {
    const user = await makeUser('old password 1234')
    const { token } = await createSession({ userId: user.id })
    const outcome = await changePassword({
      userId: user.id,
      ip: '10.9.0.1',
      currentPassword: 'guess',
      newPassword: 'new password 5678',
    })
    expect(outcome).toEqual({ status: 'wrong-password' })
    expect(await validateSessionToken({ token })).not.toBeNull()
  })
})
