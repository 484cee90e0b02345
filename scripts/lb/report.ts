// The load-balancer run's part of BENCHMARKS.md, after the spike's own table: the rolling restart, which
// instance answered what, the state the instances share, the proxy's own behaviour, and a verdict each.
import { markdownTable, percentile } from '../bench/report'
import { answeredBy, summarizeAccess, type AccessEntry } from './access-log'
import type { RestartTiming } from './instances'
import type { LimitCheck, SessionCheck } from './shared-state'

export interface ProxyCheck {
  what: string
  seen: string
  passed: boolean
}

export interface LbSummary {
  nginxVersion: string
  procedure: 'out-first' | 'sigterm'
  instanceCount: number
  /** Access log entries of the spike (from its first request to its last). */
  spikeEntries: AccessEntry[]
  restarts: RestartTiming[]
  /** The spike was still running when the last instance was back. */
  restartDuringLoad: boolean
  sessions: SessionCheck
  limits: LimitCheck[]
  proxy: ProxyCheck[]
  /** Failed requests the spike saw (its errors). */
  spikeErrors: number
}

const PROCEDURES = {
  'out-first':
    "each first marked `down` in nginx's upstream and nginx reloaded, SIGTERM once nginx had stopped sending " +
    'it requests, put back after its /healthz answered',
  sigterm: 'SIGTERM alone: nginx finds out from refused connections',
}

const seconds = (ms: number) => (ms / 1000).toFixed(1)
const pass = (passed: boolean) => (passed ? 'PASS' : 'FAILED')

/** nginx's request time (client to nginx and back, in ms) at the 50th and 95th percentile. */
function latency(entries: AccessEntry[]) {
  const sorted = entries.map((entry) => entry.requestTime * 1000).sort((a, b) => a - b)
  return `${entries.length} requests, p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms`
}

function restartTable(restarts: RestartTiming[]) {
  const rows = restarts.map((r) => [
    r.address,
    seconds(r.outOfRotationMs),
    seconds(r.drainMs),
    r.exit.code === null ? `ended by ${r.exit.signal}` : String(r.exit.code),
    seconds(r.startMs),
    r.backInRotationMs === null ? 'load over' : seconds(r.backInRotationMs),
    seconds(r.totalMs),
  ])
  const header = [
    'Instance',
    'out of nginx s',
    'drain s (SIGTERM → exit)',
    'exit code',
    'start s (→ /healthz 200)',
    'back in nginx s',
    'total s',
  ]
  return markdownTable([header, ...rows])
}

export function lbPassed(summary: LbSummary) {
  return (
    summary.spikeErrors === 0 &&
    summarizeAccess(summary.spikeEntries).serverErrors === 0 &&
    summary.restartDuringLoad &&
    summary.restarts.every((r) => r.exit.code === 0) &&
    summary.sessions.passed &&
    summary.limits.every((check) => check.passed) &&
    summary.proxy.every((check) => check.passed)
  )
}

/** The spike's requests answered while `restart` was under way, and how many of them its instance answered. */
function duringRestart(entries: AccessEntry[], restart: RestartTiming) {
  const during = entries.filter(
    (entry) => entry.msec * 1000 >= restart.startedAt && entry.msec * 1000 <= restart.endedAt,
  )
  const byIt = during.filter((entry) => answeredBy(entry) === restart.address).length
  return `while ${restart.address} restarted, ${latency(during)}, ${byIt} of them answered by it (before it stopped or once back)`
}

export function lbReport(summary: LbSummary): string {
  const access = summarizeAccess(summary.spikeEntries)
  const byInstance = [...access.byInstance]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([by, count]) => `${by}: ${count}`)
    .join(', ')
  const statuses = [...access.statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(', ')
  const limitRows = summary.limits.flatMap((check) =>
    check.runs.map((run) => [
      check.name,
      run.label,
      run.problem ?? (run.allowed === null ? 'never refused' : String(run.allowed)),
    ]),
  )
  return [
    `- Proxy: nginx ${summary.nginxVersion} with \`docs/deploy/nginx-lms.conf\` (addresses, ports and paths ` +
      `substituted), TLS with a self-signed certificate, HTTP/1.1 from the clients; ${summary.instanceCount} app ` +
      'instances (`WEB_CONCURRENCY=1`, `TRUST_PROXY=true`) on the one database',
    '',
    `**Rolling restart during the spike** (one instance at a time, ${PROCEDURES[summary.procedure]}; the ` +
      `spike was ${summary.restartDuringLoad ? 'still' : '**no longer**'} running when the last was back):`,
    '',
    restartTable(summary.restarts),
    '',
    `- nginx access log for the spike: ${latency(summary.spikeEntries)}; answered by ${byInstance}; statuses ${statuses}`,
    ...summary.restarts.map((restart) => `- ${duringRestart(summary.spikeEntries, restart)}`),
    `- Sent to a second instance by nginx after the first could not take them: ${access.retried}`,
    '',
    '**State shared through the database:**',
    '',
    `- Session made on the first instance: \`/en/me\` answered ${summary.sessions.statuses.join(' and ')} on the ` +
      `instances; after logging out on the second, the first answered ${summary.sessions.afterLogoutStatus} ` +
      `(to the login page): **${pass(summary.sessions.passed)}**`,
    '',
    markdownTable([['Limit', 'Requests sent', 'answered before the first 429'], ...limitRows]),
    '',
    ...summary.limits.map((check) => `- ${check.name}: the same count every way: **${pass(check.passed)}**`),
    '',
    '**The proxy itself:**',
    '',
    ...summary.proxy.map((check) => `- ${check.what}: ${check.seen}: **${pass(check.passed)}**`),
    '',
    `- Failed requests during the spike and its rolling restart: ${summary.spikeErrors} seen by the learners ` +
      `(${access.serverErrors} answers of 500 or more in nginx's log), goal 0: ` +
      `**${pass(summary.spikeErrors === 0 && access.serverErrors === 0 && summary.restartDuringLoad)}**`,
    `- Every instance drained within its 10 s and exited with code 0: **${pass(summary.restarts.every((r) => r.exit.code === 0))}**`,
  ].join('\n')
}
