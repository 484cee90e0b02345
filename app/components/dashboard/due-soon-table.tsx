import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { DUE_SOON_DAYS } from '~/modules/manage/dashboard'
import { formatDate } from '~/utils/format'
import { DataTable } from '../data-table'

interface DueSoon {
  total: number
  rows: {
    dueAt: string | Date
    started: boolean
    officer: { id: string; displayName: string }
    course: { slug: string; title: string }
  }[]
}

/** Who must finish which course in the next 30 days, soonest first; each name opens the transcript. */
export function DueSoonTable({ administrationCode, dueSoon }: { administrationCode: string; dueSoon: DueSoon }) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  return (
    <div className="dashboard-section">
      <DataTable
        title={t('dashboard.dueSoon', { count: DUE_SOON_DAYS })}
        empty={t('dashboard.nothingDue', { count: DUE_SOON_DAYS })}
        columns={[t('dashboard.dueDate'), t('matrix.officer'), t('matrix.course'), t('table.status')]}
        rows={dueSoon.rows}
        row={(row) => (
          <tr key={`${row.officer.id} ${row.course.slug}`} data-course={row.course.slug}>
            <td>{formatDate(row.dueAt, locale)}</td>
            <th scope="row">
              <Link
                to={href(locale, '/manage/officers/:officer', {
                  officer: row.officer.id,
                  query: { administration: administrationCode },
                })}
              >
                {row.officer.displayName}
              </Link>
            </th>
            <td>{row.course.title}</td>
            <td>{t(row.started ? 'matrix.status.in-progress' : 'matrix.status.not-started')}</td>
          </tr>
        )}
      />
      {dueSoon.total > dueSoon.rows.length ? (
        <p className="hint">{t('dashboard.dueSoonMore', { shown: dueSoon.rows.length, count: dueSoon.total })}</p>
      ) : null}
    </div>
  )
}
