import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { DownloadButton } from './download-button'

type NextStep = { kind: 'exam' } | { kind: 'module'; slug: string; title: string } | null

/**
 * The way on from a passed attempt, right on its result: the next module or the final exam after a
 * module's quiz; the certificate, to download or to verify, after the final exam.
 */
export function AfterPass({
  courseSlug,
  nextStep,
  certificate,
}: {
  courseSlug: string
  nextStep: NextStep
  certificate: { id: string; code: string } | null
}) {
  const locale = useLocale()
  const { t } = useTranslation(['learning', 'certificates'])
  if (certificate)
    return (
      <section className="card after-pass" aria-labelledby="after-pass-title">
        <h2 id="after-pass-title">{t('review.certificateTitle')}</h2>
        <p>
          {t('certificates:verify.code')}: <code>{certificate.code}</code>
        </p>
        <p className="button-row">
          <DownloadButton href={href(locale, '/certificates/:certificate/pdf', { certificate: certificate.id })}>
            {t('certificates:mine.download')}
          </DownloadButton>
          <Link className="button button--secondary" to={href(locale, '/verify/:code', { code: certificate.code })}>
            {t('certificates:mine.verifyLink')}
          </Link>
        </p>
      </section>
    )
  if (!nextStep) return null
  return (
    <p className="after-pass">
      {nextStep.kind === 'exam' ? (
        <Link className="button" to={href(locale, '/courses/:course/exam', { course: courseSlug })}>
          {t('review.toFinalExam')}
        </Link>
      ) : (
        <Link
          className="button"
          to={href(locale, '/courses/:course/modules/:module', { course: courseSlug, module: nextStep.slug })}
        >
          {t('review.nextModule', { module: nextStep.title })}
        </Link>
      )}
    </p>
  )
}
