import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DataTable, ScrollTable } from '~/components/data-table'
import type { CertificateStatus } from '~/modules/certificates/status'
import { formatDate, formatDateTime, formatScore } from '~/utils/format'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

type When = Date | string

interface Attempt {
  id: string
  number: number
  status: 'IN_PROGRESS' | 'SUBMITTED'
  startedAt: When
  submittedAt: When | null
  score: number | null
  passed: boolean | null
}

export interface TranscriptCourse {
  slug: string
  title: string
  stateText: string
  overdue: boolean
  assigned: boolean
  enrolledAt: When
  dueAt: When | null
  modules: { title: string; openedAt: When | null; completedAt: When | null; attempts: Attempt[] }[]
  examAttempts: Attempt[]
}

export interface TranscriptCertificate {
  id: string
  code: string
  course: string
  status: CertificateStatus
  finalScore: number | null
  issuedAt: When
  expiresAt: When | null
  revokedReason: string | null
}

/** One course of the transcript: where the officer stands, each module, each attempt. */
export function TranscriptCourseSection({ course }: { course: TranscriptCourse }) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  const headingId = `course-${course.slug}`
  return (
    <section aria-labelledby={headingId} className="card" data-course={course.slug}>
      <h2 id={headingId}>{course.title}</h2>
      <p>
        <strong className={course.overdue ? 'status--disabled' : undefined}>{course.stateText}</strong>
        <span className="hint">
          {' · '}
          {t(course.assigned ? 'transcript.assignedOn' : 'transcript.enrolledOn', {
            date: formatDate(course.enrolledAt, locale),
          })}
        </span>
      </p>
      <ScrollTable
        caption={t('transcript.modulesCaption', { course: course.title })}
        captionHidden
        columns={[t('transcript.column.item'), t('transcript.column.status'), t('transcript.attempts')]}
      >
        {course.modules.map((module, index) => (
          <tr key={index}>
            <th scope="row">{module.title}</th>
            <td>
              {module.completedAt
                ? t('transcript.completedOn', { date: formatDate(module.completedAt, locale) })
                : module.openedAt
                  ? t('transcript.openedOn', { date: formatDate(module.openedAt, locale) })
                  : t('transcript.module.notOpened')}
            </td>
            <td>
              <AttemptList attempts={module.attempts} />
            </td>
          </tr>
        ))}
        {course.examAttempts.length > 0 ? (
          <tr>
            <th scope="row">{t('transcript.finalExam')}</th>
            <td>
              {t(
                course.examAttempts.some((attempt) => attempt.passed)
                  ? 'transcript.exam.passed'
                  : 'transcript.exam.notPassed',
              )}
            </td>
            <td>
              <AttemptList attempts={course.examAttempts} />
            </td>
          </tr>
        ) : null}
      </ScrollTable>
    </section>
  )
}

function AttemptList({ attempts }: { attempts: Attempt[] }) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  if (attempts.length === 0) return <span className="hint">{t('transcript.noAttempts')}</span>
  return (
    <ol className="attempt-list">
      {attempts.map((attempt) => (
        <li key={attempt.id} value={attempt.number}>
          {attempt.status === 'IN_PROGRESS'
            ? t('transcript.attempt.inProgress')
            : `${formatScore(attempt.score ?? 0, locale)} % · ${t(attempt.passed ? 'transcript.attempt.passed' : 'transcript.attempt.failed')}`}
          <span className="hint"> · {formatDateTime(attempt.submittedAt ?? attempt.startedAt, locale)}</span>
        </li>
      ))}
    </ol>
  )
}

/** Every certificate of the officer, with the file where the viewer may have it and the public check. */
export function TranscriptCertificates({
  certificates,
  revokedDownloadable,
}: {
  certificates: TranscriptCertificate[]
  revokedDownloadable: boolean
}) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  return (
    <DataTable
      title={t('transcript.certificates')}
      empty={t('transcript.noCertificates')}
      columns={[
        t('transcript.column.course'),
        t('transcript.column.status'),
        t('transcript.issued'),
        t('transcript.validUntil'),
        t('transcript.code'),
      ]}
      rows={certificates}
      row={(certificate) => (
        <tr key={certificate.id} data-certificate={certificate.code}>
          <th scope="row">{certificate.course}</th>
          <td>
            {t(`transcript.certificate.${certificate.status}`)}
            {certificate.revokedReason ? <span className="hint"> · {certificate.revokedReason}</span> : null}
          </td>
          <td>{formatDate(certificate.issuedAt, locale)}</td>
          <td>{certificate.expiresAt ? formatDate(certificate.expiresAt, locale) : t('transcript.noExpiry')}</td>
          <td>
            <code>{certificate.code}</code>{' '}
            {certificate.status !== 'revoked' || revokedDownloadable ? (
              <Link to={href(locale, '/certificates/:certificate/pdf', { certificate: certificate.id })} reloadDocument>
                {t('transcript.pdf')}
              </Link>
            ) : null}{' '}
            <Link to={href(locale, '/verify/:code', { code: certificate.code })}>{t('transcript.verify')}</Link>
          </td>
        </tr>
      )}
    />
  )
}
