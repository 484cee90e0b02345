import type { Locale } from '~/i18n/config'
import type { SessionUser } from '~/modules/auth/user'

/** Fields the request logger adds to its line once the response is sent. */
export interface RequestLogFields {
  userId?: string
  route?: string
}

declare module '@remix-run/server-runtime' {
  interface AppLoadContext {
    requestId: string
    /** The request's language, decided once from the path (then the `lng` cookie, then Accept-Language). */
    locale: Locale
    clientIp: string
    secureCookies: boolean
    /** This response's Content-Security-Policy nonce: only inline scripts that carry it run. */
    cspNonce: string
    auth: { sessionId: string; user: SessionUser } | null
    log: RequestLogFields
  }
}
