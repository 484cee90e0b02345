import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DownloadLinks } from '~/components/download-links'
import { CompletionMatrixTable, CourseStatusFilter } from '~/components/completion-matrix'
import { CompletionsChart } from '~/components/completions-chart'
import { CourseSummaryTable } from '~/components/course-summary'
import { OfficerFilters, Pager } from '~/components/officer-filters'
import { loadMatrix } from '~/edge/matrix-page.server'
import { buildCompletionChart } from '~/modules/manage/completions'
import { getCompletionsOverTime } from '~/modules/manage/completions.server'
import { getCourseSummary } from '~/modules/manage/matrix.server'
import { localizedName } from '~/i18n/localized'
import type { ReportFormat } from '~/modules/reports/report-format'
import { titleMeta } from '~/utils/meta'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

export const handle = { i18n: ['manage'] }

export async function loader(args: LoaderFunctionArgs) {
  const { t, locale, ...matrix } = await loadMatrix(args, { all: false })
  const administrationId = matrix.administration.id
  const [summary, completions] = await Promise.all([
    getCourseSummary({ administrationId }),
    getCompletionsOverTime({ administrationId }),
  ])
  return {
    title: t('matrix.title'),
    summary: summary.map(({ title, ...row }) => ({ ...row, title: localizedName(title, locale) })),
    completions: buildCompletionChart({ ...completions, locale }),
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
      <h1>{t('matrix.title')}</h1>
      <p className="lead">{t('matrix.intro')}</p>
      <OfficerFilters administrationCode={administration.code} filters={filters} units={units}>
        <CourseStatusFilter courses={courses} filters={filters} />
      </OfficerFilters>
      <DownloadLinks url={exportUrl} />
      <CompletionMatrixTable
        courses={courses}
        officers={officers}
        administrationCode={administration.code}
        caption={`${t('matrix.caption')} · ${t('table.count', { count: total })}`}
      />
      <Pager page={filters.page} pages={pages} />
      <CompletionsChart chart={completions} />
      <CourseSummaryTable rows={summary} />
    </>
  )
}
