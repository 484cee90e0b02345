import { data, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { getServerT } from '~/i18n/i18n.server'
import { invariantResponse } from '~/utils/http'
import { VERIFY_HEADERS, verify } from './verify.server'

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
