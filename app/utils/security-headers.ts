/**
 * The values of the security headers the server sends (server/security-headers.ts sets them, and
 * entry.server.tsx the cache rule for signed-in pages). README's Security section lists them;
 * docs/decisions/016-content-security-policy.md says why each is as it is.
 */

/** Pages and data of a signed-in user: a shared computer's back button must not show them after logout. */
export const PRIVATE_NO_STORE = 'private, no-store'

/** A year, subdomains included; sent only when the site's address is https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains'

/** HSTS for a site whose public address is `baseUrl`: none on plain http, where browsers ignore it anyway. */
export function strictTransportSecurity(baseUrl: string): string | undefined {
  return new URL(baseUrl).protocol === 'https:' ? STRICT_TRANSPORT_SECURITY : undefined
}

/**
 * The Content-Security-Policy of a response whose inline scripts (Remix's hydration data and module
 * imports, React's streaming, scroll restoration) carry `nonce`. Everything else the pages load —
 * scripts, styles, figures, fonts, data requests — comes from the site itself.
 *
 * `development` relaxes what Vite's dev server needs: it injects stylesheets as `<style>` elements
 * and talks to the browser over a WebSocket on another port.
 */
export function contentSecurityPolicy({ nonce, development }: { nonce: string; development: boolean }): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`],
    // The nonce lets the studio's Markdown editor add its <style> element (ADR 016, ADR 021).
    'style-src': development ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    'img-src': ["'self'"],
    'connect-src': development ? ["'self'", 'ws:', 'wss:'] : ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}
