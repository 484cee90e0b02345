import type { SessionUser } from '~/modules/auth/user'

/** Fields the request logger adds to its line once the response is sent. */
export interface RequestLogFields {
  userId?: string
  route?: string
}

declare module '@remix-run/server-runtime' {
  interface AppLoadContext {
    requestId: string
    clientIp: string
    secureCookies: boolean
    auth: { sessionId: string; user: SessionUser } | null
    log: RequestLogFields
  }
}
