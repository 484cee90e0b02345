// A clock for the in-process job queue that moves only when a test says so: retries after minutes of
// backoff are checked in milliseconds, and a test can see that nothing ran before its time.
import type { Clock } from '~/modules/platform/job-queue'

export function createManualClock(start = Date.UTC(2026, 11, 7, 9, 0)) {
  let now = start
  const timers = new Map<number, { at: number; run: () => void }>()
  let next = 1
  const clock: Clock & { advance(ms: number): void; pending(): number[] } = {
    now: () => now,
    setTimer(run, ms) {
      const id = next++
      timers.set(id, { at: now + ms, run })
      return id
    },
    clearTimer(timer) {
      timers.delete(timer as number)
    },
    /** Moves time on by `ms`, running every timer that falls due, in order. */
    advance(ms) {
      const until = now + ms
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        now = due[1].at
        due[1].run()
      }
      now = until
    },
    /** Milliseconds from now to each waiting timer. */
    pending: () => [...timers.values()].map((timer) => timer.at - now).sort((a, b) => a - b),
  }
  return clock
}
