// The package download as one part of `npm run bench` (issue 15: "Downloading a package of a shipped course
// < 1 s"), on a database and server of its own, first started as any server is (demo data, shipped courses):
// the demo instructor downloads the largest shipped course's package archive, one download at a time and ten
// at once, each against the bare route at the same concurrency, measured in the same run.
import type { Scenario } from '../bench'
import { createScratchDatabase } from '../lib/scratch-database'
import type { MatrixContext } from './matrix'
import { writeResults } from './report'
import { serverLabel } from './server'

const COURSE = 'aeo'
const PATH = `/en/studio/courses/${COURSE}/package.zip`
const P95_GOAL_MS = 1000

function scenarios(): Scenario[] {
  const bare = (connections: number): Scenario => ({
    name: `bare route, ${connections} connection${connections > 1 ? 's' : ''}`,
    method: 'GET',
    path: '/healthz',
    expect: '"db":"ok"',
    connections,
  })
  const download = (connections: number): Scenario => ({
    name: `package download, ${connections} connection${connections > 1 ? 's' : ''}`,
    method: 'GET',
    path: PATH,
    user: 'instructor@demo.test',
    // File names are stored as they are in a zip: the archive must hold the course's own file.
    expect: 'course.yaml',
    connections,
    baseline: bare(connections).name,
    // The goal is for a download; ten at once show how they share the two cores.
    ...(connections === 1 && { p95GoalMs: P95_GOAL_MS }),
  })
  return [bare(1), download(1), bare(10), download(10)]
}

export async function runPackage(context: Omit<MatrixContext, 'signIn'>, loadBefore: number) {
  const database = await createScratchDatabase({ serverUrl: process.env.BENCH_DATABASE_URL, prefix: 'lms_bench' })
  context.defer(database.drop)
  await context.startServer(database)
  const measurements = []
  for (const scenario of scenarios()) measurements.push(await context.measure(scenario))
  const download = measurements.find((m) => m.scenario.path === PATH)!
  const results = [
    context.report(measurements, serverLabel(database), loadBefore),
    '',
    `Package download: \`GET ${PATH}\` as \`instructor@demo.test\`, the shipped course _${COURSE}_ as first ` +
      `imported (its package's own files given back), ${(download.bytesPerReq / 1024).toFixed(0)} KiB zip: the ` +
      'course read in one query, every YAML file compared with the kept one, the archive deflated in the request.',
  ].join('\n')
  const title = `${context.engineTitle(database)}: package download`
  process.stdout.write(`\n### ${title}\n\n${results}\n\n`)
  const failed = measurements.filter((m) => m.errors > 0 || m.non2xx > 0)
  if (failed.length > 0) {
    for (const m of failed) context.log(`FAILED ${m.scenario.name}: ${m.errors} errors, status codes ${m.statusCodes}`)
    throw new Error('requests failed during the package run; BENCHMARKS.md not updated')
  }
  writeResults(`${database.engine}-package`, title, results)
  context.log('BENCHMARKS.md updated.')
}
