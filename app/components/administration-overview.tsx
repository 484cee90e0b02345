import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ScrollTable } from './data-table'

interface OverviewRow {
  code: string
  name: string
  officers: number
  enrolments: number
  completed: number
  overdue: number
}

/** The page an admin without an administration gets on the coordinator's pages: choose one. */
export function ChooseAdministration({ rows }: { rows: OverviewRow[] }) {
  const { t } = useTranslation('manage')
  return (
    <>
      <h1>{t('chooseAdministration')}</h1>
      <p className="lead">{t('chooseIntro')}</p>
      <AdministrationOverview rows={rows} />
    </>
  )
}

/** The admin's view over every administration; each links to its officers. */
export function AdministrationOverview({ rows }: { rows: OverviewRow[] }) {
  const { t } = useTranslation('manage')
  return (
    <ScrollTable
      caption={t('overview.caption')}
      columns={[
        t('overview.administration'),
        t('overview.officers'),
        t('overview.enrolments'),
        t('overview.completedShare'),
        t('overview.overdue'),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.code} data-administration={row.code}>
          <th scope="row">
            <Link to={`?administration=${encodeURIComponent(row.code)}`}>{row.name}</Link>
          </th>
          <td>{row.officers}</td>
          <td>{row.enrolments}</td>
          <td>{row.enrolments === 0 ? 0 : Math.round((row.completed * 100) / row.enrolments)}</td>
          <td>{row.overdue}</td>
        </tr>
      ))}
    </ScrollTable>
  )
}
