// Requests the app cannot serve are answered here, before Remix and the database see them, with a
// 4xx and one line in the request's language instead of the 500 that the router, the Fetch API or
// PostgreSQL would otherwise end them with.
import type { AppLoadContext } from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import { ERROR_TEXTS, type ErrorText } from './error-texts'

type Locals = { context: AppLoadContext }

/** Pages are read with GET (HEAD) and forms posted with POST; nothing in the app takes another method. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const
const ALLOW = ALLOWED_METHODS.join(', ')
/** The bodies a browser's form sends; the JSON endpoint (verify-json.ts) is read-only. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

/** Ends the request with `status` and one of the app's error texts, in the request's language, as plain text. */
export function refuse(
  res: Response<unknown, Locals>,
  status: number,
  text: ErrorText,
  headers: Record<string, string> = {},
) {
  res.status(status).set(headers).type('text/plain; charset=utf-8').send(ERROR_TEXTS[res.locals.context.locale][text])
}

/**
 * 405 with `Allow` for a method the app has no use for (TRACE, PUT, PROPFIND…); OPTIONS lists them.
 * Remix's own client asks for `.data` with GET and POST only; Remix takes any other method there for
 * an action, and a HEAD from another site for an attack it ends with a 500.
 */
export function allowedMethods() {
  return (req: Request, res: Response<unknown, Locals>, next: NextFunction) => {
    if (req.method === 'OPTIONS') return res.status(204).set('Allow', ALLOW).end()
    if (req.method === 'HEAD' && req.path.endsWith('.data'))
      return refuse(res, 405, 'methodNotAllowed', { Allow: 'GET, POST' })
    if ((ALLOWED_METHODS as readonly string[]).includes(req.method)) return next()
    refuse(res, 405, 'methodNotAllowed', { Allow: ALLOW })
  }
}

/**
 * 400 for a Host that is not one, and for an address that cannot be decoded (`/%zz`, a cut-off UTF-8 sequence), that carries a NUL
 * (`%00`), which PostgreSQL refuses in text, or whose path holds another control character or a
 * backslash: URL parsers drop tabs and line breaks, so `/%09/x` would become `//x`, and take `\` for `/`,
 * so React Router's `new URL('/\\')` of `/%5C` found no host and threw (a 500 the fuzz found). No page's
 * address needs one.
 */
export function readableAddress() {
  return (req: Request, res: Response<unknown, Locals>, next: NextFunction) => {
    const path = decoded(req.path)
    if (/%00/.test(req.originalUrl) || path === null || NOT_IN_A_PATH.test(path)) return refuse(res, 400, 'badAddress')
    // Remix builds the request's URL from the host it was sent to: one that is not a host (`a b`, `[`)
    // would end in a URL error, a 500.
    const hosts = [req.get('host'), req.get('x-forwarded-host')].filter((host) => host !== undefined)
    if (hosts.some((host) => !URL.canParse(`http://${host}/`))) return refuse(res, 400, 'badAddress')
    next()
  }
}

const NOT_IN_A_PATH = /[\u0000-\u001f\u007f\\]/

function decoded(path: string) {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

/** 415 for a POST whose body is not a form: every action reads a form. */
export function formBodies() {
  return (req: Request, res: Response<unknown, Locals>, next: NextFunction) => {
    if (req.method !== 'POST') return next()
    const type = req.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? ''
    if (FORM_TYPES.includes(type)) return next()
    refuse(res, 415, 'notAForm', { 'Accept-Post': FORM_TYPES.join(', ') })
  }
}
