// The fault test's section of BENCHMARKS.md and its verdict: figures per fault, the database check, and
// a PASS or FAILED line per promise of issue 13 (no acknowledged save lost, no attempt left unusable).
import { commandLine, markdownTable, runHeader } from '../bench/report'
import type { DatabaseCheck } from './check'
import type { Outcome } from './http'
import type { FaultEffect } from './timeline'

export interface FaultSummary {
  databaseLabel: string
  learners: number
  /** Learners who reached the save loop before the faults began. */
  saving: number
  schedule: string
  outcomes: Outcome[]
  effects: FaultEffect[]
  /** The database after the load, and after every learner went back and submitted. */
  afterLoad: DatabaseCheck
  afterContinue: DatabaseCheck
  stuck: Map<string, number>
  loadBefore: number
}

const counted = (items: string[]) => {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1)
  const sorted = [...counts].sort((a, b) => b[1] - a[1]).map(([what, count]) => `${count}× \`${what}\``)
  // The most frequent kinds; a long tail would bury them.
  return sorted.length > 8 ? [...sorted.slice(0, 8), `${sorted.length - 8} other kinds`] : sorted
}
const seconds = (s: number) => `${s.toFixed(1)} s`

const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0)

/** Each promise of the run, with what broke it (empty: kept). */
function promises(summary: FaultSummary) {
  const { afterLoad, afterContinue } = summary
  const stuck = total(summary.stuck)
  const unclean = summary.outcomes.filter((outcome) => outcome.unclean).length
  // The restart may be over before /healthz is asked; an outage of seconds must show.
  const outages = summary.effects.filter(({ fault }) => fault.to - fault.from >= 2_000)
  return {
    lost: [...afterLoad.lost, ...afterContinue.lost],
    unusable: [
      ...(summary.saving < summary.learners ? [`${summary.learners - summary.saving} learners never got to save`] : []),
      ...(stuck > 0 ? [`${stuck} attempts unusable after the faults`] : []),
      ...(afterContinue.open > 0 ? [`${afterContinue.open} attempts still open after their learners submitted`] : []),
      ...(afterContinue.duplicates > 0 ? [`${afterContinue.duplicates} learners with more than one attempt`] : []),
    ],
    unclean: unclean > 0 ? [`${unclean} failures were not a clean 503`] : [],
    health: outages
      .filter((effect) => !effect.health.has(503))
      .map((effect) => `/healthz did not report the database down during "${effect.fault.name}"`),
  }
}

/** The promises of the run that were broken; empty when it passed. */
export function brokenPromises(summary: FaultSummary): string[] {
  const { lost, unusable, unclean, health } = promises(summary)
  return [...(lost.length ? [`acknowledged saves lost: ${lost.join('; ')}`] : []), ...unusable, ...unclean, ...health]
}

export function faultReport(summary: FaultSummary): string {
  const { afterLoad, afterContinue, outcomes } = summary
  const header = ['Fault', 'PostgreSQL away', 'requests', 'failed', 'served again after', '/healthz meanwhile']
  const rows = summary.effects.map(({ fault, requests, failures, recoveredAfterS, afterDatabaseS, health }) => [
    fault.name,
    seconds((fault.to - fault.from) / 1000),
    String(requests),
    String(failures.length),
    `${seconds(recoveredAfterS)} (${seconds(afterDatabaseS)} after PostgreSQL was back)`,
    [...health].map(([status, count]) => `${status || 'no answer'}×${count}`).join(', ') || '–',
  ])
  const failures = outcomes.filter((outcome) => !outcome.ok)
  const kinds = [...new Set(outcomes.map((outcome) => outcome.kind))]
  const sent = kinds.map((kind) => `${outcomes.filter((outcome) => outcome.kind === kind).length} ${kind}`)
  const kept = promises(summary)
  const stuck = [...summary.stuck].map(([why, count]) => `${count}× ${why}`)
  const verdict = (ok: boolean) => `**${ok ? 'PASS' : 'FAILED'}**`
  return [
    ...runHeader(
      `${summary.loadBefore.toFixed(2)} before the run`,
      commandLine({ script: 'faults', prefix: 'FAULTS_' }),
    ),
    `- Database: ${summary.databaseLabel}`,
    `- Load: ${summary.learners} learners at once, each: start the final exam, open the attempt, then save every ` +
      "shown question as the page's script does (`POST /en/attempts/:id/answers`, intent=save, JSON back, a growing " +
      '`seq`, other answers each time) every 0.3–0.9 s; after a failure the learner tries again in 0.25–2 s, and ' +
      'after two failures in a row reloads the attempt page first.',
    `- Faults, once all learners were saving: ${summary.schedule}`,
    '',
    markdownTable([header, ...rows]),
    '',
    `Requests: ${outcomes.length} (${sent.join(', ')}); failed: ${failures.length}` +
      (failures.length
        ? ` — ${counted(failures.map((outcome) => `${outcome.kind}: ${outcome.problem}`)).join('; ')}`
        : '') +
      '.',
    '',
    `Database after the load: ${afterLoad.acknowledged} learners with an acknowledged save, each checked against ` +
      "the database (every position of the learner's last acknowledged save holds its answer, or a later one the " +
      `learner sent): ${afterLoad.lost.length} lost; learners with more than one attempt: ${afterLoad.duplicates}.`,
    `Then every learner reloaded the attempt page, saved once more and submitted: ` +
      `${summary.learners - total(summary.stuck)} of ${summary.learners} ` +
      `got through${stuck.length ? ` (stuck: ${stuck.join('; ')})` : ''}; attempts still open: ${afterContinue.open}; ` +
      `final answers lost: ${afterContinue.lost.length}; learners with more than one attempt: ${afterContinue.duplicates}.`,
    '',
    `- Acknowledged saves lost: ${kept.lost.length}, goal 0: ${verdict(kept.lost.length === 0)}`,
    `- Every attempt usable afterwards (reload, save, submit), one per learner: ${verdict(kept.unusable.length === 0)}`,
    '- Failures a learner saw were clean 503s (no other 5xx, no stack trace, no request left without an answer; ' +
      `pages say the service is temporarily unavailable): ${verdict(kept.unclean.length === 0)}`,
    `- /healthz reported the database down during the outage: ${verdict(kept.health.length === 0)}`,
  ].join('\n')
}
