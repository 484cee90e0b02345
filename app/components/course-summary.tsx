import { useLocale } from '~/i18n/use-locale'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '~/utils/format'

interface SummaryRow {
  slug: string
  title: string
  enrolled: number
  assigned: number
  completed: number
  averageScore: number | null
  overdue: number
}

/** Per course, over the administration's officers. */
export function CourseSummaryTable({ rows }: { rows: SummaryRow[] }) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  const share = (row: SummaryRow) => (row.enrolled === 0 ? 0 : Math.round((row.completed * 100) / row.enrolled))
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('matrix.summary')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('matrix.course')}</th>
              <th scope="col">{t('matrix.enrolled')}</th>
              <th scope="col">{t('matrix.assigned')}</th>
              <th scope="col">{t('matrix.completedCount')}</th>
              <th scope="col">{t('matrix.completedShare')}</th>
              <th scope="col">{t('matrix.averageScore')}</th>
              <th scope="col">{t('matrix.overdueCount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.slug} data-course={row.slug}>
                <th scope="row">{row.title}</th>
                <td>{row.enrolled}</td>
                <td>{row.assigned}</td>
                <td>{row.completed}</td>
                <td>{share(row)}</td>
                <td>
                  {row.averageScore === null ? '—' : formatNumber(Math.round(row.averageScore * 10) / 10, locale)}
                </td>
                <td>{row.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
