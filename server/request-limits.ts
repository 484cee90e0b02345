// Request bodies are capped before anything parses them: one anonymous 300 MB POST used to take 20 s
// and 4.6 GB while every action read it whole.
import type { AppLoadContext } from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import { RequestBodyTooLarge } from '~/edge/request-form.server'
import { LOCALES } from '~/i18n/config'
import { MAX_IMPORT_BYTES } from '~/modules/manage/manage.schema'
import { BODY_LIMIT_BYTES, TITLE_LIMIT_CHARS } from '~/modules/studio/limits'
import { refuse } from './request-guards'

/**
 * The largest form body a page takes. The largest legitimate one is the attempt form: at most 200
 * answers (answer-form.ts) of a few dozen bytes each, about 10 KiB.
 */
export const FORM_BODY_LIMIT = 64 * 1024
/**
 * The officer import's: the uploaded file (up to MAX_IMPORT_BYTES) in a multipart body, then its
 * checked text posted back URL-encoded, which can take three bytes for each byte of text.
 */
export const UPLOAD_BODY_LIMIT = 3 * MAX_IMPORT_BYTES + FORM_BODY_LIMIT
/** The pages that take a file upload, and their `.data` twins (Remix's submissions with JavaScript). */
const UPLOAD_PATHS = new RegExp(`^/(${LOCALES.join('|')})/manage/import(\\.data)?$`)

/**
 * The studio's module editor: its page posts every language's title and body (a draft save, one
 * language's), URL-encoded, where a Cyrillic letter's two bytes take six.
 */
export const MODULE_EDITOR_BODY_LIMIT =
  LOCALES.length * 3 * (BODY_LIMIT_BYTES + TITLE_LIMIT_CHARS * 2) + FORM_BODY_LIMIT
const MODULE_EDITOR_PATHS = new RegExp(
  `^/(${LOCALES.join('|')})/studio/courses/[^/]+/modules/[^/]+(/draft)?(\\.data)?$`,
)

export function bodyLimitFor(path: string) {
  if (UPLOAD_PATHS.test(path)) return UPLOAD_BODY_LIMIT
  return MODULE_EDITOR_PATHS.test(path) ? MODULE_EDITOR_BODY_LIMIT : FORM_BODY_LIMIT
}

/**
 * A declared Content-Length over the route's limit is a 413 before a byte is read. A body without one
 * (chunked) is counted as the route reads it; past the limit its stream fails with RequestBodyTooLarge,
 * which the route's form reader (app/edge/request-form.server.ts) answers with a 413.
 */
export function bodyLimits() {
  return (req: Request, res: Response<unknown, { context: AppLoadContext }>, next: NextFunction) => {
    if (req.method !== 'POST') return next()
    const limit = bodyLimitFor(req.path)
    // The rest of an over-limit body is not read: the connection cannot carry another request.
    if (Number(req.get('content-length') ?? 0) > limit) return refuse(res, 413, 'tooLarge', { Connection: 'close' })
    let received = 0
    const count = (chunk: Buffer) => {
      received += chunk.length
      if (received <= limit) return
      req.off('data', count)
      if (res.headersSent) return // answered without needing the rest of the body
      res.set('Connection', 'close')
      // Not destroy(): that would close the socket before the 413 could be sent.
      req.emit('error', new RequestBodyTooLarge(limit))
    }
    // Paused first, so that listening does not start the flow: the body is read (and counted) only
    // when the route reads it, and a body the route leaves unread is discarded by Node as usual.
    req.pause()
    req.on('data', count)
    req.on('error', () => {}) // the reader reports it; nobody may be reading yet
    next()
  }
}
