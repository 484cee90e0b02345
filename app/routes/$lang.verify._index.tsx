import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CertificateCodeForm } from '~/components/certificate-code-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getServerT } from '~/i18n/i18n.server'
import { href } from '~/i18n/href'
import { typedCode } from '~/modules/certificates/code'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['certificates'] }

/**
 * "Verify a certificate": the box a visitor types a code into. Its GET form lands here with `?code=`,
 * and is sent on to the certificate's own address, /:lang/verify/:code, in the printed form when the
 * text is a code; that page answers, and keeps the box filled when no certificate has the code.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get('code')
  const code = typed === null ? '' : typedCode(typed)
  if (code) throw redirect(href(context.locale, '/verify/:code', { code }))
  const t = getServerT(context.locale, 'certificates')
  // An empty box sent anyway: the same page, saying what is missing.
  const problem = typed === null ? undefined : 'check.empty'
  return data({ title: t('check.title'), problem }, { status: problem ? 400 : 200 })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default function VerifyCertificate() {
  const { problem } = useLoaderData<typeof loader>()
  const { t } = useTranslation('certificates')
  return (
    <>
      <h1>{t('check.title')}</h1>
      <p className="lead">{t('check.intro')}</p>
      <CertificateCodeForm problem={problem} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
