// nginx's JSON access log (log_format lms_json in docs/deploy/nginx-lms.conf): which instance answered
// each request, which ones nginx retried on another, and what it answered itself.
import { readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { z } from 'zod'

const Entry = z.object({
  msec: z.number(),
  method: z.string(),
  uri: z.string(),
  status: z.number(),
  /** Seconds from the client's first byte to nginx's last. */
  requestTime: z.number(),
  /** Every instance tried, comma-separated; empty when nginx answered itself (cache, error page). */
  upstream: z.string(),
  upstreamStatus: z.string(),
})
export type AccessEntry = z.infer<typeof Entry>

export function readAccessLog(file: string): AccessEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => Entry.parse(JSON.parse(line)))
}

const triedAddresses = (entry: AccessEntry) => (entry.upstream ? entry.upstream.split(/,\s*/) : [])
/** The instance whose answer nginx passed on (the last one tried), or '' when nginx answered itself (it
 * logs the upstream's name when it found no instance to try). */
export const answeredBy = (entry: AccessEntry) =>
  triedAddresses(entry)
    .at(-1)
    ?.match(/^[\d.]+:\d+$/)?.[0] ?? ''

/**
 * Waits for an answer below 500 from `address` logged after this call: true once there is one, false
 * when `giveUp()` says no more requests will come.
 */
export async function waitUntilServed(file: string, address: string, giveUp: () => boolean, timeoutMs = 60_000) {
  const since = Date.now() / 1000
  const deadline = Date.now() + timeoutMs
  while (!giveUp()) {
    const served = readAccessLog(file).some(
      (entry) => entry.msec >= since && answeredBy(entry) === address && entry.status < 500,
    )
    if (served) return true
    if (Date.now() > deadline) throw new Error(`nginx sent no request to ${address} within ${timeoutMs / 1000} s`)
    await sleep(100)
  }
  return false
}

/** Waits until nginx has passed nothing to `address` for `quietMs` (it was taken out of rotation). */
export async function waitUntilIdle(file: string, address: string, quietMs = 1_000, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const last = Math.max(
      0,
      ...readAccessLog(file)
        .filter((entry) => answeredBy(entry) === address)
        .map((entry) => entry.msec),
    )
    if (Date.now() - last * 1000 >= quietMs) return
    if (Date.now() > deadline) throw new Error(`nginx still sends requests to ${address} after ${timeoutMs / 1000} s`)
    await sleep(100)
  }
}

export interface AccessSummary {
  requests: number
  byInstance: Map<string, number>
  /** Requests nginx sent to a second instance after the first failed (refused, reset, 502/503). */
  retried: number
  /** Answers with a status of 500 or more, whoever gave them. */
  serverErrors: number
  statuses: Map<number, number>
}

export function summarizeAccess(entries: AccessEntry[]): AccessSummary {
  const byInstance = new Map<string, number>()
  const statuses = new Map<number, number>()
  let retried = 0
  for (const entry of entries) {
    const by = answeredBy(entry) || 'nginx'
    byInstance.set(by, (byInstance.get(by) ?? 0) + 1)
    statuses.set(entry.status, (statuses.get(entry.status) ?? 0) + 1)
    if (triedAddresses(entry).length > 1) retried += 1
  }
  const serverErrors = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0)
  return { requests: entries.length, byInstance, retried, serverErrors, statuses }
}
