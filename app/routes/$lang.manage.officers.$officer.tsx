import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DownloadLinks } from '~/components/download-links'
import { LatinNameForm, SignInLinkForm } from '~/components/officer-account'
import { TranscriptCertificates, TranscriptCourseSection } from '~/components/officer-transcript'
import { can } from '~/modules/auth/permissions'
import { describeCell } from '~/modules/manage/matrix'
import { loadTranscript } from '~/edge/transcript-page.server'
import { requireManagedAdministration } from '~/edge/manage-scope.server'
import { runOfficerAction } from '~/edge/officer-actions.server'
import { readForm } from '~/edge/request-form.server'
import { invariantResponse } from '~/utils/http'
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

/** The officer's name in Latin script and a new sign-in link; only for the officer's own administration. */
export async function action(args: ActionFunctionArgs) {
  const { user, administration } = await requireManagedAdministration(args)
  invariantResponse(administration, 'common:errors.notFoundText', { status: 404 })
  return runOfficerAction({
    formData: await readForm(args.request),
    administrationId: administration.id,
    officerId: args.params.officer ?? '',
    actorId: user.id,
  })
}

export default function OfficerTranscript() {
  const { administration, officer, courses, revokedDownloadable } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
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
        {officer.latinName ? `${officer.latinName} · ` : null}
        {officer.email}
        {officer.unit ? ` · ${officer.unit}` : null} · {t(`common:accountStatus.${officer.status}`)} ·{' '}
        {t('transcript.since', { date: formatDate(officer.createdAt, locale) })}
      </p>
      <DownloadLinks url={exportUrl} />
      {courses.length === 0 ? <p>{t('transcript.noCourses')}</p> : null}
      {courses.map((course) => (
        <TranscriptCourseSection key={course.slug} course={course} />
      ))}
      <TranscriptCertificates certificates={officer.certificates} revokedDownloadable={revokedDownloadable} />
      <div className="grid-2">
        <LatinNameForm
          latinName={officer.latinName}
          lastResult={actionData?.intent === 'latin-name' ? actionData.result : undefined}
        />
        <SignInLinkForm active={officer.status === 'active'} issued={actionData?.signInLink} />
      </div>
    </>
  )
}
