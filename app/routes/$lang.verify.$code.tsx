import { data, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { namesOnCertificate } from '~/modules/certificates/certificate-texts'
import { VERIFY_HEADERS, verify } from '~/modules/certificates/verify.server'
import { typedCode } from '~/modules/certificates/code'
import { CertificateCodeForm } from '~/components/certificate-code-form'
import { formatDate, formatScore } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

// Also served at /verify/:code, the address printed on certificates (app/routes.ts).
export const handle = { i18n: ['certificates'] }

export async function loader({ params, context }: LoaderFunctionArgs) {
  const result = await verify({ rawCode: params.code ?? '', clientIp: context.clientIp })
  if (result.kind === 'too-many') {
    const headers = { ...VERIFY_HEADERS, 'Retry-After': String(result.retryAfterSeconds) }
    throw new Response('certificates:verify.tooMany', { status: 429, headers })
  }
  const t = getServerT(context.locale, 'certificates')
  // Unknown and malformed codes alike: a 404 whose page keeps the code in the box, to be corrected.
  if (result.kind !== 'found')
    return data(
      { title: t('verify.title'), certificate: null, typed: typedCode(params.code ?? '') },
      { status: 404, headers: VERIFY_HEADERS },
    )
  return data({ title: t('verify.title'), certificate: result.certificate, typed: null }, { headers: VERIFY_HEADERS })
}

/** Thrown responses (404, 429) keep their headers too. */
export const headers: HeadersFunction = ({ errorHeaders, loaderHeaders }) => errorHeaders ?? loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...titleMeta(data),
  { name: 'robots', content: 'noindex' },
]

/** The public verification page: the certificate's status first, then the facts on it. */
export default function CertificateVerification() {
  const { certificate, typed } = useLoaderData<typeof loader>()
  return certificate ? <Verification certificate={certificate} /> : <NotFound typed={typed} />
}

/** No certificate has the code: say so, and offer the box again with the code in it. */
function NotFound({ typed }: { typed: string }) {
  const { t } = useTranslation('certificates')
  return (
    <>
      <h1>{t('verify.notFoundTitle')}</h1>
      <p className="alert" role="alert">
        {t('verify.notFound')}
      </p>
      <CertificateCodeForm defaultValue={typed} problem="verify.notFoundField" />
    </>
  )
}

type Found = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['certificate']>

function Verification({ certificate }: { certificate: Found }) {
  const { t } = useTranslation('certificates')
  const locale = useLocale()
  const date = (value: Date | string) => formatDate(value, locale)
  const { status, administration, finalScore, expiresAt, revokedAt, revokedReason } = certificate
  // The name in the page's script, as that half of the certificate prints it; the other spelling next to it.
  const names = namesOnCertificate(certificate)
  const [name, otherName] = locale === 'en' ? [names.en, names.ru] : [names.ru, names.en]
  // Only the facts this certificate has: no administration, score or expiry row when there is none.
  const facts = (
    [
      [t('verify.learner'), name],
      [t('verify.learnerOther'), otherName === name ? null : otherName],
      [t('verify.administration'), administration && localizedName(administration, locale)],
      [t('verify.course'), localizedName(certificate.course, locale)],
      [t('verify.score'), finalScore === null ? null : `${formatScore(finalScore, locale)} %`],
      [t('verify.completed'), date(certificate.completedAt)],
      [t('verify.issued'), date(certificate.issuedAt)],
      [
        status === 'expired' ? t('verify.expired') : t('verify.expires'),
        expiresAt ? date(expiresAt) : t('verify.noExpiry'),
      ],
      [t('verify.revokedOn'), revokedAt && date(revokedAt)],
      [t('verify.reason'), revokedReason],
      [t('verify.code'), certificate.code],
    ] as const
  ).filter((fact): fact is readonly [string, string] => Boolean(fact[1]))
  return (
    <article className="verification" data-status={status}>
      <h1>{t('verify.title')}</h1>
      <p className="lead">{t('verify.intro')}</p>
      <section className="card verification__status" role="status" aria-labelledby="certificate-status">
        <h2 id="certificate-status">{t(`verify.status.${status}`)}</h2>
        <p>{t(`verify.statusText.${status}`)}</p>
      </section>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  )
}
