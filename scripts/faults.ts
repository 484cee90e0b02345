// `npm run faults`: the app under a database that goes away. Starts a PostgreSQL server of its own
// (scripts/faults/postgres.ts — never the machine's shared one), the production server on it, and 100
// learners saving exam answers; restarts PostgreSQL under that load, later stops it for a few seconds,
// then checks in the database that every save the server acknowledged is stored, that each learner still
// has one attempt they can reload, save and submit, and that what learners saw meanwhile was a clean 503.
// Writes the figures into BENCHMARKS.md and exits 1 when a promise is broken.
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { cleanUpOnSignals, defer, runMain } from './bench/cleanups'
import { positiveInt } from './bench/options'
import { writeResults } from './bench/report'
import { assertPortFree, serverLabel, startProductionServer } from './bench/server'
import { withAppDatabase } from './bench/spike-phase'
import { checkDatabase } from './faults/check'
import { continueAttempts } from './faults/continue'
import { Client } from './faults/http'
import { runLearners } from './faults/learners'
import { startOwnPostgres } from './faults/postgres'
import { brokenPromises, faultReport } from './faults/report'
import { faultEffects, type Fault } from './faults/timeline'
import { createScratchDatabase } from './lib/scratch-database'

process.chdir(fileURLToPath(new URL('..', import.meta.url)))

const PORT = positiveInt('FAULTS_PORT', 3301)
const BASE_URL = `http://localhost:${PORT}` // the name the CSRF check expects, as in the benchmark
const LEARNERS = positiveInt('FAULTS_LEARNERS', 100)
/** How long PostgreSQL stays stopped in the second fault. */
const OUTAGE_S = positiveInt('FAULTS_OUTAGE', 5)
/** Load before the first fault, between the faults and after the last one. */
const CALM_S = positiveInt('FAULTS_CALM', 8)
const COURSE = 'cargo-container-control'
const HEALTH_EVERY_MS = 200

const log = (line: string) => process.stderr.write(`${line}\n`)
cleanUpOnSignals(log)

/** Runs the fault and records when it began and when PostgreSQL answered again. */
async function inject(client: Client, name: string, fault: () => Promise<void>): Promise<Fault> {
  const from = client.now()
  log(`Fault: ${name}…`)
  await fault()
  return { name, from, to: client.now() }
}

async function pollHealth(client: Client, stopped: () => boolean) {
  while (!stopped()) {
    await client.send('healthz', '/healthz', {}, ({ response }) => (response.status === 200 ? null : 'down'))
    await sleep(HEALTH_EVERY_MS)
  }
}

async function main() {
  const [loadBefore = 0] = os.loadavg()
  execFileSync('node', ['scripts/build-if-needed.js'], { stdio: ['ignore', 'inherit', 'inherit'] })
  await assertPortFree(BASE_URL)
  log('Starting a PostgreSQL server of our own…')
  const postgres = await startOwnPostgres()
  defer(postgres.destroy)
  const database = await createScratchDatabase({ serverUrl: postgres.url, prefix: 'lms_faults' })
  const url = database.env.DATABASE_URL!
  log(`Setting up ${LEARNERS} learners on ${database.label}…`)
  const setUp = await withAppDatabase(database, (spike) => spike.setUpSpike({ count: LEARNERS, courseSlug: COURSE }))
  // Every failed request would be a line of the server's log.
  await startProductionServer({ database, baseUrl: BASE_URL, logLevel: process.env.FAULTS_LOG_LEVEL ?? 'fatal' })

  const began = performance.now()
  const client = new Client(BASE_URL, began)
  const health = new Client(BASE_URL, began)
  let stopped = false
  let saving = 0
  const load = runLearners({
    client,
    learners: setUp.learners,
    courseSlug: COURSE,
    stopped: () => stopped,
    onSaving: () => void (saving += 1),
  })
  const polling = pollHealth(health, () => stopped)
  for (let waited = 0; saving < LEARNERS && waited < 120_000; waited += 250) await sleep(250)
  log(`${saving} learners saving; faults begin in ${CALM_S} s.`)

  const faults: Fault[] = []
  await sleep(CALM_S * 1000)
  faults.push(await inject(client, '`pg_ctl restart -m fast`', postgres.restart))
  await sleep(CALM_S * 1000)
  faults.push(
    await inject(client, `\`pg_ctl stop -m fast\`, ${OUTAGE_S} s, \`pg_ctl start\``, async () => {
      await postgres.stop()
      await sleep(OUTAGE_S * 1000)
      await postgres.start()
    }),
  )
  await sleep(CALM_S * 1000)
  stopped = true
  const runs = await load
  await polling
  const endedAt = client.now()

  log('Checking the database, then every learner reloads, saves and submits…')
  const afterLoad = await checkDatabase({ url, quizId: setUp.quizId, runs })
  const stuck = await continueAttempts(client, runs)
  const afterContinue = await checkDatabase({ url, quizId: setUp.quizId, runs })

  const summary = {
    databaseLabel: `${serverLabel(database)}; a server of the script's own (initdb in a temporary directory)`,
    learners: LEARNERS,
    saving,
    schedule:
      `${CALM_S} s of load, \`pg_ctl restart -m fast\`, ${CALM_S} s, \`pg_ctl stop -m fast\` and ${OUTAGE_S} s ` +
      `later \`pg_ctl start\`, ${CALM_S} s more.`,
    outcomes: client.outcomes.filter((outcome) => outcome.sentAt < endedAt),
    effects: faultEffects(faults, client.outcomes, health.outcomes, endedAt),
    afterLoad,
    afterContinue,
    stuck,
    loadBefore,
  }
  const results = faultReport(summary)
  process.stdout.write(`\n${results}\n\n`)
  writeResults('postgres-faults', 'PostgreSQL: restarted and stopped under load (`npm run faults`)', results)
  log('BENCHMARKS.md updated.')
  const broken = brokenPromises(summary)
  if (broken.length > 0) throw new Error(broken.join('\n'))
}

await runMain('faults', main, log)
