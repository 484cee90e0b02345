// What several instances must share through the database, shown with requests: a session made on one
// instance works on the other and ends on both at logout; failed logins and the certificate check's rate
// limit are counted once, whichever instance a request reaches. Each count is compared with the same
// requests sent to one instance alone, so the check holds whatever the policies' numbers are.
import { signIn } from '../bench/sign-in'
import type { Instance } from './instances'

const MAX_TRIES = 100

export interface SharedStateOptions {
  /** nginx's address, the site's public one. */
  publicUrl: string
  instances: Instance[]
}

/**
 * The headers nginx adds (docs/deploy/nginx-lms.conf), for a request sent to an instance directly, from
 * the client `ip`. The app trusts them because TRUST_PROXY=true, as it would trust nginx.
 */
function asIfProxied(publicUrl: string, ip: string): Record<string, string> {
  const { host, protocol } = new URL(publicUrl)
  return {
    Origin: publicUrl,
    'X-Forwarded-Host': host,
    'X-Forwarded-Proto': protocol.replace(':', ''),
    'X-Forwarded-For': ip,
  }
}

export interface SessionCheck {
  /** /en/me with the session made on the first instance, on each instance: 200 each. */
  statuses: number[]
  /** /en/me on the first instance after logging out on the second: a redirect to the login page. */
  afterLogoutStatus: number
  passed: boolean
}

export async function checkSessions({ publicUrl, instances }: SharedStateOptions): Promise<SessionCheck> {
  const headers = asIfProxied(publicUrl, '192.0.2.10')
  const [first, second] = instances as [Instance, Instance]
  const cookie = await signIn({ baseUrl: first.url, email: 'learner@demo.test', headers })
  const me = (instance: Instance) =>
    fetch(`${instance.url}/en/me`, { headers: { ...headers, Cookie: cookie }, redirect: 'manual' }).then(
      (response) => response.status,
    )
  const statuses = await Promise.all(instances.map(me))
  const logout = await fetch(`${second.url}/en/logout`, {
    method: 'POST',
    headers: { ...headers, Cookie: cookie },
    redirect: 'manual',
  })
  if (logout.status !== 302) throw new Error(`logout on ${second.address} answered ${logout.status}`)
  const afterLogoutStatus = await me(first)
  return { statuses, afterLogoutStatus, passed: statuses.every((s) => s === 200) && afterLogoutStatus === 302 }
}

/** How a limit's requests were sent: to one instance, to each in turn, or through nginx. */
export interface LimitRun {
  label: string
  /** Requests answered before the first 429, or null when none was refused within MAX_TRIES. */
  allowed: number | null
  /** An answer that was neither the request's usual one nor 429 (a server error). */
  problem?: string
}

export interface LimitCheck {
  name: string
  runs: LimitRun[]
  passed: boolean
}

/** Sends `request(i)` until it answers 429; how many came before, or the server error that came instead. */
async function countUntilRefused(request: (index: number) => Promise<Response>) {
  for (let index = 0; index < MAX_TRIES; index++) {
    const response = await request(index)
    await response.body?.cancel()
    if (response.status === 429) return { allowed: index }
    if (response.status >= 500) return { allowed: null, problem: `HTTP ${response.status} on request ${index + 1}` }
  }
  return { allowed: null }
}

/**
 * One request kind sent three ways, each from a client address and for a subject (account) of its own:
 * to the first instance only, to the instances in turn, and through nginx with a forged X-Forwarded-For
 * on every request (nginx replaces it, so it must not give the client a fresh counter).
 */
async function compareLimit(
  name: string,
  { publicUrl, instances }: SharedStateOptions,
  send: (base: string, headers: Record<string, string>, subject: number) => Promise<Response>,
): Promise<LimitCheck> {
  const direct = (ip: string, pick: (index: number) => Instance, subject: number) =>
    countUntilRefused((index) => send(pick(index).url, asIfProxied(publicUrl, ip), subject))
  const runs: LimitRun[] = [
    { label: `one instance (${instances[0]!.address})`, ...(await direct('192.0.2.21', () => instances[0]!, 0)) },
    {
      label: `${instances.length} instances in turn`,
      ...(await direct('192.0.2.22', (index) => instances[index % instances.length]!, 1)),
    },
    {
      label: 'through nginx, a forged X-Forwarded-For on each request',
      ...(await countUntilRefused((index) =>
        send(publicUrl, { Origin: publicUrl, 'X-Forwarded-For': `198.51.100.${index % 250}` }, 2),
      )),
    },
  ]
  const [reference] = runs
  const passed = reference!.allowed !== null && runs.every((run) => run.allowed === reference!.allowed)
  return { name, runs, passed }
}

const LOGIN_ACCOUNTS = ['instructor@demo.test', 'manager@demo.test', 'learner.ru@demo.test']

/** Failed logins for one account until the login throttle refuses it (HTTP 429). */
export function checkLoginThrottle(options: SharedStateOptions) {
  return compareLimit('Failed logins of one account before the login is refused', options, (base, headers, subject) =>
    fetch(`${base}/en/login`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ email: LOGIN_ACCOUNTS[subject]!, password: 'not-the-password' }),
      redirect: 'manual',
    }),
  )
}

/** Certificate checks by one client (/verify/:code.json, rate-limited per address) until refused. */
export function checkRateLimit(options: SharedStateOptions) {
  return compareLimit('Certificate checks by one client before it is refused', options, (base, headers, subject) =>
    fetch(`${base}/verify/LB-TEST-${subject}.json`, { headers }),
  )
}
