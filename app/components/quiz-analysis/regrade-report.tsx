import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ScrollTable } from '~/components/data-table'
import { href } from '~/i18n/href'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import type { RegradeOutcome } from '~/modules/studio/regrade.server'
import { formatDateTime, formatScore } from '~/utils/format'

interface AttemptRow {
  id: string
  number: number
  learnerName: string
  administrationName: string
  oldScore: number
  oldPassed: boolean
  newScore: number
  newPassed: boolean
}

function Result({ score, passed }: { score: number; passed: boolean }) {
  const { t } = useTranslation('quiz-analysis')
  const locale = useLocale()
  return (
    <>
      {t('regrade.score', { score: formatScore(score, locale) })} · {passed ? t('regrade.passed') : t('regrade.failed')}
    </>
  )
}

/** The preview's table: the attempts whose score or pass/fail changes, before and after. */
export function RegradeAttempts({
  rows,
  moreRows,
  unchanged,
}: {
  rows: AttemptRow[]
  moreRows: number
  unchanged: number
}) {
  const { t } = useTranslation('quiz-analysis')
  return (
    <>
      {rows.length > 0 ? (
        <ScrollTable
          caption={t('regrade.tableCaption')}
          columns={[
            t('regrade.learner'),
            t('regrade.administration'),
            t('regrade.attempt'),
            t('regrade.before'),
            t('regrade.after'),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id} data-attempt={row.id}>
              <th scope="row">{row.learnerName}</th>
              <td>{row.administrationName}</td>
              <td>{row.number}</td>
              <td>
                <Result score={row.oldScore} passed={row.oldPassed} />
              </td>
              <td>
                <Result score={row.newScore} passed={row.newPassed} />
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
      {moreRows > 0 ? <p>{t('regrade.moreRows', { count: moreRows })}</p> : null}
      {unchanged > 0 ? <p>{t('regrade.unchanged', { count: unchanged })}</p> : null}
    </>
  )
}

/** What a confirmed regrade did, from its audit entry, with the certificates an administrator should review. */
export function RegradeOutcomeReport({
  report,
  canRevoke,
}: {
  report: { at: Date | string; outcome: RegradeOutcome }
  canRevoke: boolean
}) {
  const { t } = useTranslation('quiz-analysis')
  const locale = useLocale()
  const { outcome } = report
  const certificates = outcome.certificatesToReview
  return (
    <>
      <p className="notice" role="status">
        {t('regrade.done', { date: formatDateTime(report.at, locale), count: outcome.attempts })}
      </p>
      <p>
        {t('regrade.doneChanges', {
          changed: outcome.scoreChanged,
          passing: outcome.nowPassing,
          completed: outcome.coursesCompleted,
          failing: outcome.nowFailing,
        })}
      </p>
      <h2>{t('regrade.certificatesTitle')}</h2>
      {certificates.length === 0 ? (
        <p>{t('regrade.noCertificates')}</p>
      ) : (
        <>
          <p>{t('regrade.certificatesIntro')}</p>
          {canRevoke ? null : <p>{t('regrade.certificatesAskAdmin')}</p>}
          <ScrollTable
            caption={t('regrade.certificatesTitle')}
            captionHidden
            columns={[t('regrade.learner'), t('regrade.certificate'), t('regrade.course'), t('regrade.otherPass')]}
          >
            {certificates.map((certificate) => (
              <tr key={certificate.code} data-certificate={certificate.code}>
                <th scope="row">{certificate.learnerName}</th>
                <td>
                  <code>{certificate.code}</code>
                  {canRevoke ? (
                    <>
                      {' '}
                      <Link to={href(locale, '/admin/certificates', { query: { q: certificate.code } })}>
                        {t('regrade.openInAdmin')}
                      </Link>
                    </>
                  ) : null}
                </td>
                <td>{localizedName(certificate.courseTitle, locale)}</td>
                <td>{certificate.stillPassedOtherwise ? t('regrade.yes') : t('regrade.no')}</td>
              </tr>
            ))}
          </ScrollTable>
        </>
      )}
    </>
  )
}
