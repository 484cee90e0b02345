import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DownloadLinks } from '~/components/download-links'
import { TranscriptCertificates, TranscriptCourseSection } from '~/components/officer-transcript'
import { can } from '~/modules/auth/permissions'
import { describeCell } from '~/modules/manage/matrix'
import { loadTranscript } from '~/edge/transcript-page.server'
import { formatDate } from '~/utils/format'
import type { ReportFormat } from '~/modules/reports/report-format'
import { titleMeta } from '~/utils/meta'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

export const handle = { i18n: ['manage'] }

export async function loader(args: LoaderFunctionArgs) {
  const { user, t, locale, administration, transcript } = await loadTranscript(args)
  const { courses, ...officer } = transcript
  return {
    title: t('transcript.title', { name: officer.displayName }),
    administration,
    officer,
    revokedDownloadable: can(user.role, 'manage:certificates'),
    courses: courses.map(({ cell, ...course }) => ({
      ...course,
      stateText: describeCell(cell, { t, locale }),
      overdue: 'overdue' in cell && cell.overdue,
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default function OfficerTranscript() {
  const { administration, officer, courses, revokedDownloadable } = useLoaderData<typeof loader>()
  const { t } = useTranslation('manage')
  const locale = useLocale()
  const exportUrl = (format: ReportFormat) =>
    href(locale, '/manage/officers/:officer/export', {
      officer: officer.id,
      query: { administration: administration.code, format },
    })
  return (
    <>
      <p>
        <Link to={href(locale, '/manage/matrix', { query: { administration: administration.code } })}>
          {t('transcript.back')}
        </Link>
      </p>
      <h1>{officer.displayName}</h1>
      <p className="lead">
        {officer.email}
        {officer.unit ? ` · ${officer.unit}` : null} · {t(`status.${officer.status}`)} ·{' '}
        {t('transcript.since', { date: formatDate(officer.createdAt, locale) })}
      </p>
      <DownloadLinks url={exportUrl} />
      {courses.length === 0 ? <p>{t('transcript.noCourses')}</p> : null}
      {courses.map((course) => (
        <TranscriptCourseSection key={course.slug} course={course} />
      ))}
      <TranscriptCertificates certificates={officer.certificates} revokedDownloadable={revokedDownloadable} />
    </>
  )
}
