import type { HeadersFunction } from '@remix-run/node'

/** Remix passes on only Set-Cookie from an action unless the route says which headers to keep. */
export const keepRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

/** A throttled answer's status and headers: 429, and the wait in Retry-After for machines. */
export function throttledInit(retryAfterSeconds: number): ResponseInit {
  return { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } }
}
