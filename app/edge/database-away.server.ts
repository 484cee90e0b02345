// A request that failed because the database is away (restarting, stopped, unreachable) is answered
// 503 "temporarily unavailable, your saved answers are kept" with Retry-After, never 500 "something went
// wrong" with a reference to report. Remix hands every loader or action error to `handleError` before it
// renders; that marks the request here, and entry.server answers from the mark.
import type { AppLoadContext } from '@remix-run/node'
import { getServerT } from '~/i18n/i18n.server'
import { isDatabaseUnavailable } from '~/utils/db-unavailable.server'
import { logger } from '~/utils/logger.server'

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

/**
 * For responses that have no error page — downloads and course figures, which Remix would answer with a
 * bare 500 — the database away is a 503 line of text in the reader's language, with Retry-After.
 */
export async function unlessDatabaseAway(context: AppLoadContext, respond: () => Promise<Response>) {
  try {
    return await respond()
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    logger.warn({ err: error, requestId: context.requestId }, 'database unavailable')
    const t = getServerT(context.locale, 'common')
    return new Response(`${t('errors.unavailableTitle')}. ${t('errors.unavailableText')}`, {
      status: 503,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Retry-After': String(RETRY_AFTER_S),
        'Cache-Control': 'no-store',
      },
    })
  }
}
