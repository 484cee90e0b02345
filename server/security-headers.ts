// The security headers every response carries, and the Content-Security-Policy of the app's own
// responses. The values, and why they are what they are: app/utils/security-headers.ts, ADR 016.
import type { AppLoadContext } from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import { contentSecurityPolicy, strictTransportSecurity } from '~/utils/security-headers'

/** For every response, static files included. */
export function securityHeaders({ baseUrl }: { baseUrl: string }) {
  const hsts = strictTransportSecurity(baseUrl)
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'same-origin')
    // For browsers that predate CSP's frame-ancestors.
    res.setHeader('X-Frame-Options', 'DENY')
    if (hsts) res.setHeader('Strict-Transport-Security', hsts)
    next()
  }
}

/**
 * The policy with this request's nonce (made by requestContext), on everything the app answers: pages,
 * error pages and data alike. A route that sends a stricter policy of its own (course figures) adds
 * it, and the browser enforces both.
 */
export function contentSecurity({ development }: { development: boolean }) {
  return (_req: Request, res: Response<unknown, { context: AppLoadContext }>, next: NextFunction) => {
    const nonce = res.locals.context.cspNonce
    res.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce, development }))
    next()
  }
}
