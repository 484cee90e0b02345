// Regrading as one part of `npm run bench -- --only regrade` (issue 15): BENCH_REGRADE_ATTEMPTS (1,000)
// finished final-exam attempts of one single-choice question, seeded in this process with the app's own
// functions, the question's key fixed as a publish writes it, then the regrade page's preview and its confirm
// timed as the route calls them. No server: the confirm is one request whose cost is its transaction.
import { createScratchDatabase } from '../lib/scratch-database'
import { positiveInt } from './options'
import { markdownTable, runHeader, verdict, writeResults } from './report'
import { withAppModules } from './spike-phase'

const ATTEMPTS = positiveInt('BENCH_REGRADE_ATTEMPTS', 1000)
const COURSE = 'cargo-container-control'
const GOAL_MS = 5000

export async function runRegrade(
  { log, defer }: { log(line: string): void; defer(task: () => Promise<void>): void },
  loadBefore: number,
) {
  const database = await createScratchDatabase({ serverUrl: process.env.BENCH_DATABASE_URL, prefix: 'lms_bench' })
  defer(database.drop)
  log(`Regrade: seeding ${ATTEMPTS} finished attempts on ${database.label}…`)
  const { result, setUpMs } = await withAppModules(
    database,
    () => import('./regrade-database'),
    async (bench) => {
      const started = performance.now()
      const setUp = await bench.setUpRegrade({ count: ATTEMPTS, courseSlug: COURSE })
      const setUpMs = performance.now() - started
      log(`Regrade: previewing and confirming the regrade of «${setUp.slug}»…`)
      return { result: await bench.measureRegrade({ courseSlug: COURSE, ...setUp }), setUpMs, slug: setUp.slug }
    },
  )
  const { outcome } = result
  // The demo data's own finished attempts of the exam may have drawn the question too.
  if (outcome.attempts < ATTEMPTS || result.regradedRows !== outcome.attempts || result.candidatesLeft !== 0)
    throw new Error(
      `regraded ${outcome.attempts} (${result.regradedRows} rows marked, ${result.candidatesLeft} left) of ${ATTEMPTS}`,
    )
  const engine = database.engine === 'pglite' ? 'PGlite (default)' : 'PostgreSQL'
  const rows = [
    ['Measurement', 'ms'],
    ['preview (the page: versions grouped in SQL, every candidate scored again)', result.previewMs.toFixed(0)],
    ['confirm (locks, the same computation, one UPDATE, completions, audit)', result.confirmMs.toFixed(0)],
  ]
  const results = [
    ...runHeader(`${loadBefore.toFixed(2)} before the run`),
    `- Database: ${database.label}`,
    `- Data: the demo database and shipped courses, plus ${ATTEMPTS} learners of \`${COURSE}\` with every module ` +
      `complete, each with one finished final exam attempt (15 questions frozen, answers saved, graded by the app's ` +
      `scoring), every one of which drew the fixed single-choice question; seeded in ${(setUpMs / 1000).toFixed(1)} s.`,
    `- Outcome: ${outcome.attempts} attempts regraded (the demo learners' too), ${outcome.scoreChanged} scores changed, ${outcome.nowPassing} now ` +
      `pass (${outcome.coursesCompleted} courses completed, ${result.certificatesIssued} certificates issued through ` +
      `\`completeCourseIfDone\`), ${outcome.nowFailing} now fail (${outcome.certificatesToReview.length} certificates listed for review).`,
    '',
    markdownTable(rows),
    '',
    `- Confirm: ${(result.confirmMs / 1000).toFixed(2)} s, goal < ${GOAL_MS / 1000} s on PostgreSQL: ` +
      `**${verdict(result.confirmMs < GOAL_MS)}**`,
  ].join('\n')
  const title = `${engine}: regrading ${ATTEMPTS} attempts`
  process.stdout.write(`\n### ${title}\n\n${results}\n\n`)
  writeResults(`${database.engine}-regrade`, title, results)
  log('BENCHMARKS.md updated.')
}
