// What each fault did to the learners' requests and to /healthz, from the recorded outcomes.
import type { Outcome } from './http'

export interface Fault {
  name: string
  /** Milliseconds since the run began: the fault's command was given, and PostgreSQL answered again. */
  from: number
  to: number
}

export interface FaultEffect {
  fault: Fault
  /** Requests answered between the fault's start and the next fault (or the end). */
  requests: number
  failures: Outcome[]
  /** Seconds from the fault's start until the first success after its last failure; 0 without failures. */
  recoveredAfterS: number
  /** The same, counted from when PostgreSQL answered again (0 when the app was back first). */
  afterDatabaseS: number
  /** /healthz answers between the fault's start and its recovery, by status. */
  health: Map<number, number>
}

export function faultEffects(faults: Fault[], outcomes: Outcome[], health: Outcome[], endedAt: number) {
  return faults.map((fault, index): FaultEffect => {
    const until = faults[index + 1]?.from ?? endedAt
    const within = outcomes.filter((outcome) => outcome.doneAt >= fault.from && outcome.doneAt < until)
    const failures = within.filter((outcome) => !outcome.ok)
    const lastFailure = Math.max(fault.from, ...failures.map((outcome) => outcome.doneAt))
    const firstSuccess = failures.length
      ? (within.find((outcome) => outcome.ok && outcome.sentAt >= lastFailure)?.doneAt ?? until)
      : fault.from
    const seen = new Map<number, number>()
    for (const { status } of health.filter((check) => check.sentAt >= fault.from && check.sentAt <= firstSuccess)) {
      seen.set(status, (seen.get(status) ?? 0) + 1)
    }
    return {
      fault,
      requests: within.length,
      failures,
      recoveredAfterS: (firstSuccess - fault.from) / 1000,
      afterDatabaseS: Math.max(0, firstSuccess - fault.to) / 1000,
      health: seen,
    }
  })
}
