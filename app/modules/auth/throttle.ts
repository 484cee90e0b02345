// Password-guessing throttle (ADR 015): three counters, so that someone who only knows an e-mail
// address cannot keep its owner out. Pure rules here; the counters live in the database (throttle.server.ts).

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  freeFailures: number
  baseDelaySeconds: number
  maxDelaySeconds: number
  /** A counter whose last failure is older than this starts again from one. */
  windowMs: number
}

const HOUR_MS = 60 * 60 * 1000

/** One account from one network: a few typos are free, then the wait doubles (2 s, 4 s, 8 s … 15 min). */
export const PAIR_POLICY: ThrottlePolicy = {
  freeFailures: 4,
  baseDelaySeconds: 2,
  maxDelaySeconds: 900,
  windowMs: HOUR_MS,
}
/** One network, every account: a border post's officers may share one address behind NAT, so allow far more. */
export const NETWORK_POLICY: ThrottlePolicy = {
  freeFailures: 30,
  baseDelaySeconds: 2,
  maxDelaySeconds: 900,
  windowMs: HOUR_MS,
}
/**
 * One account, every network: only guesses spread over many networks get this far. Its lock does not
 * apply to a network the owner signed in from recently, so it slows a botnet without locking the owner
 * out; a day's memory keeps a patient botnet from getting twenty free guesses every hour.
 */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  baseDelaySeconds: 2,
  maxDelaySeconds: 900,
  windowMs: 24 * HOUR_MS,
}
/** A network stays the owner's usual one this long after a correct password from it. */
export const KNOWN_NETWORK_MS = 90 * 24 * 60 * 60 * 1000

export function lockSeconds({ failures, policy }: { failures: number; policy: ThrottlePolicy }): number {
  if (failures <= policy.freeFailures) return 0
  const exponent = Math.min(failures - policy.freeFailures - 1, 20)
  return Math.min(policy.baseDelaySeconds * 2 ** exponent, policy.maxDelaySeconds)
}

export function secondsUntil({ until, now }: { until: Date | null; now: Date }): number {
  if (!until) return 0
  return Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000))
}

/**
 * The network a client address belongs to: an IPv6 client's /64 (privacy extensions give one device a
 * new address every day, and one subscriber holds the whole /64), an IPv4 client's own address.
 */
export function networkOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return mapped[1]!
  if (!ip.includes(':')) return ip
  const [head = '', tail] = ip.split('%')[0]!.split('::')
  const groups = (part: string | undefined) =>
    (part ?? '')
      .split(':')
      .filter(Boolean)
      .flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]))
  const front = groups(head)
  const missing = tail === undefined ? 0 : 8 - front.length - groups(tail).length
  const prefix = [...front, ...Array<string>(Math.max(0, missing)).fill('0'), ...groups(tail)].slice(0, 4)
  return `${prefix.map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`
}

export const THROTTLE_COUNTERS = ['pair', 'network', 'account'] as const
export type ThrottleCounter = (typeof THROTTLE_COUNTERS)[number]

export const THROTTLE_POLICIES: Record<ThrottleCounter, ThrottlePolicy> = {
  pair: PAIR_POLICY,
  network: NETWORK_POLICY,
  account: ACCOUNT_POLICY,
}

/** The counters one password check touches. The e-mail is lower-cased by the schemas before it gets here. */
export function throttleKeys({ email, ip }: { email: string; ip: string }): Record<ThrottleCounter, string> {
  const network = networkOf(ip)
  return { pair: `pair:${network}|${email}`, network: `ip:${network}`, account: `account:${email}` }
}

export interface ThrottleRow {
  lockedUntil: Date | null
  /** Pair rows only: the last correct password for this account from this network. */
  lastSuccessAt: Date | null
}

export function isKnownNetwork({ pair, now }: { pair: ThrottleRow | undefined; now: Date }): boolean {
  const last = pair?.lastSuccessAt
  return last !== null && last !== undefined && now.getTime() - last.getTime() < KNOWN_NETWORK_MS
}

/**
 * Seconds the caller must still wait (0 = check the password). The pair's own lock always holds; the
 * account's and the network's locks hold except on a network the owner recently signed in from.
 */
export function throttleWait({
  rows,
  now,
}: {
  rows: Partial<Record<ThrottleCounter, ThrottleRow>>
  now: Date
}): number {
  const own = secondsUntil({ until: rows.pair?.lockedUntil ?? null, now })
  if (isKnownNetwork({ pair: rows.pair, now })) return own
  const shared = [rows.account, rows.network].map((row) => secondsUntil({ until: row?.lockedUntil ?? null, now }))
  return Math.max(own, ...shared)
}
