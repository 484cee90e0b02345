// `npm run bench:lb`: two app instances behind nginx on one PostgreSQL, restarted one at a time while the
// exam-start spike runs through nginx. It builds if needed, creates a scratch database on the machine's
// PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) with the spike's
// learners, starts the instances (ports 3351, 3352) and nginx with the shipped docs/deploy/nginx-lms.conf
// (ports 8080 and 8081, everything else in a temporary directory), runs the spike and, after
// BENCH_LB_RESTART_AFTER seconds (default 3), the rolling restart (BENCH_LB_PROCEDURE below); then checks
// what the proxy promises and that sessions, failed logins and rate limits are shared across the instances.
// Results go into BENCHMARKS.md; any failed request or check ends it with exit code 1.
// BENCH_SPIKE_LEARNERS / BENCH_SPIKE_CONCURRENCY as for the spike.
import { execFileSync, spawnSync } from 'node:child_process'
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { cleanUpOnSignals, defer, runMain } from './bench/cleanups'
import { positiveInt } from './bench/options'
import { commandLine, writeResults } from './bench/report'
import { assertPortFree } from './bench/server'
import { assertSpikePassed, runSpikeAgainst, setUpSpikeDatabase, summarizeSpike } from './bench/spike-phase'
import { spikeReport } from './bench/spike-report'
import { createScratchDatabase } from './lib/scratch-database'
import { readAccessLog, waitUntilIdle, waitUntilServed } from './lb/access-log'
import { rollingRestart, startInstance, type Instance, type InstanceSettings, type Rotation } from './lb/instances'
import { startNginx, type RunningNginx } from './lb/nginx'
import { checkProxy } from './lb/proxy-checks'
import { lbPassed, lbReport, type LbSummary } from './lb/report'
import { checkLoginThrottle, checkRateLimit, checkSessions } from './lb/shared-state'

process.chdir(fileURLToPath(new URL('..', import.meta.url))) // paths below are relative to the project

const INSTANCE_PORTS = [3351, 3352]
const HTTP_PORT = 8080
const HTTPS_PORT = 8081
const DATABASE_SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const RESTART_AFTER_S = positiveInt('BENCH_LB_RESTART_AFTER', 3)
/**
 * `out-first` (default): each instance is taken out of nginx's upstream (`down`, reload) before its SIGTERM
 * and put back once healthy, as docs/deploy/README.md recommends. `sigterm`: SIGTERM alone, nginx finding
 * out from refused connections.
 */
const PROCEDURE = procedure(process.env.BENCH_LB_PROCEDURE ?? 'out-first')

function procedure(value: string): 'out-first' | 'sigterm' {
  if (value === 'out-first' || value === 'sigterm') return value
  throw new Error(`BENCH_LB_PROCEDURE must be out-first or sigterm, not "${value}"`)
}

const log = (line: string) => process.stderr.write(`${line}\n`)

cleanUpOnSignals(log)

function nginxVersion() {
  const said = spawnSync('/usr/sbin/nginx', ['-v'], { encoding: 'utf8' }).stderr // nginx -v writes there
  return /nginx\/([\d.]+)/.exec(said)?.[1] ?? 'unknown'
}

/** `down` in nginx's upstream and a reload, then until nginx has passed the instance nothing for a second. */
function nginxRotation(nginx: RunningNginx): Rotation {
  return {
    async takeOut(instance) {
      nginx.takeOut([instance.port])
      await waitUntilIdle(nginx.accessLog, instance.address)
    },
    async putBack() {
      nginx.takeOut([])
    },
  }
}

async function main() {
  const [loadBefore = 0] = os.loadavg()
  execFileSync('node', ['scripts/build-if-needed.js'], { stdio: ['ignore', 'inherit', 'inherit'] })
  for (const port of [...INSTANCE_PORTS, HTTP_PORT, HTTPS_PORT]) await assertPortFree(`http://127.0.0.1:${port}`)
  const database = await createScratchDatabase({ serverUrl: DATABASE_SERVER, prefix: 'lms_lb' })
  defer(database.drop)
  const setUp = await setUpSpikeDatabase(database, log)

  const publicUrl = `https://localhost:${HTTPS_PORT}`
  const settings: InstanceSettings = { publicUrl, databaseEnv: database.env }
  log(`Starting ${INSTANCE_PORTS.length} instances and nginx…`)
  const instances: Instance[] = await Promise.all(INSTANCE_PORTS.map((port) => startInstance(settings, port)))
  // The rolling restart replaces the entries: stop whichever are running at the end.
  defer(async () => void (await Promise.all(instances.map((instance) => instance.stop()))))
  const nginx = await startNginx({ instancePorts: INSTANCE_PORTS, httpPort: HTTP_PORT, httpsPort: HTTPS_PORT })
  defer(nginx.stop)

  const [loadAtSpike = 0] = os.loadavg()
  const spikeStarted = Date.now()
  let spikeEnded = Infinity
  const spike = runSpikeAgainst(publicUrl, setUp, log).finally(() => (spikeEnded = Date.now()))
  const restart = sleep(RESTART_AFTER_S * 1000).then(() =>
    rollingRestart({
      settings,
      instances,
      rotation: PROCEDURE === 'out-first' ? nginxRotation(nginx) : undefined,
      waitUntilServed: (address) => waitUntilServed(nginx.accessLog, address, () => spikeEnded < Infinity),
      log,
    }),
  )
  const [run, restarts] = await Promise.all([spike, restart])
  const spikeEntries = readAccessLog(nginx.accessLog).filter(
    (entry) => entry.msec * 1000 >= spikeStarted && entry.msec * 1000 <= spikeEnded + 1000,
  )

  log('Checking the proxy, and sessions, failed logins and rate limits across the instances…')
  const proxy = await checkProxy({ publicUrl, httpPort: HTTP_PORT, accessLog: nginx.accessLog })
  const options = { publicUrl, instances }
  const sessions = await checkSessions(options)
  const limits = [await checkLoginThrottle(options), await checkRateLimit(options)]

  const summary: LbSummary = {
    nginxVersion: nginxVersion(),
    procedure: PROCEDURE,
    instanceCount: instances.length,
    spikeEntries,
    restarts,
    restartDuringLoad: restarts.every((r) => r.backInRotationMs !== null),
    sessions,
    limits,
    proxy,
    spikeErrors: Object.values(run.errors).reduce((sum, count) => sum + count, 0),
  }
  // The database stays for the check; the servers are done (stopping twice is harmless).
  await nginx.stop()
  await Promise.all(instances.map((instance) => instance.stop()))
  const spikeSummary = await summarizeSpike({ database, setUp, run, loadBefore, loadAtSpike })
  const title =
    'PostgreSQL: two instances behind nginx, rolling restart during the exam-start spike' +
    (PROCEDURE === 'sigterm' ? ' (SIGTERM alone)' : '')
  const command = commandLine({ script: 'bench:lb' })
  const results = `${spikeReport({ ...spikeSummary, command })}\n\n${lbReport(summary)}`
  process.stdout.write(`\n### ${title}\n\n${results}\n\n`)
  writeResults(PROCEDURE === 'sigterm' ? 'postgres-lb-sigterm' : 'postgres-lb', title, results)
  log('BENCHMARKS.md updated.')
  assertSpikePassed(spikeSummary)
  if (!lbPassed(summary)) throw new Error('the load-balancer run failed: see the report above')
}

await runMain('bench:lb', main, log)
