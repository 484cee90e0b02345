// `npm run bench`: builds if needed, starts the production server on a fresh database, load-tests each
// scenario below with autocannon, prints a markdown table and writes it into BENCHMARKS.md; then the
// exam-start spike (scripts/bench/spike*.ts) on another fresh database and server.
// Set BENCH_DATABASE_URL (a PostgreSQL server URL) to measure PostgreSQL instead of the embedded PGlite.
// `npm run bench -- --only spike` (or BENCH_ONLY=spike) runs one part: `autocannon`, `spike`,
// `certificates` (the certificate PDF rendered in this process: scripts/bench/certificates.ts), `studio`
// (authors saving drafts, and the module page once published from the studio: scripts/bench/studio.ts),
// `package` (an author downloading a shipped course's package archive: scripts/bench/package.ts),
// `matrix` (the manager's completion matrix on a large loaded dataset, PostgreSQL only: scripts/bench/matrix.ts) or
// `regrade` (regrading 1,000 finished attempts after a question's key was fixed, in this process: scripts/bench/regrade.ts).
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { runCertificates } from './bench/certificates'
import { runMatrix } from './bench/matrix'
import { runPackage } from './bench/package'
import { type Part, positiveInt, selectedParts } from './bench/options'
import { cleanUp as cleanUpAll, cleanUpOnSignals, defer, runMain } from './bench/cleanups'
import { markdownTable, percentile, runHeader, verdict, writeResults } from './bench/report'
import { assertPortFree, serverLabel, startProductionServer } from './bench/server'
import { signIn } from './bench/sign-in'
import { runExamSpike, type PartContext } from './bench/spike-phase'
import { runRegrade } from './bench/regrade'
import { runStudio } from './bench/studio'
import { createScratchDatabase, type ScratchDatabase } from './lib/scratch-database'

process.chdir(fileURLToPath(new URL('..', import.meta.url))) // paths below are relative to the project

const PORT = 3200
// The server listens on this loopback name only. Form posts must come from it (Origin) and be sent to
// it (Host): both our CSRF guard and Remix's own check compare them, so 127.0.0.1 would not do.
const BASE_URL = `http://localhost:${PORT}`
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 10)
const DURATION_S = positiveInt('BENCH_DURATION', 10)
const WARMUP_S = 3 // JIT, Prisma's query plans and database caches warm up before anything is counted

/** One load test. Add fields (request body, per-scenario set-up) when a scenario needs them. */
export interface Scenario {
  name: string
  method: 'GET' | 'POST'
  path: string
  /** Demo account whose browser cookies are sent; anonymous when absent. */
  user?: string
  /** Text the response must contain, checked before and after the run, so a redirect, an error page or
   * an anonymous page rendered for an expired session is never measured by mistake. */
  expect: string
  /** Required req/s as a fraction of the baseline scenario's. */
  goal?: number
  /** Name of the scenario `goal` compares with; the first scenario when absent. */
  baseline?: string
  /** Required p95 latency in milliseconds. */
  p95GoalMs?: number
  /** Concurrent connections; BENCH_CONNECTIONS when absent. */
  connections?: number
  /** Puts the signed-in user in the state the scenario needs (e.g. enrolled), through the app's own forms. */
  setup?: (cookie: string) => Promise<void>
  /** Gives each connection requests of its own, for a scenario whose requests change as it runs (the
   * studio's draft saves, each sending the version its last answer returned: scripts/bench/studio.ts). */
  setupClient?: (client: autocannon.Client) => void
}

const MODULE_COURSE = '/en/courses/cargo-container-control'

// The first scenario is the baseline: the cheapest request that still goes through Express, Remix and
// the database. Later issues append theirs here (module page, certificate, matrix); the exam-start spike
// is not a steady load but a one-off burst with its own set-up and check: scripts/bench/spike-phase.ts.
const SCENARIOS: Scenario[] = [
  { name: 'bare route', method: 'GET', path: '/healthz', expect: '"db":"ok"' },
  {
    name: 'home, logged in',
    method: 'GET',
    path: '/en',
    user: 'learner@demo.test',
    expect: 'Aram Petrosyan',
    goal: 0.5,
  },
  { name: 'bare route, 50 connections', method: 'GET', path: '/healthz', expect: '"db":"ok"', connections: 50 },
  {
    // Every view also records "last opened" for the learner: a write per request, as in real use.
    name: 'module page, 50 connections',
    method: 'GET',
    path: `${MODULE_COURSE}/modules/container-identification`,
    user: 'learner@demo.test',
    expect: 'CSQU3054383',
    connections: 50,
    baseline: 'bare route, 50 connections',
    goal: 0.5,
    p95GoalMs: 100,
    setup: (cookie) => postForm(MODULE_COURSE, cookie, { intent: 'enrol' }),
  },
]

async function postForm(path: string, cookie: string, fields: Record<string, string>) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: { Origin: BASE_URL, Cookie: cookie },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })
  if (response.status !== 302) throw new Error(`POST ${path} answered ${response.status}`)
}

export interface Measurement {
  scenario: Scenario
  reqPerSec: number
  p50: number
  p95: number
  p99: number
  bytesPerReq: number
  errors: number
  non2xx: number
  statusCodes: string
}

const log = (line: string) => process.stderr.write(`${line}\n`)

const browserCookies = (email: string) => signIn({ baseUrl: BASE_URL, email })

async function assertResponds(scenario: Scenario, headers: Record<string, string>) {
  const response = await fetch(`${BASE_URL}${scenario.path}`, { method: scenario.method, headers, redirect: 'manual' })
  const body = await response.text()
  if (response.status !== 200 || !body.includes(scenario.expect)) {
    throw new Error(`${scenario.method} ${scenario.path} answered ${response.status} without "${scenario.expect}"`)
  }
}

async function load(scenario: Scenario, headers: Record<string, string>, duration: number): Promise<Measurement> {
  const latencies: number[] = []
  const instance = autocannon({
    url: `${BASE_URL}${scenario.path}`,
    method: scenario.method,
    headers,
    connections: scenario.connections ?? CONNECTIONS,
    duration,
    setupClient: scenario.setupClient,
  })
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms))
  const result = await instance
  latencies.sort((a, b) => a - b)
  return {
    scenario,
    reqPerSec: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    bytesPerReq: result.throughput.total / Math.max(1, result.requests.total),
    errors: result.errors,
    non2xx: result.non2xx,
    statusCodes: Object.entries(result.statusCodeStats)
      .map(([code, { count }]) => `${code}×${count}`)
      .join(', '),
  }
}

/** The warm-up, then the measured run; `between` runs after the warm-up (e.g. to catch up on its answers). */
async function warmUpAndLoad(scenario: Scenario, headers: Record<string, string>, between?: () => Promise<void>) {
  log(
    `${scenario.name}: ${WARMUP_S} s warm-up, then ${DURATION_S} s × ${scenario.connections ?? CONNECTIONS} connections…`,
  )
  await load(scenario, headers, WARMUP_S)
  await between?.()
  return load(scenario, headers, DURATION_S)
}

async function measure(scenario: Scenario): Promise<Measurement> {
  const headers: Record<string, string> = scenario.user ? { Cookie: await browserCookies(scenario.user) } : {}
  await scenario.setup?.(headers.Cookie ?? '')
  await assertResponds(scenario, headers)
  const measurement = await warmUpAndLoad(scenario, headers)
  await assertResponds(scenario, headers)
  return measurement
}

function report(measurements: Measurement[], databaseLabel: string, loadAverage: number): string {
  const baselineOf = (m: Measurement) =>
    measurements.find((other) => other.scenario.name === m.scenario.baseline) ?? measurements[0]!
  const isBaseline = (m: Measurement) => measurements.some((other) => baselineOf(other) === m && other !== m)
  const ratio = (m: Measurement) => m.reqPerSec / baselineOf(m).reqPerSec
  const rows = measurements.map((m) => [
    m.scenario.name,
    `${m.scenario.method} ${m.scenario.path}${m.scenario.user ? ` (${m.scenario.user.split('@')[0]})` : ''}`,
    String(m.scenario.connections ?? CONNECTIONS),
    m.reqPerSec.toFixed(0),
    ...[m.p50, m.p95, m.p99].map((ms) => ms.toFixed(1)),
    (m.bytesPerReq / 1024).toFixed(1),
    `${m.errors} / ${m.non2xx}`,
    isBaseline(m) ? 'baseline' : ratio(m).toFixed(2),
  ])
  const header = [
    'Scenario',
    'Request',
    'conns',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'KiB/resp',
    'errors / non-2xx',
    '÷ baseline',
  ]
  const goals = measurements.flatMap((m) => [
    ...(m.scenario.goal === undefined
      ? []
      : [
          `- ${m.scenario.name} ÷ ${baselineOf(m).scenario.name}: ${ratio(m).toFixed(2)}, ` +
            `goal ≥ ${m.scenario.goal}: **${verdict(ratio(m) >= m.scenario.goal)}**`,
        ]),
    ...(m.scenario.p95GoalMs === undefined
      ? []
      : [
          `- ${m.scenario.name} p95: ${m.p95.toFixed(1)} ms, goal < ${m.scenario.p95GoalMs} ms: ` +
            `**${verdict(m.p95 < m.scenario.p95GoalMs)}**`,
        ]),
  ])
  return [
    ...runHeader(`${loadAverage.toFixed(2)} before the run`),
    `- Database: ${databaseLabel}`,
    `- Load: autocannon, ${CONNECTIONS} connections unless the table says otherwise, ${DURATION_S} s per scenario after ${WARMUP_S} s warm-up, ` +
      'same machine over loopback',
    '',
    markdownTable([header, ...rows]),
    '',
    ...goals,
  ].join('\n')
}

cleanUpOnSignals(log)
const cleanUp = () => cleanUpAll(log)

/** Starts the production server on a scratch database; the caller's cleanUp stops it. */
async function startServer(database: ScratchDatabase) {
  log(`Starting the production server on ${serverLabel(database)}…`)
  // A log line per request would be measured too.
  return startProductionServer({ database, baseUrl: BASE_URL, logLevel: 'warn' })
}

const engineTitle = (database: ScratchDatabase) => (database.engine === 'pglite' ? 'PGlite (default)' : 'PostgreSQL')

/** The autocannon scenarios, on one server and database of their own. */
async function runScenarios(loadAverage: number) {
  const database = await createScratchDatabase({ serverUrl: process.env.BENCH_DATABASE_URL, prefix: 'lms_bench' })
  defer(database.drop)
  await startServer(database)

  const measurements: Measurement[] = []
  for (const scenario of SCENARIOS) measurements.push(await measure(scenario))

  const title = engineTitle(database)
  const results = report(measurements, serverLabel(database), loadAverage)
  process.stdout.write(`\n### ${title}\n\n${results}\n\n`)
  const failed = measurements.filter((m) => m.errors > 0 || m.non2xx > 0)
  if (failed.length > 0) {
    // Numbers that include errors or redirects are worthless: say so and keep BENCHMARKS.md as it was.
    for (const m of failed) log(`FAILED ${m.scenario.name}: ${m.errors} errors, status codes ${m.statusCodes}`)
    throw new Error('requests failed during the run; BENCHMARKS.md not updated')
  }
  writeResults(database.engine, title, results)
  log('BENCHMARKS.md updated.')
}

const partContext: PartContext = {
  baseUrl: BASE_URL,
  startServer,
  defer,
  log,
  engineTitle,
}

const runPart: Record<Part, (loadAverage: number) => Promise<void>> = {
  certificates: (loadBefore) => runCertificates({ log, loadBefore }),
  regrade: (loadBefore) => runRegrade({ log, defer }, loadBefore),
  autocannon: runScenarios,
  spike: (loadBefore) => runExamSpike(partContext, loadBefore),
  matrix: (loadBefore) => runMatrix({ ...partContext, measure, report, signIn: browserCookies }, loadBefore),
  studio: (loadBefore) => runStudio({ ...partContext, measure, report, load: warmUpAndLoad }, loadBefore),
  package: (loadBefore) => runPackage({ ...partContext, measure, report }, loadBefore),
}
const needsServer = (part: Part) => part !== 'certificates' && part !== 'regrade'

async function main() {
  const parts = selectedParts()
  // Other work on the machine skews everything; the report records how busy it was.
  const [loadAverage = 0] = os.loadavg()
  if (parts.some(needsServer)) {
    execFileSync('node', ['scripts/build-if-needed.js'], { stdio: ['ignore', 'inherit', 'inherit'] })
  }
  const failures: string[] = []
  for (const [index, part] of parts.entries()) {
    if (needsServer(part)) await assertPortFree(BASE_URL)
    // A later part reports the load left by the one before it.
    const load = index === 0 ? loadAverage : (os.loadavg()[0] ?? 0)
    try {
      await runPart[part](load)
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error))
    } finally {
      await cleanUp() // the next part starts its own server on the same port
    }
  }
  if (failures.length > 0) throw new Error(failures.join('\n'))
}

await runMain('bench', main, log)
