import { describe, expect, it } from 'vitest'
import { createManualClock } from '../../../tests/support/manual-clock'
import { createInProcessQueue, retryDelayMs, type Job } from './job-queue'

const policy = { retryLimit: 3, retryDelaySeconds: 10, backoff: true }

describe('retryDelayMs', () => {
  it('doubles the delay after each failure when backing off, and keeps it otherwise', () => {
    expect([1, 2, 3, 4].map((retry) => retryDelayMs(policy, retry))).toEqual([10_000, 20_000, 40_000, 80_000])
    expect(retryDelayMs({ ...policy, backoff: false }, 4)).toBe(10_000)
  })

  it('waits an hour at most', () => {
    expect(retryDelayMs(policy, 20)).toBe(3_600_000)
  })
})

describe('the in-process queue', () => {
  it('runs a job once it is sent, and not before the clock lets it', async () => {
    const clock = createManualClock()
    const queue = createInProcessQueue({ clock })
    const seen: unknown[] = []
    await queue.work<{ n: number }>('count', policy, async (job) => void seen.push(job.data.n))
    await queue.send('count', { n: 1 })
    expect(seen).toEqual([])
    clock.advance(0)
    await queue.settled()
    expect(seen).toEqual([1])
  })

  it('retries a failing job with growing delays and gives up after the last retry', async () => {
    const clock = createManualClock()
    const givenUp: Job<unknown>[] = []
    const queue = createInProcessQueue({ clock, onGiveUp: (job) => givenUp.push(job) })
    const runs: number[] = []
    await queue.work('flaky', policy, async () => {
      runs.push(clock.now())
      throw new Error('mail server away')
    })
    const start = clock.now()
    await queue.send('flaky', {})
    clock.advance(0)
    await queue.settled()
    expect(clock.pending()).toEqual([10_000])
    // One millisecond early, nothing runs.
    clock.advance(9_999)
    await queue.settled()
    expect(runs).toHaveLength(1)
    for (const wait of [1, 20_000, 40_000]) {
      clock.advance(wait)
      await queue.settled()
    }
    expect(runs.map((at) => at - start)).toEqual([0, 10_000, 30_000, 70_000])
    expect(givenUp).toHaveLength(1)
    expect(clock.pending()).toEqual([])
  })

  it('stops retrying once a run succeeds', async () => {
    const clock = createManualClock()
    const queue = createInProcessQueue({ clock })
    let runs = 0
    await queue.work('second-time-lucky', policy, async () => {
      runs += 1
      if (runs === 1) throw new Error('first attempt fails')
    })
    await queue.send('second-time-lucky', {})
    clock.advance(0)
    await queue.settled()
    clock.advance(10_000)
    await queue.settled()
    clock.advance(3_600_000)
    await queue.settled()
    expect(runs).toBe(2)
  })

  it('sends nothing twice when the job guards its effect, whatever fails after the claim', async () => {
    // The shape of the e-mail job (ADR 033): claim, fail or send, mark. A failure before sending gives
    // the claim back; a claimed or sent row is never sent again, even by a duplicate job.
    const clock = createManualClock()
    const queue = createInProcessQueue({ clock })
    const row = { claimed: false, sent: false, attempts: 0 }
    const outbox: string[] = []
    await queue.work<{ key: string }>('mail', policy, async (job) => {
      if (row.claimed || row.sent) return
      row.claimed = true
      row.attempts += 1
      if (row.attempts === 1) {
        row.claimed = false
        throw new Error('fault after the claim')
      }
      outbox.push(job.data.key)
      row.sent = true
    })
    await queue.send('mail', { key: 'reminder:a' })
    await queue.send('mail', { key: 'reminder:a' }) // the same reminder queued twice (a restart's sweep)
    clock.advance(0)
    await queue.settled()
    clock.advance(60_000)
    await queue.settled()
    expect(outbox).toEqual(['reminder:a'])
  })

  it('runs the hourly job at the top of each hour, and nothing after it stopped', async () => {
    const clock = createManualClock(Date.UTC(2026, 11, 7, 9, 30))
    const queue = createInProcessQueue({ clock })
    let ticks = 0
    await queue.work('tick', policy, async () => void (ticks += 1))
    await queue.scheduleHourly('tick')
    clock.advance(29 * 60_000)
    await queue.settled()
    expect(ticks).toBe(0)
    clock.advance(60_000)
    clock.advance(0)
    await queue.settled()
    expect(ticks).toBe(1)
    await queue.stop()
    clock.advance(3 * 3_600_000)
    await queue.settled()
    expect(ticks).toBe(1)
    await expect(queue.send('tick', {})).rejects.toThrow('stopped')
  })
})
