import { describe, expect, it } from 'vitest'
import {
  ACCOUNT_POLICY,
  KNOWN_NETWORK_MS,
  NETWORK_POLICY,
  PAIR_POLICY,
  isKnownNetwork,
  lockSeconds,
  networkOf,
  secondsUntil,
  throttleKeys,
  throttleWait,
} from './throttle'

const now = new Date('2026-11-23T10:00:00Z')
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000)
const DAY = 24 * 60 * 60

describe('lockSeconds', () => {
  it('lets the first few failures of one account from one network through without delay', () => {
    expect([1, 2, 3, 4].map((failures) => lockSeconds({ failures, policy: PAIR_POLICY }))).toEqual([0, 0, 0, 0])
  })

  it('doubles the delay with each further failure up to the cap', () => {
    expect([5, 6, 7, 8].map((failures) => lockSeconds({ failures, policy: PAIR_POLICY }))).toEqual([2, 4, 8, 16])
    expect(lockSeconds({ failures: 500, policy: PAIR_POLICY })).toBe(900)
  })

  it('gives the account as a whole and a shared network far more room than one pair', () => {
    expect(lockSeconds({ failures: 20, policy: ACCOUNT_POLICY })).toBe(0)
    expect(lockSeconds({ failures: 21, policy: ACCOUNT_POLICY })).toBe(2)
    expect(lockSeconds({ failures: 30, policy: NETWORK_POLICY })).toBe(0)
    expect(lockSeconds({ failures: 31, policy: NETWORK_POLICY })).toBe(2)
  })
})

describe('secondsUntil', () => {
  it('rounds up so Retry-After is never 0 while locked', () => {
    expect(secondsUntil({ until: new Date(now.getTime() + 1200), now })).toBe(2)
    expect(secondsUntil({ until: new Date(now.getTime() - 1), now })).toBe(0)
    expect(secondsUntil({ until: null, now })).toBe(0)
  })
})

describe('networkOf', () => {
  it('keeps an IPv4 address and unwraps an IPv4-mapped one', () => {
    expect(networkOf('203.0.113.7')).toBe('203.0.113.7')
    expect(networkOf('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(networkOf('unknown')).toBe('unknown')
  })

  it("counts an IPv6 client by its /64, whatever the address's spelling", () => {
    const network = '2001:db8:aa:1::/64'
    expect(networkOf('2001:db8:aa:1:2:3:4:5')).toBe(network)
    expect(networkOf('2001:0DB8:00aa:0001:ffff::9')).toBe(network)
    expect(networkOf('2001:db8:aa:1::1%eth0')).toBe(network)
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(networkOf('::1')).toBe('0:0:0:0::/64')
    expect(networkOf('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64')
  })

  it('keys the pair by network and account', () => {
    expect(throttleKeys({ email: 'a@b.test', ip: '2001:db8:aa:1::7' })).toEqual({
      pair: 'pair:2001:db8:aa:1::/64|a@b.test',
      network: 'ip:2001:db8:aa:1::/64',
      account: 'account:a@b.test',
    })
  })
})

describe('throttleWait', () => {
  const locked = (seconds: number) => ({ lockedUntil: later(seconds), lastSuccessAt: null })
  const known = { lockedUntil: null, lastSuccessAt: later(-DAY) }

  it('lets an untouched caller in', () => {
    expect(throttleWait({ rows: {}, now })).toBe(0)
  })

  it("holds a stranger to the account's and the network's locks", () => {
    expect(throttleWait({ rows: { account: locked(60) }, now })).toBe(60)
    expect(throttleWait({ rows: { network: locked(30), account: locked(10) }, now })).toBe(30)
  })

  it("lets the owner's usual network past the account's and the network's locks", () => {
    expect(throttleWait({ rows: { pair: known, account: locked(900), network: locked(900) }, now })).toBe(0)
  })

  it("never lifts the pair's own lock, not even on the owner's usual network", () => {
    const guessedHere = { lockedUntil: later(16), lastSuccessAt: later(-DAY) }
    expect(throttleWait({ rows: { pair: guessedHere, account: locked(900) }, now })).toBe(16)
  })

  it('forgets the usual network after a quiet spell', () => {
    const stale = { lockedUntil: null, lastSuccessAt: new Date(now.getTime() - KNOWN_NETWORK_MS) }
    expect(isKnownNetwork({ pair: stale, now })).toBe(false)
    expect(throttleWait({ rows: { pair: stale, account: locked(900) }, now })).toBe(900)
    expect(isKnownNetwork({ pair: known, now })).toBe(true)
  })

  it('lets anyone in again once the lock has run out', () => {
    expect(throttleWait({ rows: { account: locked(60) }, now: later(60) })).toBe(0)
  })
})
