import { describe, expect, it } from 'vitest'
import { attemptLogin } from '~/modules/auth/login.server'
import { hashPassword } from '~/modules/auth/password.server'
import { getPrisma } from '~/utils/db.server'

async function makeUser(email: string, password: string) {
  await getPrisma().user.create({
    data: { email, displayName: email, passwordHash: await hashPassword(password) },
    select: { id: true },
  })
}

describe('attemptLogin', () => {
  it('logs in with the right password', async () => {
    await makeUser('ok@login.test', 'right password 1')
    const outcome = await attemptLogin({ email: 'ok@login.test', password: 'right password 1', ip: '10.0.0.1' })
    expect(outcome).toMatchObject({ status: 'ok', user: { email: 'ok@login.test' } })
  })

  it('answers a wrong password and an unknown email identically', async () => {
    await makeUser('known@login.test', 'right password 1')
    const wrong = await attemptLogin({ email: 'known@login.test', password: 'wrong', ip: '10.0.0.2' })
    const unknown = await attemptLogin({ email: 'nobody@login.test', password: 'wrong', ip: '10.0.0.3' })
    expect(wrong).toEqual({ status: 'invalid' })
    expect(unknown).toEqual(wrong)
  })

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    await makeUser('gone@login.test', 'right password 1')
    await getPrisma().user.update({ where: { email: 'gone@login.test' }, data: { disabledAt: new Date() } })
    expect(await attemptLogin({ email: 'gone@login.test', password: 'right password 1', ip: '10.0.0.4' })).toEqual({
      status: 'invalid',
    })
  })

  it('throttles one account after quick failures, even for the right password', async () => {
    await makeUser('target@login.test', 'right password 1')
    const outcomes = []
    for (let i = 0; i < 10; i++) {
      outcomes.push(await attemptLogin({ email: 'target@login.test', password: `guess ${i}`, ip: `10.1.0.${i}` }))
    }
    const throttled = outcomes.filter((outcome) => outcome.status === 'throttled')
    expect(throttled.length).toBeGreaterThan(0)
    expect(throttled[0]).toMatchObject({ retryAfterSeconds: expect.any(Number) })
    const right = await attemptLogin({ email: 'target@login.test', password: 'right password 1', ip: '10.1.0.99' })
    expect(right.status).toBe('throttled')
  })

  it('throttles one IP that tries many accounts', async () => {
    const outcomes = []
    for (let i = 0; i < 35; i++) {
      outcomes.push(await attemptLogin({ email: `spray${i}@login.test`, password: 'x', ip: '10.2.0.1' }))
    }
    expect(outcomes.at(-1)?.status).toBe('throttled')
    expect(outcomes.slice(0, 30).every((outcome) => outcome.status === 'invalid')).toBe(true)
  })

  it('forgets earlier typos after a successful login', async () => {
    await makeUser('typo@login.test', 'right password 1')
    for (let i = 0; i < 3; i++) await attemptLogin({ email: 'typo@login.test', password: 'typo', ip: '10.3.0.1' })
    await attemptLogin({ email: 'typo@login.test', password: 'right password 1', ip: '10.3.0.1' })
    expect(await getPrisma().loginThrottle.findUnique({ where: { key: 'account:typo@login.test' } })).toBeNull()
  })
})
