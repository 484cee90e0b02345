const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Where the browser sent a request: the scheme and the host (with its port, as in the Host header). */
export interface AddressedSite {
  scheme: 'http' | 'https'
  host: string
}

const first = (list: string | undefined) => list?.split(',')[0]?.trim() || undefined

/**
 * The site a request was addressed to. Behind a trusted proxy (TRUST_PROXY=true) that is the first
 * `X-Forwarded-Host` and `X-Forwarded-Proto`; without one those headers are the client's own words
 * and count for nothing: the `Host` header, and https only on a TLS connection.
 */
export function addressedSite({
  host,
  forwardedHost,
  forwardedProto,
  encrypted,
  trustProxy,
}: {
  host: string | undefined
  forwardedHost: string | undefined
  forwardedProto: string | undefined
  encrypted: boolean
  trustProxy: boolean
}): AddressedSite | undefined {
  const addressedHost = (trustProxy ? first(forwardedHost) : undefined) ?? host
  if (!addressedHost) return undefined
  const proto = trustProxy ? first(forwardedProto)?.toLowerCase() : undefined
  const scheme = proto === 'http' || proto === 'https' ? proto : encrypted ? 'https' : 'http'
  return { scheme, host: addressedHost }
}

/**
 * Every state-changing request must carry an Origin that is the site it was sent to: the same host
 * and port, and the same scheme — the one the request came in with, or the one of `siteOrigin`
 * (BASE_URL), for a TLS proxy whose `X-Forwarded-Proto` is not trusted. Browsers always send Origin
 * on POST, so a missing one means a non-browser client or an old browser: refuse both.
 *
 * Remix refuses an action whose Origin host is not the Host (or `X-Forwarded-Host`) with a 500;
 * comparing the same host here first turns that into a clear 403 before any route runs.
 */
export function isAllowedOrigin({
  method,
  origin,
  addressed,
  siteOrigin,
}: {
  method: string
  origin: string | undefined
  addressed: AddressedSite | undefined
  siteOrigin: string
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true
  if (!origin || origin === 'null' || !addressed) return false
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  if (url.host !== addressed.host) return false
  return url.protocol === `${addressed.scheme}:` || url.origin === siteOrigin
}
