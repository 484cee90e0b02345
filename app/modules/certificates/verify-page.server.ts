import { data, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { getServerT } from '~/i18n/i18n.server'
import { invariantResponse } from '~/utils/http'
import { hitRateLimit, type RateLimitPolicy } from '~/modules/platform/rate-limit.server'
import { parseCode } from './code'
import { verifyCertificate } from './certificates.server'

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

/** The loader of `/verify/:code` and `/:lang/verify/:code`. */
export async function verificationLoader({ request, params, context }: LoaderFunctionArgs) {
  const result = await verify({ rawCode: params.code ?? '', clientIp: context.clientIp })
  if (result.kind === 'too-many') {
    const headers = { ...VERIFY_HEADERS, 'Retry-After': String(result.retryAfterSeconds) }
    throw new Response('certificates:verify.tooMany', { status: 429, headers })
  }
  invariantResponse(result.kind === 'found', 'certificates:verify.notFound', { status: 404, headers: VERIFY_HEADERS })
  const t = await getServerT(request, 'certificates')
  return data({ title: t('verify.title'), certificate: result.certificate }, { headers: VERIFY_HEADERS })
}

/** Thrown responses (404, 429) keep their headers too. */
export const verificationHeaders: HeadersFunction = ({ errorHeaders, loaderHeaders }) => errorHeaders ?? loaderHeaders
