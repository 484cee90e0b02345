import { Link, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useLocale } from '~/i18n/use-locale'
import type { MatrixStatus } from '~/modules/manage/matrix'
import { StatusIcon } from './matrix-cell'
import { averageScoreText, completedShare, SUMMARY_COUNTS, type CourseSummary } from './matrix-summary'

/** Per course, over the administration's officers; a count links to the matrix filtered to those officers. */
export function CourseSummaryTable({ rows }: { rows: CourseSummary[] }) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  const [searchParams] = useSearchParams()
  const filtered = (slug: string, status: MatrixStatus) => {
    const next = new URLSearchParams(searchParams)
    for (const key of ['page', 'sort', 'dir', 'q', 'unit']) next.delete(key)
    next.set('course', slug)
    next.set('status', status)
    return `?${next}`
  }
  return (
    <section aria-labelledby="summary-title" className="matrix-summary">
      <h2 id="summary-title">{t('matrix.summary')}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('matrix.summaryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matrix.course')}</th>
              <th scope="col">{t('matrix.enrolled')}</th>
              <th scope="col">{t('matrix.assigned')}</th>
              {SUMMARY_COUNTS.map(([key, status, label]) => (
                <th key={key} scope="col">
                  <StatusIcon status={status} /> {t(label)}
                </th>
              ))}
              <th scope="col">{t('matrix.completedShare')}</th>
              <th scope="col">{t('matrix.averageScore')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.slug} data-course={row.slug}>
                <th scope="row">{row.title}</th>
                <td>{row.enrolled}</td>
                <td>{row.assigned}</td>
                {SUMMARY_COUNTS.map(([key, status]) => (
                  <td key={key} data-count={status}>
                    {row[key] === 0 ? (
                      0
                    ) : (
                      <Link
                        to={filtered(row.slug, status)}
                        aria-label={`${row[key]}: ${row.title}, ${t(`matrix.status.${status}`)}. ${t('matrix.showFiltered')}`}
                      >
                        {row[key]}
                      </Link>
                    )}
                  </td>
                ))}
                <td>{completedShare(row)}</td>
                <td>{averageScoreText(row, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
