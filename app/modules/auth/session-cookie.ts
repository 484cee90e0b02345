import { parseCookie, stringifySetCookie } from 'cookie'

export const SESSION_COOKIE = 'lms_session'

export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null
  const token = parseCookie(cookieHeader)[SESSION_COOKIE]
  // Tokens are 32 base32 characters; anything else cannot be ours and is not worth a query.
  return token && /^[a-z2-7]{32}$/.test(token) ? token : null
}

export function sessionCookie({ token, expiresAt, secure }: { token: string; expiresAt: Date; secure: boolean }) {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: token,
    expires: expiresAt,
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
  })
}

export function clearedSessionCookie({ secure }: { secure: boolean }) {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: '',
    maxAge: 0,
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
  })
}
