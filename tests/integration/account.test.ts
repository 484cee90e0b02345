// My account asks for the current password: the same throttle as the login form, the same counters.
import { describe, expect, it } from 'vitest'
import { changePassword } from '~/modules/auth/account.server'
import { attemptLogin } from '~/modules/auth/login.server'
import { hashPassword, verifyPassword } from '~/modules/auth/password.server'
import { getPrisma } from '~/utils/db.server'

const CURRENT = 'current password 1'
const now = new Date('2026-11-23T10:00:00Z')

async function makeUser(email: string) {
  return getPrisma().user.create({
    data: { email, displayName: email, passwordHash: await hashPassword(CURRENT) },
    select: { id: true },
  })
}

function change(userId: string, currentPassword: string, ip: string) {
  return changePassword({ userId, ip, currentPassword, newPassword: 'a brand new password 2', now })
}

async function passwordIs(userId: string, password: string) {
  const user = await getPrisma().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })
  return verifyPassword({ hash: user.passwordHash, password })
}

describe('changing the password on My account', () => {
  it('throttles guesses at the current password, then refuses even the right one for a while', async () => {
    const user = await makeUser('stolen-session@account.test')
    const outcomes = []
    for (let i = 0; i < 8; i++) outcomes.push((await change(user.id, `guess ${i}`, '10.20.0.1')).status)
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('wrong-password'))
    expect(outcomes.slice(5)).toEqual(Array(3).fill('throttled'))
    expect(await change(user.id, CURRENT, '10.20.0.1')).toEqual({ status: 'throttled', retryAfterSeconds: 2 })
    expect(await passwordIs(user.id, CURRENT)).toBe(true)
  })

  it('counts its failures against the same account as the login form, both ways', async () => {
    const email = 'shared-budget@account.test'
    const user = await makeUser(email)
    for (let i = 0; i < 5; i++) await change(user.id, `guess ${i}`, '10.21.0.1')
    const login = await attemptLogin({ email, password: CURRENT, ip: '10.21.0.1', now })
    expect(login.status).toBe('throttled')

    const other = await makeUser('login-first@account.test')
    for (let i = 0; i < 5; i++) {
      await attemptLogin({ email: 'login-first@account.test', password: `guess ${i}`, ip: '10.21.0.2', now })
    }
    expect((await change(other.id, CURRENT, '10.21.0.2')).status).toBe('throttled')
  })

  it('changes the password when the current one is right and the caller is not throttled', async () => {
    const user = await makeUser('fine@account.test')
    expect((await change(user.id, 'one typo', '10.22.0.1')).status).toBe('wrong-password')
    expect((await change(user.id, CURRENT, '10.22.0.1')).status).toBe('ok')
    expect(await passwordIs(user.id, 'a brand new password 2')).toBe(true)
  })
})
