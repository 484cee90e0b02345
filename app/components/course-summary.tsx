import { Link, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useLocale } from '~/i18n/use-locale'
import type { MatrixStatus } from '~/modules/manage/matrix'
import { ScrollTable } from './data-table'
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
      <ScrollTable
        caption={t('matrix.summaryCaption')}
        captionHidden
        columns={[
          t('matrix.course'),
          t('matrix.enrolled'),
          t('matrix.assigned'),
          ...SUMMARY_COUNTS.map(([key, status, label]) => (
            <span key={key}>
              <StatusIcon status={status} /> {t(label)}
            </span>
          )),
          t('matrix.completedShare'),
          t('matrix.averageScore'),
        ]}
      >
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
      </ScrollTable>
    </section>
  )
}
