// Kept apart from database-away.server.ts, which the Express server imports outside Vite: this one
// translates through i18n.server, whose locale files only Vite's import.meta.glob can load.
import type { AppLoadContext } from '@remix-run/node'
import { getServerT } from '~/i18n/i18n.server'
import { isDatabaseUnavailable } from '~/utils/db-unavailable.server'
import { logger } from '~/utils/logger.server'
import { RETRY_AFTER_S } from './database-away.server'

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
