import { useLoaderData, type MetaFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { localizedName } from '~/i18n/localized'
import type { verificationLoader } from '~/modules/certificates/verify-page.server'
import { formatDate, formatNumber } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const verificationMeta: MetaFunction<typeof verificationLoader> = ({ data }) => [
  ...titleMeta(data),
  { name: 'robots', content: 'noindex' },
]

/** The public verification page: the certificate's status first, then the facts on it. */
export function CertificateVerification() {
  const { certificate } = useLoaderData<typeof verificationLoader>()
  const { t, i18n } = useTranslation('certificates')
  const locale = i18n.language
  const date = (value: Date | string) => formatDate(value, locale)
  const { status, administration, finalScore, expiresAt, revokedAt, revokedReason } = certificate
  // Only the facts this certificate has: no administration, score or expiry row when there is none.
  const facts = (
    [
      [t('verify.learner'), certificate.learnerName],
      [t('verify.administration'), administration && localizedName(administration, locale)],
      [t('verify.course'), localizedName(certificate.course, locale)],
      [t('verify.score'), finalScore === null ? null : `${formatNumber(finalScore, locale)} %`],
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
