// Request bodies are capped before anything parses them: one anonymous 300 MB POST used to take 20 s
// and 4.6 GB while every action read it whole.
import type { AppLoadContext } from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import { RequestBodyTooLarge } from '~/edge/request-form.server'
import { LOCALES } from '~/i18n/config'
import { MAX_IMPORT_BYTES } from '~/modules/manage/manage.schema'
import { BODY_LIMIT_BYTES, MAX_PACKAGE_BYTES, TITLE_LIMIT_CHARS } from '~/modules/studio/limits'
import { MAX_MEDIA_BYTES } from '~/modules/studio/media.schema'
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
/** A course media upload: the file (up to MAX_MEDIA_BYTES, sent as is in a multipart body) and its alt texts. */
export const MEDIA_BODY_LIMIT = MAX_MEDIA_BYTES + FORM_BODY_LIMIT

/** A course package upload: the archive (up to MAX_PACKAGE_BYTES) in a multipart body, and its form. */
export const PACKAGE_BODY_LIMIT = MAX_PACKAGE_BYTES + FORM_BODY_LIMIT

/**
 * The studio's module editor: its page posts every language's title and body (a draft save, one
 * language's), URL-encoded, where a Cyrillic letter's two bytes take six.
 */
export const MODULE_EDITOR_BODY_LIMIT =
  LOCALES.length * 3 * (BODY_LIMIT_BYTES + TITLE_LIMIT_CHARS * 2) + FORM_BODY_LIMIT

/** A page of the site by its path after the language, with its `.data` twin (Remix's submissions with JavaScript). */
const page = (path: string) => new RegExp(`^/(?:${LOCALES.join('|')})/${path}(?:\\.data)?$`)

/** The pages that take more than a form (a file upload, a module's texts), and nothing else does. */
export const LARGER_BODIES = [
  { name: 'officer import', path: page('manage/import'), limit: UPLOAD_BODY_LIMIT },
  { name: 'course media upload', path: page('studio/courses/[^/]+/media'), limit: MEDIA_BODY_LIMIT },
  { name: 'course package upload', path: page('studio/upload'), limit: PACKAGE_BODY_LIMIT },
  {
    name: 'module editor',
    path: page('studio/courses/[^/]+/modules/[^/]+(?:/draft)?'),
    limit: MODULE_EDITOR_BODY_LIMIT,
  },
] as const

export function bodyLimitFor(path: string) {
  return LARGER_BODIES.find((route) => route.path.test(path))?.limit ?? FORM_BODY_LIMIT
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
