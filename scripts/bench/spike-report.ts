// The exam-start spike's section of BENCHMARKS.md: latency per request kind, errors, the database
// check afterwards and a verdict per goal of the issue (0 errors over N starts, save p95 < 1 s).
import { markdownTable, percentile, runHeader, verdict } from './report'
import type { SpikeCheck } from './spike-database'
import { REQUEST_KINDS, type RequestKind, type SpikeRun } from './spike'

export const SAVE_P95_GOAL_MS = 1000

export interface SpikeSummary {
  run: SpikeRun
  check: SpikeCheck
  learners: number
  concurrency: number
  saves: number
  doubleClickEvery: number
  questionsPerAttempt: number
  courseSlug: string
  databaseLabel: string
  setUpMs: number
  loadBefore: number
  loadAtSpike: number
  /** The command that ran it, when not `npm run bench` (report.ts's commandLine). */
  command?: string
}

const REQUESTS: Record<RequestKind, (course: string) => string> = {
  start: (course) => `POST /en/courses/${course}/exam (intent=start)`,
  page: () => 'GET /en/attempts/:id',
  save: () => "POST /en/attempts/:id/answers (intent=save), as the page's script saves",
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(0))

/**
 * Problems with the database after the run: a duplicate, a second attempt, an attempt missing for a learner
 * who reached one, or answers missing where every save was answered with success.
 */
export function integrityProblems({
  check,
  learners,
  run,
}: Pick<SpikeSummary, 'check' | 'learners' | 'run'>): string[] {
  const unfinished = learners - run.finished
  return [
    ...(check.duplicateNumbers === 0 ? [] : [`${check.duplicateNumbers} duplicate (quiz, learner, number)`]),
    ...(check.learnersWithSeveral === 0 ? [] : [`${check.learnersWithSeveral} learners with more than one attempt`]),
    ...(check.learners >= run.started
      ? []
      : [`${check.learners} learners with an attempt, ${run.started} reached one`]),
    ...(check.withoutAnswers <= unfinished
      ? []
      : [`${check.withoutAnswers} attempts without saved answers, ${unfinished} learners did not finish`]),
  ]
}

export function spikeGoals(summary: SpikeSummary) {
  const { run } = summary
  const errors = REQUEST_KINDS.reduce((sum, kind) => sum + run.errors[kind], 0)
  const saveP95 = percentile(run.latencies.save, 95)
  return {
    errors,
    saveP95,
    noErrors: errors === 0 && run.started === summary.learners,
    fastSaves: saveP95 < SAVE_P95_GOAL_MS,
    integrity: integrityProblems(summary),
  }
}

export function spikeReport(summary: SpikeSummary): string {
  const { run, check, learners } = summary
  const goals = spikeGoals(summary)
  const rows = REQUEST_KINDS.map((kind) => {
    const sorted = run.latencies[kind]
    return [
      kind === 'page' ? 'attempt page' : kind,
      REQUESTS[kind](summary.courseSlug),
      String(run.sent[kind]),
      ...[50, 95, 99].map((p) => ms(percentile(sorted, p))),
      ms(sorted.at(-1) ?? NaN),
      String(run.errors[kind]),
    ]
  })
  const header = ['Request', 'What', 'sent', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors']
  const doubleClicks = summary.doubleClickEvery > 0 ? Math.ceil(learners / summary.doubleClickEvery) : 0
  const retried = [...run.retried].map(([what, count]) => `${count}× \`${what}\``)
  const errorKinds = [...run.errorKinds].sort((a, b) => b[1] - a[1]).map(([what, count]) => `${count}× \`${what}\``)
  return [
    ...runHeader(
      `${summary.loadBefore.toFixed(2)} before the run, ${summary.loadAtSpike.toFixed(2)} when the spike began ` +
        '(after our own set-up)',
      summary.command,
    ),
    `- Database: ${summary.databaseLabel}`,
    `- Load: ${learners} learners, ${summary.concurrency} in flight at once, each: start the final exam of ` +
      `\`${summary.courseSlug}\` → attempt page → ${summary.saves} saves of every shown question ` +
      `(${summary.questionsPerAttempt} per attempt); every ${summary.doubleClickEvery}th learner double-clicks ` +
      `"Start" (${doubleClicks} learners send two starts at once). Same machine over loopback, no think time.`,
    `- Set-up before the server started (accounts, enrolments, completed modules, sessions, in the bench ` +
      `process): ${(summary.setUpMs / 1000).toFixed(1)} s`,
    `- Spike: ${(run.wallMs / 1000).toFixed(1)} s wall time, ${((learners * 1000) / run.wallMs).toFixed(1)} ` +
      `learners/s; ${run.started} of ${learners} reached their attempt, ${run.finished} finished every step`,
    `- Double clicks: ${run.continued} second starts were answered with the attempt the first one opened ` +
      '(HTTP 409 "continue your attempt" with its link, as the app answers a start while an attempt is open; ' +
      'not errors)',
    '',
    markdownTable([header, ...rows]),
    '',
    `Database after the run: ${check.attempts} final-exam attempts of ${check.learners} learners (expected ` +
      `${learners}); duplicate (quiz, learner, number): ${check.duplicateNumbers}; learners with more than one ` +
      `attempt: ${check.learnersWithSeveral}; attempts without saved answers: ${check.withoutAnswers}, with some ` +
      `questions unsaved: ${check.partlyAnswered}; ${check.answerRows} answer rows; still in progress: ` +
      `${check.inProgress}.`,
    ...(errorKinds.length ? ['', `Errors: ${errorKinds.join('; ')}.`] : []),
    ...(retried.length
      ? [
          '',
          `Sent again after the server reset a kept-alive connection (as a browser does; not errors): ${retried.join('; ')}.`,
        ]
      : []),
    '',
    `- Starts: ${run.started} of ${learners} without error, ${goals.errors} errors in all, goal 0 errors: ` +
      `**${verdict(goals.noErrors)}**`,
    `- Save p95: ${ms(goals.saveP95)} ms, goal < ${SAVE_P95_GOAL_MS} ms: **${verdict(goals.fastSaves)}**`,
    '- Database: no duplicate or second attempt, answers saved for every learner who finished: ' +
      `**${goals.integrity.length === 0 ? 'PASS' : `FAILED (${goals.integrity.join('; ')})`}**`,
  ].join('\n')
}
