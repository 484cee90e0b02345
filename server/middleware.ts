import { randomBytes, randomUUID } from 'node:crypto'
import { TLSSocket } from 'node:tls'
import type { AppLoadContext } from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import { DEFAULT_LOCALE } from '~/i18n/config'
import { detectRequestLocale } from '~/i18n/request-locale.server'
import { addressedSite, isAllowedOrigin } from '~/modules/auth/csrf'
import { clearedSessionCookie, readSessionToken, sessionCookie } from '~/modules/auth/session-cookie'
import { validateSessionToken } from '~/modules/auth/session.server'
import { logger } from '~/utils/logger.server'

type Locals = { context: AppLoadContext }

/**
 * Starts the per-request context — its id, client, language — and writes one JSON log line when the
 * response is finished.
 */
export function requestContext({ secureCookies }: { secureCookies: boolean }) {
  return async (req: Request, res: Response<unknown, Locals>, next: NextFunction) => {
    const started = performance.now()
    const context: AppLoadContext = {
      requestId: randomUUID(),
      locale: await requestLocale(req),
      clientIp: req.ip ?? 'unknown',
      secureCookies,
      // 128 random bits, new for every response, as CSP asks of a nonce.
      cspNonce: randomBytes(16).toString('base64'),
      auth: null,
      log: {},
    }
    res.locals.context = context
    res.setHeader('X-Request-Id', context.requestId)
    res.on('finish', () => {
      logger.info({
        requestId: context.requestId,
        method: req.method,
        path: req.path,
        route: context.log.route,
        userId: context.log.userId,
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      })
    })
    next()
  }
}

/**
 * The request's language. Express 4 does not catch a rejected async middleware (the process would stop
 * on it), so an address or header the detector cannot read means the default language, not a crash.
 */
async function requestLocale(req: Request) {
  try {
    return await detectRequestLocale(localeProbe(req))
  } catch {
    return DEFAULT_LOCALE
  }
}

/** The parts of a request the language depends on, as the Fetch request the detector reads. */
function localeProbe(req: Request) {
  const headers = new Headers()
  for (const name of ['cookie', 'accept-language']) {
    const value = req.get(name)
    if (value) headers.set(name, value)
  }
  return new globalThis.Request(new URL(req.originalUrl, 'http://localhost'), { headers })
}

const CSRF_MESSAGE =
  'Forbidden: this request did not come from this site. / Запрещено: запрос отправлен не с этого сайта.'

/**
 * Refuses every state-changing request whose Origin is missing or not the site it was sent to
 * (scheme, host and port). Without TRUST_PROXY it first drops the client's `X-Forwarded-Host` and
 * `-Proto`: Remix reads them whatever Express trusts, for the request's URL and for its own origin
 * check on actions, which must see the same host as this one.
 */
export function csrfGuard({ trustProxy, baseUrl }: { trustProxy: boolean; baseUrl: string }) {
  const siteOrigin = new URL(baseUrl).origin
  return (req: Request, res: Response, next: NextFunction) => {
    if (!trustProxy) {
      delete req.headers['x-forwarded-host']
      delete req.headers['x-forwarded-proto']
    }
    const addressed = addressedSite({
      host: req.get('host'),
      forwardedHost: req.get('x-forwarded-host'),
      forwardedProto: req.get('x-forwarded-proto'),
      encrypted: req.socket instanceof TLSSocket,
      trustProxy,
    })
    if (isAllowedOrigin({ method: req.method, origin: req.get('origin'), addressed, siteOrigin })) return next()
    res.status(403).type('text/plain; charset=utf-8').send(CSRF_MESSAGE)
  }
}

/** Resolves the session cookie to a user, slides its expiry, and drops cookies that are no longer valid. */
export function authenticate() {
  return async (req: Request, res: Response<unknown, Locals>, next: NextFunction) => {
    const { context } = res.locals
    const token = readSessionToken(req.headers.cookie)
    if (!token) return next()
    try {
      const session = await validateSessionToken({ token })
      if (!session) {
        res.append('Set-Cookie', clearedSessionCookie({ secure: context.secureCookies }))
        return next()
      }
      context.auth = { sessionId: session.sessionId, user: session.user }
      context.log.userId = session.user.id
      if (session.renewedExpiresAt) {
        res.append(
          'Set-Cookie',
          sessionCookie({ token, expiresAt: session.renewedExpiresAt, secure: context.secureCookies }),
        )
      }
      next()
    } catch (error) {
      next(error)
    }
  }
}
