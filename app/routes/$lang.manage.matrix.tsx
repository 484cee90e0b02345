import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DownloadLinks } from '~/components/download-links'
import { CompletionMatrixTable, CourseStatusFilter, OfficerCourseList } from '~/components/completion-matrix'
import { MatrixLegend } from '~/components/matrix-cell'
import { CompletionsChart } from '~/components/completions-chart'
import { CourseSummaryTable } from '~/components/course-summary'
import { OfficerFilters, Pager } from '~/components/officer-filters'
import { loadMatrix } from '~/edge/matrix-page.server'
import { buildCompletionChart } from '~/modules/manage/completions'
import { getCompletionsOverTime } from '~/modules/manage/completions.server'
import { matrixViewCell } from '~/modules/manage/matrix'
import { getCourseSummary } from '~/modules/manage/matrix.server'
import { localizedName } from '~/i18n/localized'
import type { ReportFormat } from '~/modules/reports/report-format'
import { titleMeta } from '~/utils/meta'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

export const handle = { i18n: ['manage'] }

export async function loader(args: LoaderFunctionArgs) {
  const { t, locale, officers, ...matrix } = await loadMatrix(args, { all: false })
  const administrationId = matrix.administration.id
  const [summary, completions] = await Promise.all([
    getCourseSummary({ administrationId }),
    getCompletionsOverTime({ administrationId }),
  ])
  return {
    title: t('matrix.title'),
    summary: summary.map(({ title, ...row }) => ({ ...row, title: localizedName(title, locale) })),
    completions: buildCompletionChart({ ...completions, locale }),
    officers: officers.map(({ cells, ...officer }) => ({
      ...officer,
      cells: cells.map((cell) => matrixViewCell(cell, { t, locale })),
    })),
    ...matrix,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default function CompletionMatrix() {
  const { administration, units, filters, courses, officers, total, pages, summary, completions } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation('manage')
  const locale = useLocale()
  const [searchParams] = useSearchParams()
  const exportUrl = (format: ReportFormat) => {
    const query = new URLSearchParams(searchParams)
    query.delete('page')
    query.set('administration', administration.code)
    query.set('format', format)
    return href(locale, '/manage/matrix/export', { query })
  }
  return (
    <>
      <div className="page-heading">
        <h1>{t('matrix.title')}</h1>
        <DownloadLinks url={exportUrl} />
      </div>
      <p>
        <Link to={href(locale, '/manage/reminders', { query: { administration: administration.code } })}>
          {t('reminders.link')}
        </Link>
      </p>
      <OfficerFilters administrationCode={administration.code} filters={filters} units={units}>
        <CourseStatusFilter courses={courses} filters={filters} />
      </OfficerFilters>
      <MatrixLegend />
      <CompletionMatrixTable
        courses={courses}
        officers={officers}
        summary={summary}
        administrationCode={administration.code}
        caption={`${t('matrix.caption')} · ${t('table.count', { count: total })}`}
      />
      <OfficerCourseList
        courses={courses}
        officers={officers}
        summary={summary}
        administrationCode={administration.code}
        count={t('table.count', { count: total })}
      />
      <Pager page={filters.page} pages={pages} />
      <CourseSummaryTable rows={summary} />
      <CompletionsChart chart={completions} />
    </>
  )
}
