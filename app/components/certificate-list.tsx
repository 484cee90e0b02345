import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { CertificateStatus } from '~/modules/certificates/status'
import { formatDate } from '~/utils/format'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { SubmitButton } from './submit-button'

interface ListedCertificate {
  id: string
  code: string
  course: string
  issuedAt: Date | string
  expiresAt: Date | string | null
  status: CertificateStatus
  courseSlug: string
  renewable: boolean
}

/** The learner's certificates on "My learning": every one ever issued, the current ones downloadable. */
export function CertificateList({ certificates }: { certificates: ListedCertificate[] }) {
  const locale = useLocale()
  const { t } = useTranslation('certificates')
  return (
    <section aria-labelledby="certificates-title">
      <h2 id="certificates-title">{t('mine.title')}</h2>
      {certificates.length === 0 ? <p>{t('mine.none')}</p> : null}
      <ul className="course-list">
        {certificates.map((certificate) => (
          <li key={certificate.id} className="card" data-certificate={certificate.code}>
            <h3>{certificate.course}</h3>
            <p>
              <strong className={`certificate-status certificate-status--${certificate.status}`}>
                {t(`verify.status.${certificate.status}`)}
              </strong>{' '}
              · {t('mine.issuedOn', { date: formatDate(certificate.issuedAt, locale) })} ·{' '}
              {certificate.expiresAt
                ? t('mine.validUntil', { date: formatDate(certificate.expiresAt, locale) })
                : t('mine.noExpiry')}
            </p>
            <p className="hint">
              {t('verify.code')}: <code>{certificate.code}</code>
            </p>
            <p>
              {certificate.status === 'revoked' ? null : (
                <>
                  {/* A file, not a page: the browser downloads it instead of routing to it. */}
                  <Link
                    className="button"
                    to={href(locale, '/certificates/:certificate/pdf', { certificate: certificate.id })}
                    reloadDocument
                  >
                    {t('mine.download')}
                  </Link>{' '}
                </>
              )}
              <Link to={href(locale, '/verify/:code', { code: certificate.code })}>{t('mine.verifyLink')}</Link>
            </p>
            {certificate.renewable ? (
              <Form method="post" action={href(locale, '/courses/:course', { course: certificate.courseSlug })}>
                <p className="hint">{t('mine.renewHint')}</p>
                <SubmitButton name="intent" value="renew" className="button">
                  {t('mine.renew')}
                </SubmitButton>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
