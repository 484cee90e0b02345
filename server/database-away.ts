import type { AppLoadContext } from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import { RETRY_AFTER_S } from '~/edge/database-away.server'
import { DEFAULT_LOCALE, type Locale } from '~/i18n/config'
import en from '~/locales/en/common.json'
import ru from '~/locales/ru/common.json'
import { isDatabaseUnavailable } from '~/utils/db-unavailable.server'
import { logger } from '~/utils/logger.server'

// The server's own code runs outside the Vite build that bundles the translations for i18next: it reads
// the two strings straight from the locale files (a new language fails the type check here until added).
const ERRORS = { en: en.errors, ru: ru.errors } satisfies Record<Locale, unknown>

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const escape = (text: string) => text.replace(/[&<>"]/g, (char) => ESCAPES[char]!)

/**
 * Errors raised before Remix (the session lookup in `authenticate`) while the database is away: a 503 in
 * the reader's language with Retry-After, instead of the 500 — a small page for a browser, `{ message }`
 * for a script that asks for JSON, a line of text for a `.data` request. Remix's own requests get the same
 * from entry.server.
 */
export function databaseAway() {
  return (error: unknown, req: Request, res: Response<unknown, { context?: AppLoadContext }>, next: NextFunction) => {
    if (res.headersSent || !isDatabaseUnavailable(error)) return next(error)
    const { locale = DEFAULT_LOCALE, requestId } = res.locals.context ?? {}
    logger.warn({ err: error, requestId }, 'database unavailable')
    const { unavailableTitle: title, unavailableText: text } = ERRORS[locale]
    res.status(503).set({ 'Retry-After': String(RETRY_AFTER_S), 'Cache-Control': 'no-store' })
    const wanted = req.path.endsWith('.data') ? 'text' : req.accepts(['html', 'json'])
    if (wanted === 'json') {
      res.json({ message: `${title}. ${text}` }) // as the app's JSON endpoints say what went wrong
      return
    }
    if (wanted !== 'html') {
      res.type('text/plain; charset=utf-8').send(`${title}. ${text}`)
      return
    }
    res
      .type('html')
      .send(
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
          '<meta name="viewport" content="width=device-width, initial-scale=1">' +
          `<title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1><p>${escape(text)}</p></main></body></html>`,
      )
  }
}
