// The completion matrix at scale, as one part of `npm run bench` (PostgreSQL only): a scratch database
// loaded by `npm run seed:load` (20 administrations × 2,500 officers by default), the report queries
// timed in this process, then the production server load-tested as the manager of the first loaded
// administration: matrix pages, a sorted and a filtered view, and the CSV export of every officer.
import { spawn } from 'node:child_process'
import os from 'node:os'
import { clearSingletons } from '~/utils/singleton.server'
import type { Measurement, Scenario } from '../bench'
import { LOAD_ADMINISTRATIONS, loadCode, managerEmail } from '../lib/load-administrations'
import { createScratchDatabase, type ScratchDatabase } from '../lib/scratch-database'
import type * as MatrixDatabase from './matrix-database'
import { positiveInt } from './options'
import { markdownTable, percentile, verdict, writeResults } from './report'
import { serverLabel } from './server'
import type { PartContext } from './spike-phase'

const ADMINISTRATIONS = positiveInt('BENCH_MATRIX_ADMINISTRATIONS', 20)
const OFFICERS = positiveInt('BENCH_MATRIX_OFFICERS', 2500)
const RUNS = positiveInt('BENCH_MATRIX_RUNS', 200)
const EXPORTS = 3
const P95_GOAL_MS = 200
const COURSE = 'cargo-container-control'
const MEASURED = LOAD_ADMINISTRATIONS[0]!

export interface MatrixContext extends PartContext {
  /** Warm-up, then the measured autocannon run of one scenario, signed in as its user. */
  measure(scenario: Scenario): Promise<Measurement>
  /** The autocannon table with the run's header and goal verdicts. */
  report(measurements: Measurement[], databaseLabel: string, loadAverage: number): string
  /** Signs in through the login form; returns the Cookie header. */
  signIn(email: string): Promise<string>
}

/** `npm run seed:load` in a process of its own, as an operator would run it. */
async function seedLoad(database: ScratchDatabase, log: (line: string) => void) {
  const args = ['--administrations', String(ADMINISTRATIONS), '--officers', String(OFFICERS)]
  log(`Matrix: npm run seed:load -- ${args.join(' ')} on ${database.label}…`)
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed-load.ts', ...args], {
    env: { ...process.env, PGLITE_DIR: undefined, ...database.env, LOG_LEVEL: 'warn', SEED_DEMO: 'true' },
    stdio: ['ignore', process.stderr, process.stderr],
  })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`seed:load exited with ${code}`)
}

/** Runs `work` with the app's modules on the loaded database, then closes it and forgets the configuration. */
async function withLoadedDatabase<T>(database: ScratchDatabase, work: (db: typeof MatrixDatabase) => Promise<T>) {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: process.env.LOG_LEVEL }
  Object.assign(process.env, database.env, { LOG_LEVEL: 'warn' })
  clearSingletons()
  try {
    const db = await import('./matrix-database')
    const { getDatabase } = await import('~/utils/db.server')
    try {
      return await work(db)
    } finally {
      await getDatabase().close()
    }
  } finally {
    clearSingletons()
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

async function fetchText(url: string, cookie: string) {
  const started = performance.now()
  const response = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' })
  const body = await response.text()
  return { status: response.status, body, ms: performance.now() - started }
}

function scenarios(user: string): Scenario[] {
  const expect = `data-course="${COURSE}"`
  const page = (name: string, query: string): Scenario => ({
    name,
    method: 'GET',
    path: `/en/manage/matrix${query}`,
    user,
    expect,
    p95GoalMs: P95_GOAL_MS,
  })
  const bare: Scenario = { name: 'bare route', method: 'GET', path: '/healthz', expect: '"db":"ok"' }
  const views: [string, string][] = [
    ['first page', ''],
    ['page 20', '?page=20'],
    ['sorted by a course', `?sort=${COURSE}&dir=desc`],
    ['one course overdue', `?course=${COURSE}&status=overdue`],
  ]
  // The coordinator's dashboard (ADR 032): its aggregates read every officer of the administration.
  const dashboard: Scenario = {
    name: 'dashboard',
    method: 'GET',
    path: '/en/manage',
    user,
    expect: 'data-figure="overdue"',
    p95GoalMs: P95_GOAL_MS,
  }
  // Each view for one manager alone, then for ten at once (the benchmark's usual load).
  return [
    { ...bare, name: 'bare route, 1 connection', connections: 1 },
    ...views.map(([view, query]): Scenario => ({
      ...page(`matrix, ${view}, 1 connection`, query),
      connections: 1,
      baseline: 'bare route, 1 connection',
    })),
    { ...dashboard, name: 'dashboard, 1 connection', connections: 1, baseline: 'bare route, 1 connection' },
    bare,
    ...views.map(([view, query]): Scenario => ({ ...page(`matrix, ${view}`, query), baseline: 'bare route' })),
    { ...dashboard, baseline: 'bare route' },
  ]
}

export async function runMatrix(context: MatrixContext, loadBefore: number) {
  const { log } = context
  const serverUrl = process.env.BENCH_DATABASE_URL
  if (!serverUrl) {
    log(
      'Matrix: skipped, it needs PostgreSQL: set BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
    )
    return
  }
  const database = await createScratchDatabase({ serverUrl, prefix: 'lms_bench' })
  context.defer(database.drop)
  const loadStarted = performance.now()
  await seedLoad(database, log)
  const loadSeconds = (performance.now() - loadStarted) / 1000
  log(`Matrix: timing the report queries in this process (${RUNS} runs each)…`)
  const { counts, officers, timings } = await withLoadedDatabase(database, async (db) => {
    const administration = await db.findAdministration({ code: loadCode(MEASURED.cc) })
    return {
      counts: await db.countLoadedRows(),
      officers: administration.officers,
      timings: await db.timeReports({ administrationId: administration.id, runs: RUNS }),
    }
  })

  await context.startServer(database)
  const [loadAtStart = 0] = os.loadavg()
  const manager = managerEmail(MEASURED.cc)
  const measurements: Measurement[] = []
  for (const scenario of scenarios(manager)) measurements.push(await context.measure(scenario))
  const [loadAfterPages = 0] = os.loadavg()

  const cookie = await context.signIn(manager)
  const exports: number[] = []
  let csv = ''
  for (let run = 0; run < EXPORTS; run++) {
    const response = await fetchText(`${context.baseUrl}/en/manage/matrix/export?format=csv`, cookie)
    if (response.status !== 200) throw new Error(`the CSV export answered ${response.status}`)
    exports.push(response.ms)
    csv = response.body
  }
  const csvRows = csv.split('\n').filter((line) => line.trim() !== '').length - 1
  if (csvRows !== officers) throw new Error(`the CSV export has ${csvRows} officers, expected ${officers}`)
  const exportMedian = percentile(
    [...exports].sort((a, b) => a - b),
    50,
  )

  const summary = timings[0]!
  const number = (value: number) => value.toLocaleString('en')
  const ms = (value: number) => value.toFixed(1)
  const results = [
    context.report(measurements, serverLabel(database), loadBefore),
    `- Course summary (in this process) p95: ${ms(summary.p95)} ms, goal < ${P95_GOAL_MS} ms: ` +
      `**${verdict(summary.p95 < P95_GOAL_MS)}**`,
    '',
    `Dataset: \`npm run seed:load -- --administrations ${ADMINISTRATIONS} --officers ${OFFICERS}\` on the fresh ` +
      `database, ${loadSeconds.toFixed(0)} s before the server started: ${number(counts.administrations)} administrations, ` +
      `${number(counts.officers)} officers, ${number(counts.enrolments)} enrolments, ${number(counts.moduleProgress)} ` +
      `module progress rows, ${number(counts.quizAttempts)} quiz attempts with ${number(counts.attemptAnswers)} answers, ` +
      `${number(counts.certificates)} certificates. Pages requested as \`${manager}\`, manager of ` +
      `${loadCode(MEASURED.cc)} (${number(officers)} officers). Load average ${loadAtStart.toFixed(2)} when the ` +
      `server was up, ${loadAfterPages.toFixed(2)} after the pages (other work on the machine counts too).`,
    '',
    `The report queries alone, in the benchmark's process on the same database, one at a time (before the server started):`,
    '',
    markdownTable([
      ['Query', 'What', 'runs', 'p50 ms', 'p95 ms', 'max ms'],
      ...timings.map((t) => [t.name, t.what, String(t.runs), ms(t.p50), ms(t.p95), ms(t.max)]),
    ]),
    '',
    `CSV export of every officer (\`GET /en/manage/matrix/export?format=csv\`, ${number(csvRows)} rows, ` +
      `${(csv.length / 1024).toFixed(0)} KiB), one request at a time after the runs above: ` +
      `${exports.map(ms).join(', ')} ms (median ${ms(exportMedian)} ms).`,
  ].join('\n')
  const title = `${context.engineTitle(database)}: completion matrix at scale`
  process.stdout.write(`\n### ${title}\n\n${results}\n\n`)
  const failed = measurements.filter((m) => m.errors > 0 || m.non2xx > 0)
  if (failed.length > 0) {
    for (const m of failed) log(`FAILED ${m.scenario.name}: ${m.errors} errors, status codes ${m.statusCodes}`)
    throw new Error('requests failed during the matrix run; BENCHMARKS.md not updated')
  }
  writeResults(`${database.engine}-matrix`, title, results)
  log('BENCHMARKS.md updated.')
}
