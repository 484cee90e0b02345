// The exam-start spike as one part of `npm run bench`, on a database and server of its own: learners
// are set up in this process with the app's services, the server is started, the spike run, the
// server stopped (PGlite allows one process per directory) and the database checked.
import os from 'node:os'
import { clearSingletons } from '~/utils/singleton.server'
import { createScratchDatabase, type ScratchDatabase } from '../lib/scratch-database'
import { positiveInt } from './options'
import { serverLabel } from './server'
import { writeResults } from './report'
import { runSpike, type SpikeRun } from './spike'
import type * as SpikeDatabase from './spike-database'
import { spikeGoals, spikeReport, type SpikeSummary } from './spike-report'

const SPIKE_LEARNERS = positiveInt('BENCH_SPIKE_LEARNERS', 1000)
const SPIKE_CONCURRENCY = positiveInt('BENCH_SPIKE_CONCURRENCY', 100)
const SPIKE_COURSE = 'cargo-container-control'
const SPIKE_SAVES = 2
/** Every tenth learner sends "Start" twice at once, as a double click does. */
const SPIKE_DOUBLE_CLICK_EVERY = 10

export interface PartContext {
  baseUrl: string
  /** Starts the production server on the database; stopping it is already scheduled by then. */
  startServer(database: ScratchDatabase): Promise<{ stop(): Promise<void> }>
  /** Schedules a clean-up (last in, first out), also run when the benchmark fails or is interrupted. */
  defer(task: () => Promise<void>): void
  log(line: string): void
  engineTitle(database: ScratchDatabase): string
}

/**
 * Opens the scratch database in this process through the app's own modules (`load` imports the bench's
 * module that uses them), runs `work` and closes it again. The app reads its configuration once, on
 * first use: it is set here and forgotten afterwards.
 */
export async function withAppModules<M, T>(
  database: ScratchDatabase,
  load: () => Promise<M>,
  work: (module: M) => Promise<T>,
) {
  const names = ['DATABASE_URL', 'PGLITE_DIR', 'LOG_LEVEL', 'SEED_DEMO', 'COURSES_DIR'] as const
  const saved = names.map((name) => [name, process.env[name]] as const)
  for (const name of names) delete process.env[name]
  // The same settings as the server's, so it finds the database exactly as its own first start leaves it.
  Object.assign(process.env, database.env, { LOG_LEVEL: 'warn', SEED_DEMO: 'true' })
  clearSingletons()
  try {
    const module = await load()
    const { getDatabase } = await import('~/utils/db.server')
    try {
      return await work(module)
    } finally {
      await getDatabase().close()
    }
  } finally {
    clearSingletons()
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

/** `withAppModules` with the spike's set-up and check (scripts/bench/spike-database.ts). */
export const withAppDatabase = <T>(database: ScratchDatabase, work: (spike: typeof SpikeDatabase) => Promise<T>) =>
  withAppModules(database, () => import('./spike-database'), work)

/** The spike's learners, set up in this process before any server opens the database. */
export async function setUpSpikeDatabase(database: ScratchDatabase, log: (line: string) => void) {
  log(`Exam-start spike: setting up ${SPIKE_LEARNERS} learners on ${database.label}…`)
  const started = performance.now()
  const setUp = await withAppDatabase(database, (spike) =>
    spike.setUpSpike({ count: SPIKE_LEARNERS, courseSlug: SPIKE_COURSE }),
  )
  return { ...setUp, setUpMs: performance.now() - started }
}
type SpikeSetUp = Awaited<ReturnType<typeof setUpSpikeDatabase>>

/** Runs the spike against `baseUrl` (a server, or a load balancer in front of several). */
export function runSpikeAgainst(baseUrl: string, setUp: SpikeSetUp, log: (line: string) => void) {
  log(`Exam-start spike: ${SPIKE_LEARNERS} learners, ${SPIKE_CONCURRENCY} at a time…`)
  return runSpike({
    baseUrl,
    courseSlug: SPIKE_COURSE,
    tokens: setUp.learners.map((learner) => learner.token),
    concurrency: SPIKE_CONCURRENCY,
    doubleClickEvery: SPIKE_DOUBLE_CLICK_EVERY,
    saves: SPIKE_SAVES,
  })
}

/** Checks the database after the run (every server stopped: PGlite opens one process per directory). */
export async function summarizeSpike(options: {
  database: ScratchDatabase
  setUp: SpikeSetUp
  run: SpikeRun
  loadBefore: number
  loadAtSpike: number
}): Promise<SpikeSummary> {
  const { database, setUp, run, loadBefore, loadAtSpike } = options
  const check = await withAppDatabase(database, (spike) => spike.checkSpike({ quizId: setUp.quizId }))
  return {
    run,
    check,
    learners: SPIKE_LEARNERS,
    concurrency: SPIKE_CONCURRENCY,
    saves: SPIKE_SAVES,
    doubleClickEvery: SPIKE_DOUBLE_CLICK_EVERY,
    questionsPerAttempt: setUp.questionsPerAttempt,
    courseSlug: SPIKE_COURSE,
    databaseLabel: serverLabel(database),
    setUpMs: setUp.setUpMs,
    loadBefore,
    loadAtSpike,
  }
}

/** Fails the run on a failed request or a problem in the database; errors are reported before this. */
export function assertSpikePassed(summary: SpikeSummary) {
  const goals = spikeGoals(summary)
  if (goals.integrity.length > 0) throw new Error(`exam-start spike: ${goals.integrity.join('; ')}`)
  if (goals.errors > 0) throw new Error(`exam-start spike: ${goals.errors} requests failed`)
}

export async function runExamSpike(context: PartContext, loadBefore: number) {
  const { log } = context
  const database = await createScratchDatabase({ serverUrl: process.env.BENCH_DATABASE_URL, prefix: 'lms_bench' })
  context.defer(database.drop)
  const setUp = await setUpSpikeDatabase(database, log)
  const server = await context.startServer(database)
  const [loadAtSpike = 0] = os.loadavg()
  const run = await runSpikeAgainst(context.baseUrl, setUp, log)
  await server.stop() // PGlite: the check below opens the same directory
  const summary = await summarizeSpike({ database, setUp, run, loadBefore, loadAtSpike })
  const title = `${context.engineTitle(database)}: exam-start spike`
  const results = spikeReport(summary)
  process.stdout.write(`\n### ${title}\n\n${results}\n\n`)
  // Errors and missed goals are what this scenario measures: they are reported, never hidden.
  writeResults(`${database.engine}-spike`, title, results)
  log('BENCHMARKS.md updated.')
  assertSpikePassed(summary)
}
