import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useParams, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CourseSummaryTable } from '~/components/course-summary'
import { OfficerFilters, Pager } from '~/components/officer-filters'
import { loadMatrix } from '~/modules/manage/matrix-page.server'
import { getCourseSummary } from '~/modules/manage/matrix.server'
import { localizedName } from '~/modules/platform/localized'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['manage'] }

export async function loader(args: LoaderFunctionArgs) {
  const { t, locale, ...matrix } = await loadMatrix(args, { all: false })
  const summary = (await getCourseSummary({ administrationId: matrix.administration.id })).map(({ title, ...row }) => ({
    ...row,
    title: localizedName(title, locale),
  }))
  return { title: t('matrix.title'), summary, ...matrix }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default function CompletionMatrix() {
  const { administration, units, filters, courses, officers, total, pages, summary } = useLoaderData<typeof loader>()
  const { t } = useTranslation('manage')
  const { lang } = useParams()
  const [searchParams] = useSearchParams()
  const exportUrl = (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams(searchParams)
    query.delete('page')
    query.set('administration', administration.code)
    query.set('format', format)
    return `/${lang}/manage/matrix/export?${query}`
  }
  return (
    <>
      <h1>{t('matrix.title')}</h1>
      <p className="lead">{t('matrix.intro')}</p>
      <OfficerFilters administrationCode={administration.code} filters={filters} units={units} />
      <p>
        <a className="button button--secondary" href={exportUrl('csv')} download>
          {t('matrix.downloadCsv')}
        </a>{' '}
        <a className="button button--secondary" href={exportUrl('xlsx')} download>
          {t('matrix.downloadXlsx')}
        </a>
      </p>
      <div className="table-wrap">
        <table className="matrix">
          <caption>
            {t('matrix.caption')} · {t('table.count', { count: total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('matrix.officer')}</th>
              {courses.map((course) => (
                <th key={course.slug} scope="col">
                  {course.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {officers.map((officer) => (
              <tr key={officer.id} data-officer={officer.email}>
                <th scope="row">
                  {officer.displayName}
                  {officer.unit ? <span className="hint"> · {officer.unit}</span> : null}
                  {officer.deactivated ? <span className="hint"> · {t('matrix.deactivated')}</span> : null}
                </th>
                {officer.cells.map((cell, index) => (
                  <td
                    key={courses[index]!.slug}
                    data-course={courses[index]!.slug}
                    data-state={cell.state}
                    className={cell.overdue ? 'status--disabled' : undefined}
                  >
                    {cell.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={filters.page} pages={pages} />
      <CourseSummaryTable rows={summary} />
    </>
  )
}
