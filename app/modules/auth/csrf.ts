const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The host the browser addressed: the first `X-Forwarded-Host` behind a proxy, else `Host`. */
export function requestHost({ forwardedHost, host }: { forwardedHost: string | undefined; host: string | undefined }) {
  return forwardedHost?.split(',')[0]?.trim() || host
}

/**
 * Every state-changing request must carry an Origin whose host is the one the request was sent to.
 * Browsers always send Origin on POST, so a missing one means a non-browser client or an old browser:
 * refuse both. This is the same rule Remix applies to actions — checking it here first turns what
 * Remix would answer with a 500 into a clear 403 before any route runs.
 */
export function isAllowedOrigin({
  method,
  origin,
  host,
}: {
  method: string
  origin: string | undefined
  host: string | undefined
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true
  if (!origin || origin === 'null' || !host) return false
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
