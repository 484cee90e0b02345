import { hitRateLimit, type RateLimitPolicy } from '~/modules/platform/rate-limit.server'
import { verifyCertificate } from './certificates.server'
import { parseCode } from './code'

// No Remix or Vite imports here: the JSON twin (server/verify-json.ts) runs outside the Remix build.

/** Generous for a person checking a few certificates, useless for guessing 140-bit codes. */
export const VERIFY_POLICY: RateLimitPolicy = { limit: 30, windowMs: 60_000 }

export type Verification =
  | { kind: 'too-many'; retryAfterSeconds: number }
  | { kind: 'not-found' }
  | { kind: 'found'; certificate: NonNullable<Awaited<ReturnType<typeof verifyCertificate>>> }

/**
 * Everything the verification page and its JSON twin know comes from here and from the code alone:
 * no query parameter, header or cookie changes what is shown, only the language it is shown in.
 */
export async function verify({ rawCode, clientIp }: { rawCode: string; clientIp: string }) {
  const retryAfterSeconds = await hitRateLimit({ key: `verify:${clientIp}`, policy: VERIFY_POLICY })
  if (retryAfterSeconds > 0) return { kind: 'too-many', retryAfterSeconds } satisfies Verification
  const code = parseCode(rawCode)
  const certificate = code ? await verifyCertificate({ code }) : null
  return (certificate ? { kind: 'found', certificate } : { kind: 'not-found' }) satisfies Verification
}

/** The status a verifier sees must be the current one: never cached, never indexed. */
export const VERIFY_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }
