// GET /verify/:code.json — the verification page's facts for machines. Remix matches whole path
// segments only, so `:code.json` cannot be a route of its own; it is answered here, from the same
// function as the page (`verify`), before Remix sees the request.
import type { NextFunction, Request, Response } from 'express'
import { verify, VERIFY_HEADERS } from '~/modules/certificates/verify.server'
import type { AppLoadContext } from '@remix-run/node'

// A code never needs percent-encoding, so the raw segment is read as it is (and cannot fail to decode).
const JSON_PATH = /^\/verify\/([^/]+)\.json$/

export function verifyJson() {
  return async (req: Request, res: Response<unknown, { context: AppLoadContext }>, next: NextFunction) => {
    const match = JSON_PATH.exec(req.path)
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return next()
    try {
      const result = await verify({ rawCode: match[1]!, clientIp: res.locals.context.clientIp })
      res.set(VERIFY_HEADERS)
      if (result.kind === 'too-many') {
        res.set('Retry-After', String(result.retryAfterSeconds))
        res.status(429).json({ status: 'rate-limited', retryAfterSeconds: result.retryAfterSeconds })
      } else if (result.kind === 'not-found') {
        res.status(404).json({ status: 'not-found' })
      } else {
        res.json(result.certificate)
      }
    } catch (error) {
      next(error)
    }
  }
}
