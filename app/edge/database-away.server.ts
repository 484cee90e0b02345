// A request that failed because the database is away (restarting, stopped, unreachable) is answered
// 503 "temporarily unavailable, your saved answers are kept" with Retry-After, never 500 "something went
// wrong" with a reference to report. Remix hands every loader or action error to `handleError` before it
// renders; that marks the request here, and entry.server answers from the mark.
import type { AppLoadContext } from '@remix-run/node'
import { isDatabaseUnavailable } from '~/utils/db-unavailable.server'

/** Seconds a client is asked to wait: a restart or failover takes a few. */
export const RETRY_AFTER_S = 5

export const UNAVAILABLE_REASON = 'common:errors.unavailableText'

const away = new WeakSet<AppLoadContext>()

/** Marks the request when `error` means the database is away; true when it does. */
export function markIfDatabaseAway(error: unknown, context: AppLoadContext): boolean {
  if (!isDatabaseUnavailable(error)) return false
  away.add(context)
  return true
}

/** The request failed because the database is away: it is answered 503, and errors that follow are that answer. */
export const isMarkedDatabaseAway = (context: AppLoadContext) => away.has(context)

/** Thrown from the document render: Remix renders again with it at the nearest error boundary. */
export const unavailableResponse = () =>
  new Response(UNAVAILABLE_REASON, { status: 503, statusText: 'Service Unavailable' })
