import { describe, expect, it } from 'vitest'
import { attemptLogin } from '~/modules/auth/login.server'
import { hashPassword } from '~/modules/auth/password.server'
import { pruneLoginThrottles } from '~/modules/auth/throttle.server'
import { getPrisma } from '~/utils/db.server'

const RIGHT = 'right password 1'

async function makeUser(email: string, password = RIGHT) {
  await getPrisma().user.create({
    data: { email, displayName: email, passwordHash: await hashPassword(password) },
    select: { id: true },
  })
}

// Every throttle test runs on its own clock, so a lock cannot run out while the test is still going.
const start = new Date('2026-11-23T10:00:00Z')
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000)

function login(email: string, password: string, ip: string, now = at(0)) {
  return attemptLogin({ email, password, ip, now })
}

async function failMany({ email, ips, times = 1 }: { email: string; ips: string[]; times?: number }) {
  const outcomes = []
  for (const ip of ips) for (let i = 0; i < times; i++) outcomes.push(await login(email, `guess ${i}`, ip))
  return outcomes
}

const range = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}.${i + 1}`)

describe('attemptLogin', () => {
  it('logs in with the right password', async () => {
    await makeUser('ok@login.test')
    const outcome = await attemptLogin({ email: 'ok@login.test', password: RIGHT, ip: '10.0.0.1' })
    expect(outcome).toMatchObject({ status: 'ok', user: { email: 'ok@login.test' } })
  })

  it('answers a wrong password and an unknown email identically', async () => {
    await makeUser('known@login.test')
    const wrong = await attemptLogin({ email: 'known@login.test', password: 'wrong', ip: '10.0.0.2' })
    const unknown = await attemptLogin({ email: 'nobody@login.test', password: 'wrong', ip: '10.0.0.3' })
    expect(wrong).toEqual({ status: 'invalid' })
    expect(unknown).toEqual(wrong)
  })

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    await makeUser('gone@login.test')
    await getPrisma().user.update({ where: { email: 'gone@login.test' }, data: { disabledAt: new Date() } })
    expect(await attemptLogin({ email: 'gone@login.test', password: RIGHT, ip: '10.0.0.4' })).toEqual({
      status: 'invalid',
    })
  })
})

describe('login throttling', () => {
  it('throttles one account from one network after quick failures, even for the right password', async () => {
    await makeUser('target@login.test')
    const outcomes = await failMany({ email: 'target@login.test', ips: ['10.1.0.1'], times: 10 })
    expect(outcomes.slice(0, 4).map((outcome) => outcome.status)).toEqual(['invalid', 'invalid', 'invalid', 'invalid'])
    const throttled = outcomes.filter((outcome) => outcome.status === 'throttled')
    expect(throttled.length).toBeGreaterThan(0)
    expect(throttled[0]).toMatchObject({ retryAfterSeconds: expect.any(Number) })
    expect((await login('target@login.test', RIGHT, '10.1.0.1')).status).toBe('throttled')
    // The lock runs out: the 5th failure locked for 2 s, the 6th (the first refused) never counted.
    expect((await login('target@login.test', RIGHT, '10.1.0.1', at(3))).status).toBe('ok')
  })

  it('lets the owner in from another network while the network guessing their password is locked out', async () => {
    await makeUser('owner-a@login.test')
    const attack = await failMany({ email: 'owner-a@login.test', ips: ['10.4.2.66'], times: 10 })
    expect(attack.at(-1)?.status).toBe('throttled')
    expect((await login('owner-a@login.test', RIGHT, '10.4.3.1')).status).toBe('ok')
    expect((await login('owner-a@login.test', RIGHT, '10.4.2.66')).status).toBe('throttled')
  })

  it('does not lock the owner out however long another network keeps guessing; that network stays throttled', async () => {
    await makeUser('owner-b@login.test')
    // An attacker on network A guesses for eight hours, again the moment each lock runs out.
    let now = at(0)
    let guesses = 0
    while (now < at(8 * 3600)) {
      const outcome = await login('owner-b@login.test', `guess ${guesses}`, '10.4.0.66', now)
      if (outcome.status === 'throttled') now = new Date(now.getTime() + outcome.retryAfterSeconds * 1000)
      else guesses += 1
    }
    expect(guesses).toBeGreaterThan(20) // more than the account's own allowance
    expect(guesses).toBeLessThan(50) // about four an hour once the locks reach 15 minutes
    expect((await login('owner-b@login.test', 'one more', '10.4.0.66', now)).status).toBe('invalid') // a lock ran out
    // The owner has never signed in before, from anywhere: the lock is the attacker's alone.
    expect((await login('owner-b@login.test', RIGHT, '10.4.1.1', now)).status).toBe('ok')
    expect(await login('owner-b@login.test', 'and another', '10.4.0.66', now)).toEqual({
      status: 'throttled',
      retryAfterSeconds: 900,
    })
    expect((await login('owner-b@login.test', RIGHT, '10.4.0.66', now)).status).toBe('throttled')
  })

  it("locks the account against guesses spread over many networks, except on the owner's usual network", async () => {
    await makeUser('botnet@login.test')
    expect((await login('botnet@login.test', RIGHT, '10.5.0.1', at(-86_400))).status).toBe('ok') // yesterday, at home

    const attack = await failMany({ email: 'botnet@login.test', ips: range('10.5.1', 25) })
    expect(attack.slice(0, 20).every((outcome) => outcome.status === 'invalid')).toBe(true)
    expect(attack.at(-1)?.status).toBe('throttled')

    expect((await login('botnet@login.test', 'guess', '10.5.2.1')).status).toBe('throttled') // a new bot
    expect((await login('botnet@login.test', RIGHT, '10.5.3.1')).status).toBe('throttled') // the owner, travelling
    expect((await login('botnet@login.test', RIGHT, '10.5.0.1')).status).toBe('ok') // the owner, at home
    // The owner's success forgives none of the attack: strangers stay locked out.
    expect((await login('botnet@login.test', 'guess', '10.5.2.2')).status).toBe('throttled')
  })

  it('remembers a spread-out attack for a day, so pausing between bursts gains the attacker nothing', async () => {
    await makeUser('patient@login.test')
    let ip = 0
    for (let burst = 0; burst < 2; burst++) {
      for (let i = 0; i < 15; i++) {
        ip += 1
        await login('patient@login.test', `guess ${ip}`, `10.9.${Math.floor(ip / 250)}.${ip % 250}`, at(burst * 7200))
      }
    }
    expect((await login('patient@login.test', RIGHT, '10.9.9.9', at(7200))).status).toBe('throttled')
  })

  it("still throttles guesses from the owner's usual network", async () => {
    await makeUser('home@login.test')
    expect((await login('home@login.test', RIGHT, '10.6.0.1')).status).toBe('ok')
    const guesses = await failMany({ email: 'home@login.test', ips: ['10.6.0.1'], times: 8 })
    expect(guesses.at(-1)?.status).toBe('throttled')
  })

  it('throttles one network that tries many accounts, but lets in officers who signed in there before', async () => {
    await makeUser('colleague@login.test')
    await makeUser('newcomer@login.test')
    expect((await login('colleague@login.test', RIGHT, '10.2.0.1', at(-3600))).status).toBe('ok')
    const outcomes = []
    for (let i = 0; i < 35; i++) outcomes.push(await login(`spray${i}@login.test`, 'x', '10.2.0.1'))
    expect(outcomes.slice(0, 30).every((outcome) => outcome.status === 'invalid')).toBe(true)
    expect(outcomes.at(-1)?.status).toBe('throttled')
    expect((await login('newcomer@login.test', RIGHT, '10.2.0.1')).status).toBe('throttled')
    expect((await login('colleague@login.test', RIGHT, '10.2.0.1')).status).toBe('ok')
  })

  it('knows an IPv6 owner by their /64, whichever address their device uses today', async () => {
    await makeUser('ipv6@login.test')
    expect((await login('ipv6@login.test', RIGHT, '2001:db8:6:1::a', at(-86_400))).status).toBe('ok')
    await failMany({ email: 'ipv6@login.test', ips: range('10.7.1', 25) })
    expect((await login('ipv6@login.test', RIGHT, '2001:db8:6:1:f00::b')).status).toBe('ok')
    expect((await login('ipv6@login.test', RIGHT, '2001:db8:6:2::a')).status).toBe('throttled')
  })

  it('forgets earlier typos after a successful login and remembers the network', async () => {
    await makeUser('typo@login.test')
    for (let i = 0; i < 3; i++) await login('typo@login.test', 'typo', '10.3.0.1')
    await login('typo@login.test', RIGHT, '10.3.0.1', at(5))
    const pair = await getPrisma().loginThrottle.findUnique({ where: { key: 'pair:10.3.0.1|typo@login.test' } })
    expect(pair).toMatchObject({ failures: 0, lockedUntil: null, lastSuccessAt: at(5) })
  })

  it('prunes counters nobody has touched for long, but keeps known networks and running locks', async () => {
    await makeUser('prune@login.test')
    await login('prune@login.test', RIGHT, '10.8.0.1')
    await failMany({ email: 'prune@login.test', ips: ['10.8.0.2'], times: 3 })
    await pruneLoginThrottles({ now: at(25 * 3600) })
    const keys = (await getPrisma().loginThrottle.findMany({ where: { key: { contains: '10.8.0.' } } })).map(
      (row) => row.key,
    )
    expect(keys).toEqual(['pair:10.8.0.1|prune@login.test'])
  })
})
